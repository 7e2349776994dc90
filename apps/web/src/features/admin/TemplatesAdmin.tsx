import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { RESULTS_BY_TRACK, TRACKS } from '@minsheng/contracts';
import type { ReplyResult } from '@minsheng/contracts';
import { isApiError } from '../../api/errors';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { CategorySelect } from '../search/CategorySelect';
import { createReplyTemplate, deactivateReplyTemplate, listAllReplyTemplates, listReplyTemplates, updateReplyTemplate } from '../knowledge/knowledge-api';
import type { ReplyTemplate, ReplyTemplateInput } from '../knowledge/knowledge-api';

const M = defineMessages({
  zh: {
    name: '模板名称', category: '适用分类', result: '答复结果', text: '模板内容', sortOrder: '排序', updatedAt: '更新时间', version: '版本',
    generic: '通用', anyResult: '任意结果', filter: '筛选名称或内容', categoryFilter: '按分类查看答复时可选的模板',
    categoryHint: '选择分类后，列出该分类及其上级分类的模板和通用模板，顺序与承办人答复时看到的一致。',
    create: '新增模板', edit: '修改模板', deactivate: '停用', reactivate: '启用', deactivateConfirm: '停用后答复时不再提供该模板，历史保留，可再次启用。',
    showInactive: '显示已停用', required: '请填写{field}', textHint: '可用【】标出需承办人补充的内容，例如【处理结果】。', sortHint: '数字小的排在前面',
    stale: '该模板已被他人修改（当前为 v{version}）。可以用您的修改覆盖，或放弃修改后重新打开。', overwrite: '用我的修改覆盖', discard: '放弃修改',
    staleShort: '该模板已被他人修改，请刷新后重试', empty: '没有符合条件的模板',
  },
  en: {
    name: 'Name', category: 'Category', result: 'Reply result', text: 'Text', sortOrder: 'Order', updatedAt: 'Updated', version: 'Version',
    generic: 'Any category', anyResult: 'Any result', filter: 'Filter by name or text', categoryFilter: 'Templates a reply in this category is offered',
    categoryHint: 'With a category: its own templates, its parent categories\', then the generic ones, in the order a handler sees them.',
    create: 'New template', edit: 'Edit template', deactivate: 'Deactivate', reactivate: 'Reactivate', deactivateConfirm: 'Replies will no longer offer it; its history is kept and it can be reactivated.',
    showInactive: 'Show deactivated', required: 'Please fill in {field}', textHint: 'Mark what the handler fills in with 【】, e.g. 【result】.', sortHint: 'Lower numbers come first',
    stale: 'Someone else changed this template (now v{version}). Overwrite it with your changes, or discard them and open it again.', overwrite: 'Overwrite with mine', discard: 'Discard my changes',
    staleShort: 'Someone else changed this template; reload and try again', empty: 'No matching templates',
  },
});

interface FormValues { name: string; text: string; categoryId?: string; result?: ReplyResult; sortOrder?: number | null }

/** 答复模板: the wording handlers start a reply from, per category and reply result (/api/reply-templates). */
export default function TemplatesAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [result, setResult] = useState<ReplyResult | undefined>();
  const [inactive, setInactive] = useState(false);
  const [text, setText] = useState('');
  // With a category or result the server orders as the reply form will; otherwise every template, the deactivated too.
  const list = useApi((signal) => (categoryId || result ? listReplyTemplates(categoryId, result, signal) : listAllReplyTemplates(signal)), [categoryId, result]);
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const resultOptions = useMemo(() => TRACKS.map((track) => ({
    label: label('track', track), options: RESULTS_BY_TRACK[track].map((r) => ({ value: r, label: label('result', r) })),
  })), [label]);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (list.data ?? []).filter((x) => (inactive || x.active) && (!needle || x.name.toLowerCase().includes(needle) || x.text.toLowerCase().includes(needle)));
  }, [list.data, inactive, text]);

  function open(x: ReplyTemplate | 'new') {
    form.resetFields();
    if (x !== 'new') form.setFieldsValue({ name: x.name, text: x.text, categoryId: x.categoryId ?? undefined, result: x.result ?? undefined, sortOrder: x.sortOrder });
    setConflict(null);
    setEditing(x);
  }

  async function save(overwriteVersion?: number) {
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    const input: ReplyTemplateInput = { name: v.name.trim(), text: v.text.trim(), categoryId: v.categoryId ?? null, result: v.result ?? null, sortOrder: v.sortOrder ?? 0 };
    setBusy(true);
    try {
      if (editing === 'new') await createReplyTemplate(input);
      else if (editing) await updateReplyTemplate(editing.id, overwriteVersion ?? editing.version, input);
      notify.success(t('common.saved'));
      setEditing(null);
      list.reload();
    } catch (e) {
      const current = isApiError(e, 'STALE_STATE') ? e.details?.version : undefined;
      if (typeof current === 'number') setConflict(current);
      else notify.error(e);
    } finally { setBusy(false); }
  }

  async function setActive(x: ReplyTemplate, active: boolean) {
    try {
      if (active) await updateReplyTemplate(x.id, x.version, { active: true });
      else await deactivateReplyTemplate(x.id);
      notify.success(t('common.done'));
      list.reload();
    } catch (e) {
      if (isApiError(e, 'STALE_STATE')) { notify.warning(m('staleShort')); list.reload(); } else notify.error(e);
    }
  }

  const columns: TableColumnsType<ReplyTemplate> = [
    {
      title: m('name'), dataIndex: 'name', width: 180, render: (name: string, x) => (
        <div className="ms-wrap"><Typography.Text strong>{name}</Typography.Text>{x.active ? null : <Tag color="red" style={{ marginLeft: 6 }}>{t('common.inactive')}</Tag>}</div>
      ),
    },
    { title: m('category'), dataIndex: 'categoryId', width: 170, render: (c: string | null) => <span className="ms-wrap">{c ? ref.categoryPath(c) : <Tag color="blue">{m('generic')}</Tag>}</span> },
    { title: m('result'), dataIndex: 'result', width: 100, render: (r: ReplyResult | null) => (r ? label('result', r) : <Tag>{m('anyResult')}</Tag>) },
    {
      title: m('text'), dataIndex: 'text', render: (s: string) => (
        <Typography.Paragraph className="ms-wrap" style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>{s}</Typography.Paragraph>
      ),
    },
    { title: m('sortOrder'), dataIndex: 'sortOrder', width: 56 },
    { title: `${m('updatedAt')} / ${m('version')}`, dataIndex: 'updatedAt', width: 165, render: (u: string, x) => <><div style={{ whiteSpace: 'nowrap' }}>{formatTime(u)}</div><Typography.Text type="secondary">v{x.version}</Typography.Text></> },
    {
      title: t('common.actions'), key: 'ops', width: 150, fixed: 'right', render: (_: unknown, x) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => open(x)}>{t('common.edit')}</Button>
          {x.active ? (
            <Popconfirm title={m('deactivateConfirm')} onConfirm={() => void setActive(x, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button size="small" type="link" danger>{m('deactivate')}</Button>
            </Popconfirm>
          ) : <Button size="small" type="link" onClick={() => void setActive(x, true)}>{m('reactivate')}</Button>}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear placeholder={m('filter')} style={{ width: 240 }} onSearch={setText} onChange={(e) => { if (!e.target.value) setText(''); }} />
          <CategorySelect value={categoryId} onChange={setCategoryId} placeholder={m('categoryFilter')} style={{ width: 260 }} />
          <Select allowClear value={result} onChange={setResult} options={resultOptions} placeholder={m('result')} style={{ width: 160 }} />
          <Space size={6}><Switch size="small" checked={inactive} disabled={!!(categoryId || result)} onChange={setInactive} />{m('showInactive')}</Space>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      {categoryId ? <Alert type="info" showIcon message={m('categoryHint')} style={{ marginBottom: 12 }} /> : null}
      <Table<ReplyTemplate> rowKey="id" size="small" columns={columns} dataSource={rows} loading={list.loading} scroll={{ x: 1150 }}
        locale={{ emptyText: m('empty') }} pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} />
      <Modal open={editing !== null} title={editing === 'new' ? m('create') : m('edit')} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={busy}
        width={720} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ disabled: conflict !== null }}>
        {conflict !== null ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={m('stale', { version: conflict })}
            action={<Space direction="vertical" size={4}>
              <Button size="small" danger onClick={() => void save(conflict)}>{m('overwrite')}</Button>
              <Button size="small" onClick={() => { setEditing(null); list.reload(); }}>{m('discard')}</Button>
            </Space>} />
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Flex gap={12}>
            <Form.Item name="name" label={m('name')} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}>
              <Input maxLength={100} showCount />
            </Form.Item>
            <Form.Item name="sortOrder" label={m('sortOrder')} tooltip={m('sortHint')} style={{ width: 120 }}>
              <InputNumber min={-10_000} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="categoryId" label={m('category')} style={{ flex: 1 }}><CategorySelect placeholder={m('generic')} /></Form.Item>
            <Form.Item name="result" label={m('result')} style={{ flex: 1 }}><Select allowClear options={resultOptions} placeholder={m('anyResult')} /></Form.Item>
          </Flex>
          <Form.Item name="text" label={m('text')} extra={m('textHint')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('text') }) }]}>
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={10_000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
