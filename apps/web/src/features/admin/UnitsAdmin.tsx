import { useMemo, useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { UNIT_KINDS } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useReference } from '../../api/reference';
import type { Unit } from '../../api/types';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

type Row = Unit & { children?: Row[] };

const M = defineMessages({
  zh: { name: '单位名称', shortName: '简称', kind: '类型', key: '编码', phone: '电话', address: '地址', hours: '接待时间', areas: '管辖区划', parent: '上级单位', create: '新增单位', areasHint: '区划代码，多个用空格或逗号分隔', count: '{n} 个', required: '请填写{field}', keyRule: '小写字母、数字、点、横线或下划线' },
  en: { name: 'Name', shortName: 'Short name', kind: 'Kind', key: 'Key', phone: 'Phone', address: 'Address', hours: 'Reception hours', areas: 'Areas served', parent: 'Parent unit', create: 'New unit', areasHint: 'Area codes separated by spaces or commas', count: '{n}', required: 'Please fill in {field}', keyRule: 'lower-case letters, digits, dot, dash or underscore' },
});

/** 单位: the unit tree (GET /api/units) and new units (POST /api/admin/units). */
export default function UnitsAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const tree = useMemo(() => {
    const ids = new Set(ref.units.map((u) => u.id));
    const by = new Map<string | null, Unit[]>();
    for (const u of ref.units) { const p = u.parentId && ids.has(u.parentId) ? u.parentId : null; by.set(p, [...(by.get(p) ?? []), u]); }
    const build = (p: string | null): Row[] => (by.get(p) ?? []).map((u) => { const c = build(u.id); return c.length ? { ...u, children: c } : { ...u }; });
    return build(null);
  }, [ref.units]);

  async function create() {
    let v: Record<string, string | undefined>;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      const areaCodes = (v.areaCodes ?? '').split(/[\s,，]+/).filter(Boolean);
      const fields: Record<string, unknown> = { ...v, areaCodes: areaCodes.length ? areaCodes : undefined };
      const body = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined && x !== ''));
      await api.post('/api/admin/units', body);
      notify.success(t('common.saved'));
      setOpen(false);
      ref.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  const columns: TableColumnsType<Row> = [
    { title: m('name'), dataIndex: 'name', ellipsis: true, render: (n: string, u) => <>{n}{u.active ? null : <Tag style={{ marginLeft: 6 }}>{t('common.inactive')}</Tag>}</> },
    { title: m('kind'), dataIndex: 'kind', width: 100, render: (k: string) => label('unitKind', k) },
    { title: m('key'), dataIndex: 'key', width: 190, ellipsis: true, render: (k: string) => <span className="ms-mono">{k}</span> },
    { title: m('phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
    { title: m('hours'), dataIndex: 'receptionHours', width: 170, ellipsis: true, render: (p: string | null) => p ?? '—' },
    { title: m('areas'), dataIndex: 'areaCodes', width: 90, render: (a: string[]) => m('count', { n: a.length }) },
  ];
  return (
    <Card size="small">
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>{m('create')}</Button>
      </Flex>
      <Table<Row> rowKey="id" size="small" columns={columns} dataSource={tree} loading={!ref.loaded} pagination={false}
        expandable={{ defaultExpandedRowKeys: tree.map((u) => u.id) }} scroll={{ x: 900 }} />
      <Modal open={open} title={m('create')} onCancel={() => setOpen(false)} onOk={() => void create()} confirmLoading={busy} width={620} destroyOnHidden
        okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="parentId" label={m('parent')} rules={[{ required: true, message: m('required', { field: m('parent') }) }]}><UnitSelect /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="name" label={m('name')} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="shortName" label={m('shortName')} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="key" label={m('key')} style={{ flex: 1 }} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{0,63}$/, message: m('keyRule') }]}><Input maxLength={64} /></Form.Item>
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
