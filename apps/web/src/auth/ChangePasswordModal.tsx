import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { api } from '../api/client';
import { errorMessage, isApiError } from '../api/errors';
import { useNotify } from '../components/notify';
import { weakPasswordMessage } from './password-rules';
import { defineMessages, useI18n, useMessages } from '../i18n';

const M = defineMessages({
  zh: {
    title: '修改密码', current: '当前密码', next: '新密码', confirm: '再次输入新密码', mismatch: '两次输入的新密码不一致', required: '请输入{field}',
    rule: '至少 10 位，且包含大写字母、小写字母、数字、符号中的三类（或至少 16 位）；不能包含用户名，不能是常见密码。',
    effect: '修改后，您在其他浏览器或设备上的登录将全部退出，本窗口保持登录。', done: '密码已修改，其他 {n} 个登录已退出', currentWrong: '当前密码不正确',
  },
  en: {
    title: 'Change password', current: 'Current password', next: 'New password', confirm: 'New password again', mismatch: 'The new passwords differ', required: 'Please enter {field}',
    rule: 'At least 10 characters with three of upper case, lower case, digits and symbols (or at least 16 characters); not containing the username; not a common password.',
    effect: 'Your sign-ins in other browsers and devices end; this window stays signed in.', done: 'Password changed; {n} other sign-ins ended', currentWrong: 'The current password is wrong',
  },
});

interface Values { currentPassword: string; newPassword: string; confirm: string }

/** 修改密码 (POST /api/auth/password), opened from the user menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const m = useMessages(M);
  const { t, lang } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function save() {
    let v: Values;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      const r = await api.post<{ sessionsEnded: number }>('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      notify.success(m('done', { n: r.sessionsEnded }));
      onClose();
    } catch (e) {
      // What is wrong goes next to the field it is about, in words that say which rule was broken.
      if (isApiError(e, 'CURRENT_PASSWORD_WRONG')) form.setFields([{ name: 'currentPassword', errors: [m('currentWrong')] }]);
      else if (isApiError(e, 'WEAK_PASSWORD')) form.setFields([{ name: 'newPassword', errors: [weakPasswordMessage(e, lang) ?? errorMessage(e, lang)] }]);
      else notify.error(e);
    } finally { setBusy(false); }
  }

  return (
    <Modal open={open} title={m('title')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden
      okText={t('common.save')} cancelText={t('common.cancel')} width={480}>
      <Alert type="info" showIcon message={m('rule')} description={m('effect')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="currentPassword" label={m('current')} rules={[{ required: true, message: m('required', { field: m('current') }) }]}>
          <Input.Password autoComplete="current-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="newPassword" label={m('next')} rules={[{ required: true, message: m('required', { field: m('next') }) }, { min: 10, message: m('rule') }]}>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="confirm" label={m('confirm')} dependencies={['newPassword']} rules={[
          { required: true, message: m('required', { field: m('confirm') }) },
          ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(m('mismatch')))) }),
        ]}>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
