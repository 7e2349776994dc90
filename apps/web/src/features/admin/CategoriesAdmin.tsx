import { useMemo, useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Table } from 'antd';
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
import { inactiveRowProps, NameCell, RowActions, useActiveToggle, useAdminError } from './admin-rows';

type Row = Category & { children?: Row[] };

const M = defineMessages({
  zh: { name: '分类名称', key: '编码', defaultKind: '默认诉求类型', defaultUnit: '默认承办单位', open311: 'Open311 代码', keywords: '关键词', parent: '上级分类（空为一级分类）', create: '新增分类', editTitle: '编辑分类：{name}', required: '请填写{field}', keyRule: '小写字母、数字、点、横线或下划线', keyFixed: '编码创建后不可修改', deactivateNote: '其下级分类一并停用；停用后受理时不再可选，历史工单保留原分类。' },
  en: { name: 'Name', key: 'Key', defaultKind: 'Default kind', defaultUnit: 'Default unit', open311: 'Open311 code', keywords: 'Keywords', parent: 'Parent (empty: top level)', create: 'New category', editTitle: 'Edit category: {name}', required: 'Please fill in {field}', keyRule: 'lower-case letters, digits, dot, dash or underscore', keyFixed: 'The key cannot change once created', deactivateNote: 'Its sub-categories are deactivated too; intake no longer offers it, earlier appeals keep it.' },
});

interface FormValues { parentId?: string; name: string; key: string; defaultKind?: string; defaultUnitId?: string; open311Code?: string; keywords?: string[] }

/** 诉求分类: the category tree (GET /api/categories), new categories (POST) and edits, deactivation and reactivation (PATCH /api/admin/categories/:id). */
export default function CategoriesAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const showError = useAdminError();
  const setActive = useActiveToggle('categories', ref.reload);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const tree = useMemo(() => {
    const by = new Map<string | null, Category[]>();
    for (const c of ref.categories) by.set(c.parentId, [...(by.get(c.parentId) ?? []), c]);
    const build = (p: string | null): Row[] => (by.get(p) ?? []).map((c) => { const ch = build(c.id); return ch.length ? { ...c, children: ch } : { ...c }; });
    return build(null);
  }, [ref.categories]);

  function open(category: Category | 'new') {
    form.resetFields();
    if (category !== 'new') {
      form.setFieldsValue({
        parentId: category.parentId ?? undefined, name: category.name, key: category.key, defaultKind: category.defaultKind ?? undefined,
        defaultUnitId: category.defaultUnitId ?? undefined, open311Code: category.open311Code ?? undefined, keywords: category.keywords,
      });
    }
    setEditing(category);
  }

  async function save() {
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      if (editing === 'new') {
        await api.post('/api/admin/categories', Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && !(Array.isArray(x) && !x.length))));
      } else if (editing) {
        // A cleared choice is null: the server clears the parent (top level), the defaults or the Open311 code.
        await api.patch(`/api/admin/categories/${editing.id}`, {
          name: v.name.trim(), parentId: v.parentId ?? null, defaultKind: v.defaultKind ?? null, defaultUnitId: v.defaultUnitId ?? null,
          open311Code: v.open311Code?.trim() || null, keywords: v.keywords ?? [],
        });
      }
      notify.success(t('common.saved'));
      setEditing(null);
      ref.reload();
    } catch (e) { showError(e); } finally { setBusy(false); }
  }

  const columns: TableColumnsType<Row> = [
    { title: m('name'), dataIndex: 'name', ellipsis: true, render: (n: string, c) => <NameCell active={c.active}>{n}</NameCell> },
    { title: m('key'), dataIndex: 'key', width: 200, ellipsis: true, render: (k: string) => <span className="ms-mono">{k}</span> },
    { title: m('defaultKind'), dataIndex: 'defaultKind', width: 110, render: (k: string | null) => (k ? label('kind', k) : '—') },
    { title: m('defaultUnit'), dataIndex: 'defaultUnitId', width: 190, ellipsis: true, render: (u: string | null) => (u ? ref.unitName(u) : '—') },
    { title: m('keywords'), dataIndex: 'keywords', width: 220, ellipsis: true, render: (k: string[]) => k.join('、') || '—' },
    {
      title: t('common.actions'), key: 'ops', width: 150, fixed: 'right',
      render: (_: unknown, c) => <RowActions name={c.name} active={c.active} onEdit={() => open(c)} onToggle={(a) => setActive(c.id, a)} note={m('deactivateNote')} />,
    },
  ];
  const isNew = editing === 'new';
  return (
    <Card size="small">
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      <Table<Row> rowKey="id" size="small" columns={columns} dataSource={tree} loading={!ref.loaded} pagination={false} onRow={inactiveRowProps} scroll={{ x: 1020 }} />
      <Modal open={editing !== null} title={isNew || !editing ? m('create') : m('editTitle', { name: editing.name })} onCancel={() => setEditing(null)} onOk={() => void save()}
        confirmLoading={busy} width={620} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="parentId" label={m('parent')}><CategorySelect /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="name" label={m('name')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="key" label={m('key')} style={{ flex: 1 }} extra={isNew ? undefined : m('keyFixed')}
              rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{0,63}$/, message: m('keyRule') }]}><Input maxLength={64} disabled={!isNew} /></Form.Item>
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
