import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { isApiError } from '../../api/errors';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { listBoardPosts, reviewBoardPost } from './board-api';
import type { BoardPost, BoardPostStatus } from './board-api';
import { MonthlyBulletinPanel } from './MonthlyBulletinPanel';

const M = defineMessages({
  zh: {
    pageTitle: '留言板审核', pending: '待审核', approved: '已公开', rejected: '不公开', number: '编号', title: '标题', content: '诉求内容', reply: '答复',
    unit: '承办单位', category: '分类', askedAt: '留言时间', repliedAt: '答复时间', review: '审核', approve: '审核通过并公开', reject: '不予公开',
    note: '审核意见', found: '自动脱敏：{items}', nothingFound: '未发现个人信息；请仍然通读全文',
    hint: '以下文本已自动脱敏（【姓名】【手机号】等）。公开前请通读并修改：人名、电话、证件号、车牌、银行卡、邮箱、详细地址都不能出现。',
    remaining: '保存的文本中仍检测到：{items}。请确认后再公开。', stale: '该留言已被他人审核，请刷新后重试', empty: '没有需要审核的留言', required: '请填写{field}',
    reviewedAt: '审核时间', publishedAt: '公开时间',
    'pii.name': '姓名', 'pii.mobile': '手机号', 'pii.landline': '电话', 'pii.id_card': '身份证号', 'pii.bank_card': '银行卡号', 'pii.plate': '车牌号', 'pii.email': '邮箱', 'pii.address': '地址',
  },
  en: {
    pageTitle: 'Message board review', pending: 'Pending', approved: 'Published', rejected: 'Not published', number: 'Number', title: 'Title', content: 'Appeal', reply: 'Reply',
    unit: 'Handling unit', category: 'Category', askedAt: 'Asked', repliedAt: 'Replied', review: 'Review', approve: 'Approve and publish', reject: 'Do not publish',
    note: 'Review note', found: 'Redacted automatically: {items}', nothingFound: 'No personal data found; still read it all',
    hint: 'The text below was redacted automatically (【姓名】, 【手机号】…). Read and edit it before publishing: no names, phone, ID, plate, bank card, e-mail or detailed address may remain.',
    remaining: 'The saved text still seems to contain: {items}. Check it before publishing.', stale: 'Someone else reviewed this post; reload and try again', empty: 'Nothing to review', required: 'Please fill in {field}',
    reviewedAt: 'Reviewed', publishedAt: 'Published',
    'pii.name': 'name', 'pii.mobile': 'mobile', 'pii.landline': 'phone', 'pii.id_card': 'ID number', 'pii.bank_card': 'bank card', 'pii.plate': 'plate', 'pii.email': 'e-mail', 'pii.address': 'address',
  },
});
type Key = keyof typeof M.zh;

interface FormValues { title: string; content: string; reply: string; note?: string }

/** 留言板审核: read the automatically redacted posts of closed appeals, edit them, publish or refuse; below, 每月通报. */
export default function BoardReview() {
  const { t } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const [status, setStatus] = useState<BoardPostStatus>('pending');
  const posts = useApi((signal) => listBoardPosts(status, signal), [status]);
  const [editing, setEditing] = useState<BoardPost | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const piiList = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${m(`pii.${k}` as Key)}×${n}`).join('、');
  function open(p: BoardPost) {
    form.resetFields();
    form.setFieldsValue({ title: p.title, content: p.content, reply: p.reply, note: p.reviewNote ?? '' });
    setEditing(p);
  }
  async function decide(decision: 'approve' | 'reject') {
    if (!editing) return;
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      const saved = await reviewBoardPost(editing.appealId, { version: editing.version, title: v.title, content: v.content, reply: v.reply, decision, note: v.note?.trim() || undefined });
      if (saved.remaining.length) notify.warning(m('remaining', { items: [...new Set(saved.remaining)].map((k) => m(`pii.${k}` as Key)).join('、') }));
      else notify.success(t('common.saved'));
      setEditing(null);
      posts.reload();
    } catch (e) {
      if (isApiError(e, 'STALE_STATE')) { notify.warning(m('stale')); setEditing(null); posts.reload(); } else notify.error(e);
    } finally { setBusy(false); }
  }

  const found = editing ? Object.values(editing.redactions).reduce<Record<string, number>>((acc, byType) => {
    for (const [k, n] of Object.entries(byType)) acc[k] = (acc[k] ?? 0) + n;
    return acc;
  }, {}) : {};
  const textRule = (field: Key) => [{ required: true, whitespace: true, message: m('required', { field: m(field) }) }];
  return (
    <>
      <PageTitle title={m('pageTitle')} />
      <Card size="small">
        {posts.error ? <ErrorAlert error={posts.error} onRetry={posts.reload} /> : null}
        <Segmented<BoardPostStatus> style={{ marginBottom: 12 }} value={status} onChange={setStatus}
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: m(s) }))} />
        <List<BoardPost> loading={posts.loading} dataSource={posts.data ?? []} locale={{ emptyText: <Empty description={m('empty')} /> }}
          renderItem={(p) => (
            <List.Item actions={[<Button key="review" type="link" onClick={() => open(p)}>{m('review')}</Button>]}>
              <List.Item.Meta
                title={<Space wrap><Typography.Text strong>{p.title}</Typography.Text><Tag>{p.number}</Tag>{p.unitName ? <Tag color="blue">{p.unitName}</Tag> : null}</Space>}
                description={<>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>{p.content}</Typography.Paragraph>
                  <Typography.Text type="secondary">{m('askedAt')} {formatTime(p.askedAt)} · {m('repliedAt')} {formatTime(p.repliedAt)}{p.publishedAt ? ` · ${m('publishedAt')} ${formatTime(p.publishedAt)}` : ''}</Typography.Text>
                </>} />
            </List.Item>
          )} />
      </Card>
      <MonthlyBulletinPanel />
      <Modal open={editing !== null} title={`${m('review')} ${editing?.number ?? ''}`} onCancel={() => setEditing(null)} width={820} destroyOnHidden
        footer={<Flex justify="flex-end" gap={8}>
          <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          <Button danger loading={busy} onClick={() => void decide('reject')}>{m('reject')}</Button>
          <Button type="primary" loading={busy} onClick={() => void decide('approve')}>{m('approve')}</Button>
        </Flex>}>
        {editing ? <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={m('hint')}
            description={Object.keys(found).length ? m('found', { items: piiList(found) }) : m('nothingFound')} />
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }} items={[
            { key: 'category', label: m('category'), children: editing.categoryName ?? '—' },
            { key: 'unit', label: m('unit'), children: editing.unitName ?? '—' },
          ]} />
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item name="title" label={m('title')} rules={textRule('title')}><Input maxLength={200} showCount /></Form.Item>
            <Form.Item name="content" label={m('content')} rules={textRule('content')}><Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10_000} /></Form.Item>
            <Form.Item name="reply" label={m('reply')} rules={textRule('reply')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} /></Form.Item>
            <Form.Item name="note" label={m('note')}><Input maxLength={500} /></Form.Item>
          </Form>
        </> : null}
      </Modal>
    </>
  );
}
