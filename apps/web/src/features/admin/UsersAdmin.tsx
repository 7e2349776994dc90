import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import type { StaffUser } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { weakPasswordMessage } from '../../auth/password-rules';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { inactiveRowProps, NameCell, RowActions, useActiveToggle, useAdminError } from './admin-rows';
import { UserSessionActions } from './UserSessionActions';

const M = defineMessages({
  zh: { username: '用户名', displayName: '姓名', roles: '角色@单位', createdAt: '创建时间', create: '新增用户', editTitle: '编辑用户：{name}', password: '初始密码', newPassword: '重置密码', newPasswordHint: '留空则不修改；重置后该用户的登录会话立即失效', passwordRule: '至少 10 位，含大写字母、小写字母、数字、符号中的三类（或至少 16 位）；不能包含用户名或使用常见密码', usernameFixed: '用户名创建后不可修改', addRole: '添加角色', role: '角色', unit: '单位', required: '请填写{field}', search: '按用户名或姓名筛选', self: '不能停用自己的账号', deactivateNote: '停用后该用户立即退出登录，且不能再登录。' },
  en: { username: 'Username', displayName: 'Name', roles: 'Roles @ unit', createdAt: 'Created', create: 'New user', editTitle: 'Edit user: {name}', password: 'Initial password', newPassword: 'Reset password', newPasswordHint: 'Leave empty to keep it; a reset signs the user out at once', passwordRule: 'At least 10 characters with three of upper case, lower case, digits and symbols (or 16 characters); not the username, not a common password', usernameFixed: 'The username cannot change once created', addRole: 'Add role', role: 'Role', unit: 'Unit', required: 'Please fill in {field}', search: 'Filter by username or name', self: 'You cannot deactivate your own account', deactivateNote: 'The user is signed out at once and can no longer sign in.' },
});

interface FormValues { username: string; displayName: string; password?: string; roles: { role: string; unitId: string }[] }

/** 用户与角色: staff accounts with their roles in units (GET/POST /api/admin/users, PATCH /api/admin/users/:id, POST …/password, …/unlock, DELETE …/sessions). */
export default function UsersAdmin() {
  const { t, label, lang } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const showError = useAdminError();
  const { user: me } = useAuth();
  const users = useApi((signal) => api.get<{ items: StaffUser[] }>('/api/admin/users', undefined, signal), []);
  const setActive = useActiveToggle('users', users.reload);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();

  function open(user: StaffUser | 'new') {
    form.resetFields();
    if (user === 'new') form.setFieldsValue({ roles: [{} as FormValues['roles'][number]] });
    else form.setFieldsValue({ username: user.username, displayName: user.displayName, roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId })) });
    setEditing(user);
  }

  async function save() {
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      if (editing === 'new') {
        await api.post('/api/admin/users', { ...v, username: v.username.trim(), displayName: v.displayName.trim() });
      } else if (editing) {
        await api.patch(`/api/admin/users/${editing.id}`, { displayName: v.displayName.trim(), roles: v.roles });
        if (v.password) await api.post(`/api/admin/users/${editing.id}/password`, { password: v.password });
      }
      notify.success(t('common.saved'));
      setEditing(null);
      users.reload();
    } catch (e) {
      const weak = weakPasswordMessage(e, lang);
      if (weak) form.setFields([{ name: 'password', errors: [weak] }]);
      else showError(e);
      users.reload(); // a name saved before a refused password still shows
    } finally { setBusy(false); }
  }

  const shown = (users.data?.items ?? []).filter((u) => !q || u.username.includes(q) || u.displayName.includes(q));
  const columns: TableColumnsType<StaffUser> = [
    { title: m('username'), dataIndex: 'username', width: 200, render: (u: string, r) => <NameCell active={r.active}><span className="ms-mono">{u}</span></NameCell> },
    { title: m('displayName'), dataIndex: 'displayName', width: 120 },
    { title: m('roles'), dataIndex: 'roles', render: (rs: StaffUser['roles']) => <Flex gap={4} wrap>{rs.map((r) => <Tag key={`${r.role}${r.unitId}`} style={{ marginInlineEnd: 0 }}>{label('role', r.role)} @ {ref.unitName(r.unitId)}</Tag>)}</Flex> },
    { title: t('common.status'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    { title: m('createdAt'), dataIndex: 'createdAt', width: 140, render: formatTime },
    {
      title: t('common.actions'), key: 'ops', width: 300, fixed: 'right',
      render: (_: unknown, u) => <Flex wrap={false}><RowActions name={u.displayName} active={u.active} onEdit={() => open(u)} onToggle={(a) => setActive(u.id, a)} note={m('deactivateNote')}
        lockedReason={u.id === me?.id ? m('self') : undefined} /><UserSessionActions id={u.id} name={u.displayName} /></Flex>,
    },
  ];
  const isNew = editing === 'new';
  return (
    <Card size="small">
      {users.error ? <ErrorAlert error={users.error} onRetry={users.reload} /> : null}
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={m('search')} style={{ width: 260 }} onChange={(e) => setQ(e.target.value.trim())} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      <Table<StaffUser> rowKey="id" size="small" columns={columns} dataSource={shown} loading={users.loading} onRow={inactiveRowProps}
        pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 1070 }} />
      <Modal open={editing !== null} title={isNew || !editing ? m('create') : m('editTitle', { name: editing.displayName })} onCancel={() => setEditing(null)} onOk={() => void save()}
        confirmLoading={busy} width={640} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Flex gap={12}>
            <Form.Item name="username" label={m('username')} style={{ flex: 1 }} extra={isNew ? undefined : m('usernameFixed')}
              rules={[{ required: true, min: 2, max: 64, whitespace: true, message: m('required', { field: m('username') }) }]}><Input autoComplete="off" disabled={!isNew} /></Form.Item>
            <Form.Item name="displayName" label={m('displayName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: m('required', { field: m('displayName') }) }]}><Input maxLength={100} /></Form.Item>
          </Flex>
          <Form.Item name="password" label={isNew ? m('password') : m('newPassword')} extra={isNew ? undefined : m('newPasswordHint')}
            rules={[{ required: isNew, message: m('required', { field: m('password') }) }, { min: 10, message: m('passwordRule') }]}>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
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
