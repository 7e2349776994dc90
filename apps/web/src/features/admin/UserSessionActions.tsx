import { Button, Popconfirm, Space } from 'antd';
import { api } from '../../api/client';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { useAdminError } from './admin-rows';

const M = defineMessages({
  zh: {
    unlock: '解除锁定', unlockConfirm: '解除 {name} 的登录锁定？', unlockNote: '连续输错密码被锁定的账号可立即重新登录。', unlocked: '已解除锁定', notLocked: '该账号未被锁定',
    signOut: '强制下线', signOutConfirm: '让 {name} 在所有设备上退出登录？', signOutNote: '该用户的全部登录会话立即结束（其他服务进程最迟 10 秒内生效）。', signedOut: '已结束 {n} 个登录会话',
  },
  en: {
    unlock: 'Unlock', unlockConfirm: 'Lift the sign-in lock of {name}?', unlockNote: 'An account locked after wrong passwords can sign in again at once.', unlocked: 'Unlocked', notLocked: 'The account was not locked',
    signOut: 'Sign out everywhere', signOutConfirm: 'Sign {name} out on every device?', signOutNote: 'All of the user\'s sessions end now (other server processes within 10 seconds).', signedOut: '{n} sessions ended',
  },
});

/** 解除锁定 and 强制下线 for one staff account (POST /api/admin/users/:id/unlock, DELETE /api/admin/users/:id/sessions). */
export function UserSessionActions({ id, name }: { id: string; name: string }) {
  const m = useMessages(M);
  const { t } = useI18n();
  const notify = useNotify();
  const showError = useAdminError();
  const unlock = async () => {
    try {
      const r = await api.post<{ wasLocked: boolean }>(`/api/admin/users/${id}/unlock`);
      notify.success(r.wasLocked ? m('unlocked') : m('notLocked'));
    } catch (e) { showError(e); }
  };
  const signOut = async () => {
    try {
      const r = await api.del<{ sessionsEnded: number }>(`/api/admin/users/${id}/sessions`);
      notify.success(m('signedOut', { n: r.sessionsEnded }));
    } catch (e) { showError(e); }
  };
  return (
    <Space size={0}>
      <Popconfirm title={m('unlockConfirm', { name })} description={m('unlockNote')} onConfirm={unlock} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Button size="small" type="link">{m('unlock')}</Button>
      </Popconfirm>
      <Popconfirm title={m('signOutConfirm', { name })} description={m('signOutNote')} onConfirm={signOut} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Button size="small" type="link">{m('signOut')}</Button>
      </Popconfirm>
    </Space>
  );
}
