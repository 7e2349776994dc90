import { Alert, Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useMessages } from '../../i18n';
import { M } from './messages';

/** 取消 a schedule or a session: the reason is required (it is kept in the audit trail); says what cancelling does. */
export function CancelForm({ open, title, hint, submit, onClose, done }: {
  open: boolean; title: string; hint: string; submit: (reason: string) => Promise<string>; onClose: () => void; done: () => void;
}) {
  const m = useMessages(M);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }> open={open} title={title} form={form} submit={(v) => submit(v.reason.trim())} done={done} onClose={onClose}>
      <Alert type="warning" showIcon message={hint} style={{ marginBottom: 12 }} />
      <Form.Item name="reason" label={m('cancelReason')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('cancelReason') }) }]}>
        <Input.TextArea rows={3} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
