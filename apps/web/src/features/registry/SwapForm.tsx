import { Form, Input, Radio } from 'antd';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { Shift } from './registry-api';
import { StaffHint } from './StaffHint';
import { StaffSelect } from './StaffSelect';
import { useStaffOptions } from './useStaffOptions';

interface Values { slot: 'a' | 'b'; toUserId: string; reason?: string }

/**
 * 申请换班: the person on a slot (or a roster editor, for either slot) names who takes it over; an editor approves.
 * `slots` are the slots this user may hand over.
 */
export function SwapForm({ shift, slots, onClose, done }: { shift: Shift | null; slots: ('a' | 'b')[]; onClose: () => void; done: () => void }) {
  const m = useMessages(M);
  const [form] = Form.useForm<Values>();
  async function submit(v: Values) {
    if (!shift) return undefined;
    await registryApi.requestSwap(shift.id, { slot: v.slot, toUserId: v.toUserId, reason: v.reason?.trim() ?? '' });
    return m('swapSent');
  }
  return (
    <FormModal<Values> open={shift !== null} title={`${m('requestSwap')} · ${shift?.post ?? ''}`} form={form} initialValues={{ slot: slots[0] ?? 'a' }} submit={submit} done={done} onClose={onClose}>
      {shift ? <SwapFields shift={shift} slots={slots} /> : null}
    </FormModal>
  );
}

function SwapFields({ shift, slots }: { shift: Shift; slots: ('a' | 'b')[] }) {
  const m = useMessages(M);
  const staff = useStaffOptions();
  return (
    <>
      <StaffHint options={staff} />
      <Form.Item name="slot" label={m('slot')} rules={[{ required: true }]}>
        <Radio.Group options={slots.map((s) => ({ value: s, label: `${s === 'a' ? m('a') : m('b')}：${(s === 'a' ? shift.a.name : shift.b.name) ?? '—'}` }))} />
      </Form.Item>
      <Form.Item name="toUserId" label={m('swapTo')} rules={[{ required: true, message: m('required', { field: m('swapTo') }) }]}>
        {/* Neither person already on the shift can take the slot (the server says BACKUP_REQUIRED). */}
        <StaffSelect options={staff.data?.staff} loading={staff.loading} exclude={[shift.a.userId, shift.b.userId]} />
      </Form.Item>
      <Form.Item name="reason" label={m('reason')}><Input.TextArea rows={2} maxLength={200} /></Form.Item>
    </>
  );
}
