import { useState } from 'react';
import { Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../i18n';
import { useNotify } from './notify';

/**
 * A modal form for one action (registry, grassroots, hearings, proxy services…): validates, sends, says it worked (or shows the
 * API's error and stays open so nothing typed is lost). Mounted fresh on every open, so `initialValues` are the
 * defaults each time.
 */
export function FormModal<T extends object>({ open, title, form, initialValues, submit, done, onClose, width = 560, children }: {
  open: boolean; title: string; form: FormInstance<T>; initialValues?: Partial<T>;
  /** Send the values; resolve to the success message to show. */
  submit: (values: T) => Promise<string | undefined>;
  /** After a successful send (reload lists). */
  done?: () => void;
  onClose: () => void; width?: number; children: React.ReactNode;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function ok() {
    let values: T;
    try { values = await form.validateFields(); } catch { return; } // the fields show what is missing
    setBusy(true);
    try {
      notify.success(await submit(values) ?? t('common.saved'));
      onClose();
      done?.();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  return (
    <Modal open={open} title={title} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')}
      width={width} destroyOnHidden maskClosable={false}>
      <Form<T> form={form} layout="vertical" preserve={false} initialValues={initialValues}>{children}</Form>
    </Modal>
  );
}
