import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { UNIT_KINDS } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useReference } from '../../api/reference';
import type { Unit } from '../../api/types';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { inactiveRowProps, NameCell, RowActions, useActiveToggle, useAdminError } from './admin-rows';

type Row = Unit & { children?: Row[] };

const M = defineMessages({
  zh: { name: '单位名称', shortName: '简称', kind: '类型', key: '编码', phone: '电话', address: '地址', hours: '接待时间', areas: '管辖区划', parent: '上级单位', create: '新增单位', editTitle: '编辑单位：{name}', areasHint: '区划代码，多个用空格或逗号分隔', count: '{n} 个', required: '请填写{field}', keyRule: '小写字母、数字、点、横线或下划线', keyFixed: '编码创建后不可修改', root: '（顶级单位，无上级）', deactivateNote: '有未办结诉求、在岗用户或启用的下级单位时不能停用；停用后不再出现在派单选项和派单建议中。' },
  en: { name: 'Name', shortName: 'Short name', kind: 'Kind', key: 'Key', phone: 'Phone', address: 'Address', hours: 'Reception hours', areas: 'Areas served', parent: 'Parent unit', create: 'New unit', editTitle: 'Edit unit: {name}', areasHint: 'Area codes separated by spaces or commas', count: '{n}', required: 'Please fill in {field}', keyRule: 'lower-case letters, digits, dot, dash or underscore', keyFixed: 'The key cannot change once created', root: '(top unit, no parent)', deactivateNote: 'Not possible while it has open appeals, active users or active sub-units; once deactivated it is no longer offered for dispatch or proposed by routing.' },
});

interface FormValues { parentId?: string; name: string; shortName?: string; key: string; kind: string; areaCodes?: string; phone?: string; receptionHours?: string; address?: string }

/** 单位: the unit tree (GET /api/units), new units (POST) and edits, deactivation and reactivation (PATCH /api/admin/units/:id). */
export default function UnitsAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const showError = useAdminError();
  const setActive = useActiveToggle('units', ref.reload);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const tree = useMemo(() => {
    const ids = new Set(ref.units.map((u) => u.id));
    const by = new Map<string | null, Unit[]>();
    for (const u of ref.units) { const p = u.parentId && ids.has(u.parentId) ? u.parentId : null; by.set(p, [...(by.get(p) ?? []), u]); }
    const build = (p: string | null): Row[] => (by.get(p) ?? []).map((u) => { const c = build(u.id); return c.length ? { ...u, children: c } : { ...u }; });
    return build(null);
  }, [ref.units]);
  // A unit cannot move under itself or its own sub-units: the parent choice leaves them out (the server refuses them too).
  const subtree = useMemo(() => {
    if (!editing || editing === 'new') return new Set<string>();
    const ids = new Set([editing.id]);
    for (let grew = true; grew;) { grew = false; for (const u of ref.units) if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) { ids.add(u.id); grew = true; } }
    return ids;
  }, [editing, ref.units]);
  const parentFilter = useCallback((u: Unit) => !subtree.has(u.id), [subtree]);

  function open(unit: Unit | 'new') {
    form.resetFields();
    if (unit !== 'new') {
      form.setFieldsValue({
        parentId: unit.parentId ?? undefined, name: unit.name, shortName: unit.shortName ?? undefined, key: unit.key, kind: unit.kind,
        areaCodes: unit.areaCodes.join(' '), phone: unit.phone ?? '', receptionHours: unit.receptionHours ?? '', address: unit.address ?? '',
      });
    }
    setEditing(unit);
  }

  async function save() {
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      const areaCodes = (v.areaCodes ?? '').split(/[\s,，]+/).filter(Boolean);
      if (editing === 'new') {
        const fields: Record<string, unknown> = { ...v, areaCodes: areaCodes.length ? areaCodes : undefined };
        await api.post('/api/admin/units', Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined && x !== '')));
      } else if (editing) {
        await api.patch(`/api/admin/units/${editing.id}`, {
          name: v.name.trim(), ...(v.shortName?.trim() ? { shortName: v.shortName.trim() } : {}), kind: v.kind, ...(editing.parentId && v.parentId ? { parentId: v.parentId } : {}),
          areaCodes, phone: v.phone?.trim() ?? '', address: v.address?.trim() ?? '', receptionHours: v.receptionHours?.trim() ?? '',
        });
      }
      notify.success(t('common.saved'));
      setEditing(null);
      ref.reload();
    } catch (e) { showError(e); } finally { setBusy(false); }
  }

  const columns: TableColumnsType<Row> = [
    { title: m('name'), dataIndex: 'name', ellipsis: true, render: (n: string, u) => <NameCell active={u.active}>{n}</NameCell> },
    { title: m('kind'), dataIndex: 'kind', width: 100, render: (k: string) => label('unitKind', k) },
    { title: m('key'), dataIndex: 'key', width: 190, ellipsis: true, render: (k: string) => <span className="ms-mono">{k}</span> },
    { title: m('phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p || '—' },
    { title: m('hours'), dataIndex: 'receptionHours', width: 170, ellipsis: true, render: (p: string | null) => p || '—' },
    { title: m('areas'), dataIndex: 'areaCodes', width: 90, render: (a: string[]) => m('count', { n: a.length }) },
    {
      title: t('common.actions'), key: 'ops', width: 150, fixed: 'right',
      render: (_: unknown, u) => <RowActions name={u.name} active={u.active} onEdit={() => open(u)} onToggle={(a) => setActive(u.id, a)} note={m('deactivateNote')} />,
    },
  ];
  const isRoot = editing !== null && editing !== 'new' && !editing.parentId;
  return (
    <Card size="small">
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      <Table<Row> rowKey="id" size="small" columns={columns} dataSource={tree} loading={!ref.loaded} pagination={false} onRow={inactiveRowProps}
        expandable={{ defaultExpandedRowKeys: tree.map((u) => u.id) }} scroll={{ x: 1020 }} />
      <Modal open={editing !== null} title={editing === 'new' || !editing ? m('create') : m('editTitle', { name: editing.name })} onCancel={() => setEditing(null)} onOk={() => void save()}
        confirmLoading={busy} width={620} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          {isRoot
            ? <Form.Item label={m('parent')}><Input disabled value={m('root')} /></Form.Item>
            : <Form.Item name="parentId" label={m('parent')} rules={[{ required: true, message: m('required', { field: m('parent') }) }]}><UnitSelect filter={parentFilter} /></Form.Item>}
          <Flex gap={12}>
            <Form.Item name="name" label={m('name')} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="shortName" label={m('shortName')} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="key" label={m('key')} style={{ flex: 1 }} extra={editing !== 'new' ? m('keyFixed') : undefined}
              rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{0,63}$/, message: m('keyRule') }]}><Input maxLength={64} disabled={editing !== 'new'} /></Form.Item>
            <Form.Item name="kind" label={m('kind')} style={{ flex: 1 }} rules={[{ required: true, message: m('required', { field: m('kind') }) }]}>
              <Select options={UNIT_KINDS.map((k) => ({ value: k, label: label('unitKind', k) }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="areaCodes" label={m('areas')} extra={m('areasHint')}><Input /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="phone" label={m('phone')} style={{ flex: 1 }}><Input maxLength={50} /></Form.Item>
            <Form.Item name="receptionHours" label={m('hours')} style={{ flex: 1 }}><Input maxLength={200} /></Form.Item>
          </Flex>
          <Form.Item name="address" label={m('address')}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
