import { Checkbox, Form, Input } from 'antd';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { CaseItem } from './registry-api';

interface Values { note: string; resolved?: boolean }

/** 记录进展 on a 包案 case, by its leader or the centre; ticking "resolved" closes the case. */
export function ProgressForm({ item, onClose, done }: { item: CaseItem | null; onClose: () => void; done: () => void }) {
  const m = useMessages(M);
  const [form] = Form.useForm<Values>();
  async function submit(v: Values) {
    if (!item) return undefined;
    await registryApi.addProgress(item.id, { note: v.note.trim(), resolved: v.resolved ?? false });
    return m('progressSaved');
  }
  return (
    <FormModal<Values> open={item !== null} title={`${m('addProgress')} · ${item?.title ?? ''}`} form={form} submit={submit} done={done} onClose={onClose}>
      <Form.Item name="note" label={m('progress')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('progress') }) }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="resolved" valuePropName="checked"><Checkbox>{m('resolved')}</Checkbox></Form.Item>
    </FormModal>
  );
}
