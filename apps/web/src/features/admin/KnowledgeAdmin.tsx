import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/errors';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { CategorySelect } from '../search/CategorySelect';
import { createKnowledgeArticle, deactivateKnowledgeArticle, searchKnowledge, updateKnowledgeArticle } from '../knowledge/knowledge-api';
import type { KnowledgeArticle, KnowledgeArticleInput } from '../knowledge/knowledge-api';

const PAGE_SIZE = 20;

const M = defineMessages({
  zh: {
    title: '标题', category: '分类', keywords: '关键词', body: '正文', updatedAt: '更新时间', version: '版本', none: '未分类',
    public: '公开', internal: '内部', publicHint: '公开：门户网站可展示；内部：仅工作人员可见', search: '搜索标题、关键词、正文（支持中文分词）',
    create: '新增知识', edit: '修改知识', deactivate: '停用', reactivate: '启用', deactivateConfirm: '停用后坐席检索不到该条目，历史保留，可再次启用。',
    showInactive: '显示已停用', required: '请填写{field}', keywordsHint: '回车或逗号分隔；最多 30 个，每个不超过 30 字', noResult: '没有匹配的知识条目',
    stale: '该条目已被他人修改（当前为 v{version}）。可以用您的修改覆盖，或放弃修改后重新打开。', overwrite: '用我的修改覆盖', discard: '放弃修改',
    staleShort: '该条目已被他人修改，请刷新后重试',
  },
  en: {
    title: 'Title', category: 'Category', keywords: 'Keywords', body: 'Text', updatedAt: 'Updated', version: 'Version', none: 'No category',
    public: 'Public', internal: 'Internal', publicHint: 'Public: the portal may show it; internal: staff only', search: 'Search titles, keywords and text',
    create: 'New article', edit: 'Edit article', deactivate: 'Deactivate', reactivate: 'Reactivate', deactivateConfirm: 'Agents will no longer find it; its history is kept and it can be reactivated.',
    showInactive: 'Show deactivated', required: 'Please fill in {field}', keywordsHint: 'Enter or comma separates; at most 30, each up to 30 characters', noResult: 'No matching articles',
    stale: 'Someone else changed this article (now v{version}). Overwrite it with your changes, or discard them and open it again.', overwrite: 'Overwrite with mine', discard: 'Discard my changes',
    staleShort: 'Someone else changed this article; reload and try again',
  },
});

interface FormValues { title: string; body: string; categoryId?: string; keywords?: string[]; public?: boolean }

/** 知识库: search, create, edit, deactivate and reactivate articles (/api/knowledge). */
export default function KnowledgeAdmin() {
  const { t } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [inactive, setInactive] = useState(false);
  // Keyset pages: the cursors that opened pages 1…n (page 1 has none).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useApi((signal) => searchKnowledge(q, { categoryId, includeInactive: inactive, limit: PAGE_SIZE, cursor }, signal), [q, categoryId, inactive, cursor]);
  const [editing, setEditing] = useState<KnowledgeArticle | 'new' | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const restart = () => setCursors([null]);
  function open(a: KnowledgeArticle | 'new') {
    form.resetFields();
    if (a !== 'new') form.setFieldsValue({ title: a.title, body: a.body, categoryId: a.categoryId ?? undefined, keywords: a.keywords, public: a.public });
    setConflict(null);
    setEditing(a);
  }

  async function save(overwriteVersion?: number) {
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    const input: KnowledgeArticleInput = { title: v.title.trim(), body: v.body.trim(), categoryId: v.categoryId ?? null, keywords: v.keywords ?? [], public: !!v.public };
    setBusy(true);
    try {
      if (editing === 'new') await createKnowledgeArticle(input);
      else if (editing) await updateKnowledgeArticle(editing.id, overwriteVersion ?? editing.version, input);
      notify.success(t('common.saved'));
      setEditing(null);
      page.reload();
    } catch (e) {
      const current = isApiError(e, 'STALE_STATE') ? e.details?.version : undefined;
      if (typeof current === 'number') setConflict(current);
      else notify.error(e);
    } finally { setBusy(false); }
  }

  async function setActive(a: KnowledgeArticle, active: boolean) {
    try {
      if (active) await updateKnowledgeArticle(a.id, a.version, { active: true });
      else await deactivateKnowledgeArticle(a.id);
      notify.success(t('common.done'));
      page.reload();
    } catch (e) {
      if (isApiError(e, 'STALE_STATE')) { notify.warning(m('staleShort')); page.reload(); } else notify.error(e);
    }
  }

  const columns: TableColumnsType<KnowledgeArticle> = [
    {
      title: `${m('title')} / ${m('keywords')}`, dataIndex: 'title', width: 300, render: (title: string, a) => (
        <div className="ms-wrap">
          <Typography.Text strong>{title}</Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {a.public ? <Tag color="green" style={{ marginInlineEnd: 0 }}>{m('public')}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>{m('internal')}</Tag>}
            {a.active ? null : <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('common.inactive')}</Tag>}
            {a.keywords.map((w) => <Tag key={w} bordered={false} style={{ marginInlineEnd: 0 }}>{w}</Tag>)}
          </Flex>
        </div>
      ),
    },
    { title: m('category'), dataIndex: 'categoryId', width: 150, render: (c: string | null) => <span className="ms-wrap">{c ? ref.categoryPath(c) : <Tag>{m('none')}</Tag>}</span> },
    { title: m('body'), dataIndex: 'snippet', render: (s: string) => <Typography.Text type="secondary" className="ms-wrap">{s}</Typography.Text> },
    { title: `${m('updatedAt')} / ${m('version')}`, dataIndex: 'updatedAt', width: 165, render: (u: string, a) => <><div style={{ whiteSpace: 'nowrap' }}>{formatTime(u)}</div><Typography.Text type="secondary">v{a.version}</Typography.Text></> },
    {
      title: t('common.actions'), key: 'ops', width: 150, fixed: 'right', render: (_: unknown, a) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => open(a)}>{t('common.edit')}</Button>
          {a.active ? (
            <Popconfirm title={m('deactivateConfirm')} onConfirm={() => void setActive(a, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button size="small" type="link" danger>{m('deactivate')}</Button>
            </Popconfirm>
          ) : <Button size="small" type="link" onClick={() => void setActive(a, true)}>{m('reactivate')}</Button>}
        </Space>
      ),
    },
  ];
  const items = page.data?.items ?? [];
  return (
    <Card size="small">
      {page.error ? <ErrorAlert error={page.error} onRetry={page.reload} /> : null}
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear placeholder={m('search')} style={{ width: 320 }} maxLength={100} onSearch={(v) => { setQ(v); restart(); }} />
          <CategorySelect value={categoryId} onChange={(v) => { setCategoryId(v); restart(); }} placeholder={m('category')} style={{ width: 220 }} />
          <Space size={6}><Switch size="small" checked={inactive} onChange={(v) => { setInactive(v); restart(); }} />{m('showInactive')}</Space>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      <Table<KnowledgeArticle> rowKey="id" size="small" columns={columns} dataSource={items} loading={page.loading} pagination={false} scroll={{ x: 1150 }}
        locale={{ emptyText: m('noResult') }}
        expandable={{ expandedRowRender: (a) => <Typography.Paragraph className="ms-wrap" style={{ margin: 0, maxWidth: 900 }}>{a.body}</Typography.Paragraph> }} />
      <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
        <Button size="small" disabled={cursors.length <= 1 || page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('common.prev')}</Button>
        <span>{t('common.page', { n: cursors.length })}</span>
        <Button size="small" disabled={!page.data?.nextCursor || page.loading} onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? null])}>{t('common.next')}</Button>
      </Flex>
      <Modal open={editing !== null} title={editing === 'new' ? m('create') : m('edit')} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={busy}
        width={760} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ disabled: conflict !== null }}>
        {conflict !== null ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={m('stale', { version: conflict })}
            action={<Space direction="vertical" size={4}>
              <Button size="small" danger onClick={() => void save(conflict)}>{m('overwrite')}</Button>
              <Button size="small" onClick={() => { setEditing(null); page.reload(); }}>{m('discard')}</Button>
            </Space>} />
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="title" label={m('title')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('title') }) }]}>
            <Input maxLength={200} showCount />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="categoryId" label={m('category')} style={{ flex: 1 }}><CategorySelect placeholder={m('none')} /></Form.Item>
            <Form.Item name="public" label={m('public')} valuePropName="checked" tooltip={m('publicHint')}><Switch /></Form.Item>
          </Flex>
          <Form.Item name="keywords" label={m('keywords')} extra={m('keywordsHint')}
            rules={[{ validator: (_, v?: string[]) => (!v || (v.length <= 30 && v.every((w) => w.trim().length > 0 && w.length <= 30)) ? Promise.resolve() : Promise.reject(new Error(m('keywordsHint')))) }]}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} open={false} maxTagTextLength={30} />
          </Form.Item>
          <Form.Item name="body" label={m('body')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('body') }) }]}>
            <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20_000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
