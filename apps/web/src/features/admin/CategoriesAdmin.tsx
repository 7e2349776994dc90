import { useMemo, useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { APPEAL_KINDS } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useReference } from '../../api/reference';
import type { Category } from '../../api/types';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { CategorySelect } from '../search/CategorySelect';

type Row = Category & { children?: Row[] };

const M = defineMessages({
  zh: { name: '分类名称', key: '编码', defaultKind: '默认诉求类型', defaultUnit: '默认承办单位', open311: 'Open311 代码', keywords: '关键词', parent: '上级分类（空为一级分类）', create: '新增分类', required: '请填写{field}', keyRule: '小写字母、数字、点、横线或下划线' },
  en: { name: 'Name', key: 'Key', defaultKind: 'Default kind', defaultUnit: 'Default unit', open311: 'Open311 code', keywords: 'Keywords', parent: 'Parent (empty: top level)', create: 'New category', required: 'Please fill in {field}', keyRule: 'lower-case letters, digits, dot, dash or underscore' },
});

/** 诉求分类: the category tree (GET /api/categories) and new categories (POST /api/admin/categories). */
export default function CategoriesAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const tree = useMemo(() => {
    const by = new Map<string | null, Category[]>();
    for (const c of ref.categories) by.set(c.parentId, [...(by.get(c.parentId) ?? []), c]);
    const build = (p: string | null): Row[] => (by.get(p) ?? []).map((c) => { const ch = build(c.id); return ch.length ? { ...c, children: ch } : { ...c }; });
    return build(null);
  }, [ref.categories]);

  async function create() {
    let v: Record<string, unknown>;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await api.post('/api/admin/categories', Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && !(Array.isArray(x) && !x.length))));
      notify.success(t('common.saved'));
      setOpen(false);
      ref.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  const columns: TableColumnsType<Row> = [
    { title: m('name'), dataIndex: 'name', ellipsis: true, render: (n: string, c) => <>{n}{c.active ? null : <Tag style={{ marginLeft: 6 }}>{t('common.inactive')}</Tag>}</> },
    { title: m('key'), dataIndex: 'key', width: 200, ellipsis: true, render: (k: string) => <span className="ms-mono">{k}</span> },
    { title: m('defaultKind'), dataIndex: 'defaultKind', width: 110, render: (k: string | null) => (k ? label('kind', k) : '—') },
    { title: m('defaultUnit'), dataIndex: 'defaultUnitId', width: 190, ellipsis: true, render: (u: string | null) => (u ? ref.unitName(u) : '—') },
    { title: m('keywords'), dataIndex: 'keywords', width: 220, ellipsis: true, render: (k: string[]) => k.join('、') || '—' },
  ];
  return (
    <Card size="small">
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>{m('create')}</Button>
      </Flex>
      <Table<Row> rowKey="id" size="small" columns={columns} dataSource={tree} loading={!ref.loaded} pagination={false} scroll={{ x: 900 }} />
      <Modal open={open} title={m('create')} onCancel={() => setOpen(false)} onOk={() => void create()} confirmLoading={busy} width={620} destroyOnHidden
        okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="parentId" label={m('parent')}><CategorySelect /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="name" label={m('name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="key" label={m('key')} style={{ flex: 1 }} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{0,63}$/, message: m('keyRule') }]}><Input maxLength={64} /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="defaultKind" label={m('defaultKind')} style={{ flex: 1 }}><Select allowClear options={APPEAL_KINDS.map((k) => ({ value: k, label: label('kind', k) }))} /></Form.Item>
            <Form.Item name="defaultUnitId" label={m('defaultUnit')} style={{ flex: 2 }}><UnitSelect /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="open311Code" label={m('open311')} style={{ flex: 1 }}><Input maxLength={32} /></Form.Item>
            <Form.Item name="keywords" label={m('keywords')} style={{ flex: 2 }}><Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} /></Form.Item>
          </Flex>
        </Form>
      </Modal>
    </Card>
  );
}
