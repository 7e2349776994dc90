import { useEffect, useRef, useState } from 'react';
import { Button, Card, Empty, Flex, Image, Tag, Typography } from 'antd';
import { FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_LIMITS } from '@minsheng/contracts';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useMessages } from '../../i18n';

export interface Attachment { id: string; filename: string; contentType: string; sizeBytes: number; source: string; createdAt: string; url: string }

const M = defineMessages({
  zh: {
    title: '附件', upload: '上传附件', none: '暂无附件', open: '打开', citizen: '群众提交', staff: '工作人员', exchange: '上级转来',
    hint: '图片或 PDF，最多 {max} 个，每个不超过 {mb} MB', uploaded: '已上传 {n} 个附件', full: '已达 {max} 个附件上限',
  },
  en: {
    title: 'Attachments', upload: 'Upload', none: 'No attachments', open: 'Open', citizen: 'From the citizen', staff: 'Staff', exchange: 'Upper level',
    hint: 'Images or PDF, at most {max}, each up to {mb} MB', uploaded: '{n} attachment(s) uploaded', full: 'The limit of {max} attachments is reached',
  },
});

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** An image attachment's thumbnail: fetched with the session's token (an <img src> cannot carry it), previewable. */
function Thumbnail({ item }: { item: Attachment }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    let url: string | null = null;
    api.blob(item.url, ctrl.signal).then((b) => { url = URL.createObjectURL(b); setSrc(url); }, () => undefined);
    return () => { ctrl.abort(); if (url) URL.revokeObjectURL(url); };
  }, [item.url]);
  return <Image width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} src={src ?? undefined} alt={item.filename} placeholder />;
}

/**
 * 附件: the appeal's photos and documents, newest last. Images show as thumbnails with a preview; a PDF opens in a new
 * tab from the fetched bytes. Staff who can read the appeal may add files up to the limit; the server checks each
 * file's real type and size and answers a refusal that is shown as it is.
 */
export function AttachmentsCard({ appealId }: { appealId: string }) {
  const m = useMessages(M);
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Attachment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    api.get<{ items: Attachment[] }>(`/api/appeals/${appealId}/attachments`, undefined, ctrl.signal).then((r) => setItems(r.items), (e: unknown) => { if (!ctrl.signal.aborted) setError(e); });
    return () => ctrl.abort();
  }, [appealId, tick]);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    const form = new FormData();
    for (const f of Array.from(files)) form.append('files', f, f.name);
    setBusy(true);
    try {
      const r = await api.upload<{ items: Attachment[] }>(`/api/appeals/${appealId}/attachments`, form);
      notify.success(m('uploaded', { n: r.items.length }));
      setTick((n) => n + 1);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function openPdf(item: Attachment) {
    try { await api.openInTab(item.url); } catch (e) { notify.error(e); }
  }

  const full = (items?.length ?? 0) >= ATTACHMENT_LIMITS.maxFiles;
  return (
    <Card size="small" title={<Flex gap={6} align="center"><PaperClipOutlined />{m('title')}{items?.length ? <Tag>{items.length}</Tag> : null}</Flex>} data-testid="attachments"
      extra={<Button size="small" icon={<UploadOutlined />} loading={busy} disabled={full} title={full ? m('full', { max: ATTACHMENT_LIMITS.maxFiles }) : undefined}
        onClick={() => input.current?.click()}>{m('upload')}</Button>}>
      <input ref={input} type="file" multiple style={{ display: 'none' }} accept="image/jpeg,image/png,image/gif,image/webp,application/pdf" data-testid="attachment-input"
        onChange={(e) => void upload(e.target.files)} />
      {error ? <ErrorAlert error={error} onRetry={() => setTick((n) => n + 1)} /> : !items ? null : !items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('none')} style={{ margin: 8 }} />
      ) : (
        <Image.PreviewGroup>
          <Flex gap={12} wrap>
            {items.map((item) => (
              <Flex key={item.id} vertical gap={4} style={{ width: 120 }}>
                {item.contentType.startsWith('image/') ? <Thumbnail item={item} /> : (
                  <Button style={{ width: 96, height: 96 }} icon={<FilePdfOutlined style={{ fontSize: 32 }} />} onClick={() => void openPdf(item)} aria-label={`${m('open')} ${item.filename}`} />
                )}
                <Typography.Text className="ms-wrap" style={{ fontSize: 12 }} ellipsis={{ tooltip: item.filename }}>{item.filename}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>{m(item.source === 'citizen' ? 'citizen' : item.source === 'exchange' ? 'exchange' : 'staff')} · {size(item.sizeBytes)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>{formatTime(item.createdAt)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {m('hint', { max: ATTACHMENT_LIMITS.maxFiles, mb: ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024 })}
      </Typography.Text>
    </Card>
  );
}
