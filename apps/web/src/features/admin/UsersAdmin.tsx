import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import type { StaffUser } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';

const M = defineMessages({
  zh: { username: '用户名', displayName: '姓名', roles: '角色@单位', createdAt: '创建时间', create: '新增用户', password: '初始密码', addRole: '添加角色', role: '角色', unit: '单位', required: '请填写{field}', search: '按用户名或姓名筛选' },
  en: { username: 'Username', displayName: 'Name', roles: 'Roles @ unit', createdAt: 'Created', create: 'New user', password: 'Initial password', addRole: 'Add role', role: 'Role', unit: 'Unit', required: 'Please fill in {field}', search: 'Filter by username or name' },
});

/** 用户与角色: staff accounts with their roles in units (GET/POST /api/admin/users). */
export default function UsersAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const users = useApi((signal) => api.get<{ items: StaffUser[] }>('/api/admin/users', undefined, signal), []);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  async function create() {
    let v: { username: string; displayName: string; password: string; roles: { role: string; unitId: string }[] };
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await api.post('/api/admin/users', { ...v, username: v.username.trim(), displayName: v.displayName.trim() });
      notify.success(t('common.saved'));
      setOpen(false);
      users.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  const shown = (users.data?.items ?? []).filter((u) => !q || u.username.includes(q) || u.displayName.includes(q));
  const columns: TableColumnsType<StaffUser> = [
    { title: m('username'), dataIndex: 'username', width: 180, render: (u: string) => <span className="ms-mono">{u}</span> },
    { title: m('displayName'), dataIndex: 'displayName', width: 120 },
    { title: m('roles'), dataIndex: 'roles', render: (rs: StaffUser['roles']) => <Flex gap={4} wrap>{rs.map((r) => <Tag key={`${r.role}${r.unitId}`} style={{ marginInlineEnd: 0 }}>{label('role', r.role)} @ {ref.unitName(r.unitId)}</Tag>)}</Flex> },
    { title: t('common.status'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    { title: m('createdAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
  ];
  return (
    <Card size="small">
      {users.error ? <ErrorAlert error={users.error} onRetry={users.reload} /> : null}
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={m('search')} style={{ width: 260 }} onChange={(e) => setQ(e.target.value.trim())} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ roles: [{}] }); setOpen(true); }}>{m('create')}</Button>
      </Flex>
      <Table<StaffUser> rowKey="id" size="small" columns={columns} dataSource={shown} loading={users.loading} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 800 }} />
      <Modal open={open} title={m('create')} onCancel={() => setOpen(false)} onOk={() => void create()} confirmLoading={busy} width={640} destroyOnHidden
        okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Flex gap={12}>
            <Form.Item name="username" label={m('username')} style={{ flex: 1 }} rules={[{ required: true, min: 2, max: 64, whitespace: true, message: m('required', { field: m('username') }) }]}><Input autoComplete="off" /></Form.Item>
            <Form.Item name="displayName" label={m('displayName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('displayName') }) }]}><Input maxLength={100} /></Form.Item>
          </Flex>
          <Form.Item name="password" label={m('password')} rules={[{ required: true, message: m('required', { field: m('password') }) }]}><Input.Password autoComplete="new-password" maxLength={200} /></Form.Item>
          <Form.List name="roles">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item name={[f.name, 'role']} style={{ width: 160 }} rules={[{ required: true, message: m('required', { field: m('role') }) }]}>
                      <Select placeholder={m('role')} options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unitId']} style={{ flex: 1 }} rules={[{ required: true, message: m('required', { field: m('unit') }) }]}><UnitSelect placeholder={m('unit')} /></Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Flex>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>{m('addRole')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
