import { Flex, Form, Input, InputNumber } from 'antd';
import { UnitSelect } from '../../components/UnitSelect';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { Session } from './registry-api';

interface Values { content: string; visitorName?: string; visitorCount?: number; assignedUnitId?: string }

/** 登记事项: what a visitor raised becomes an appeal handed to a unit, due back to the receiving leader. */
export function MatterForm({ session, onClose, done }: { session: Session | null; onClose: () => void; done: () => void }) {
  const m = useMessages(M);
  const [form] = Form.useForm<Values>();
  async function submit(v: Values) {
    if (!session) return undefined;
    const before = new Set(session.matters.map((x) => x.id));
    const updated = await registryApi.addMatter(session.id, {
      content: v.content.trim(), visitorName: v.visitorName?.trim() || undefined, visitorCount: v.visitorCount ?? undefined, assignedUnitId: v.assignedUnitId,
    });
    const added = updated.matters.find((x) => !before.has(x.id));
    return m('matterSaved', { n: added?.number ?? '' });
  }
  return (
    <FormModal<Values> open={session !== null} title={`${m('addMatter')} · ${session?.leaderName ?? ''}`} form={form} initialValues={{ visitorCount: 1 }} submit={submit} done={done} onClose={onClose} width={620}>
      <Form.Item name="content" label={m('content')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('content') }) }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="visitorName" label={m('visitor')} style={{ flex: 1 }}><Input maxLength={40} /></Form.Item>
        <Form.Item name="visitorCount" label={m('count')} style={{ width: 120 }}><InputNumber min={1} max={500} style={{ width: '100%' }} /></Form.Item>
      </Flex>
      <Form.Item name="assignedUnitId" label={m('unit')}><UnitSelect /></Form.Item>
    </FormModal>
  );
}
