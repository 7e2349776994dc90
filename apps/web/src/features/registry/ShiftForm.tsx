import { DatePicker, Flex, Form, Input } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { Shift } from './registry-api';
import { StaffHint } from './StaffHint';
import { StaffSelect } from './StaffSelect';
import { useStaffOptions } from './useStaffOptions';

interface Values { post: string; time: [Dayjs, Dayjs]; aUserId: string; bUserId: string; note?: string }

/** 新增/修改值班: a post, its time, the A person on duty and the named B backup (AB岗; the server checks overlaps). */
export function ShiftForm({ shift, onClose, done }: { shift: Shift | 'new' | null; onClose: () => void; done: () => void }) {
  const m = useMessages(M);
  const [form] = Form.useForm<Values>();
  const editing = shift !== null && shift !== 'new' ? shift : null;
  const start = dayjs().minute(0).second(0).millisecond(0);
  const initial: Partial<Values> = editing
    ? { post: editing.post, time: [dayjs(editing.startsAt), dayjs(editing.endsAt)], aUserId: editing.a.userId, bUserId: editing.b.userId, note: editing.note }
    : { time: [start, start.add(8, 'hour')] };
  async function submit(v: Values) {
    const body = { post: v.post.trim(), startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), aUserId: v.aUserId, bUserId: v.bUserId, note: v.note?.trim() ?? '' };
    if (editing) await registryApi.patchShift(editing.id, body);
    else await registryApi.createShift(body);
    return m('shiftSaved');
  }
  return (
    <FormModal<Values> open={shift !== null} title={editing ? m('editShift') : m('addShift')} form={form} initialValues={initial} submit={submit} done={done} onClose={onClose} width={620}>
      <ShiftFields />
    </FormModal>
  );
}

/** The fields, mounted only while the modal is open (so the staff list loads then). */
function ShiftFields() {
  const m = useMessages(M);
  const staff = useStaffOptions();
  const a = Form.useWatch<string | undefined>('aUserId');
  const b = Form.useWatch<string | undefined>('bUserId');
  const required = (field: Parameters<typeof m>[0]) => [{ required: true, whitespace: true, message: m('required', { field: m(field) }) }];
  return (
    <>
      <StaffHint options={staff} />
      <Flex gap={12} wrap>
        <Form.Item name="post" label={m('post')} rules={required('post')} style={{ width: 180 }}><Input maxLength={40} placeholder="话务一席" /></Form.Item>
        <Form.Item name="time" label={m('shiftTime')} rules={[{ required: true, message: m('required', { field: m('shiftTime') }) }]} style={{ flex: 1, minWidth: 320 }}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="aUserId" label={m('aPerson')} rules={required('aPerson')} style={{ flex: 1 }}>
          <StaffSelect options={staff.data?.staff} loading={staff.loading} exclude={[b]} />
        </Form.Item>
        <Form.Item name="bUserId" label={m('bPerson')} rules={required('bPerson')} style={{ flex: 1 }}>
          <StaffSelect options={staff.data?.staff} loading={staff.loading} exclude={[a]} />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={m('note')}><Input maxLength={200} /></Form.Item>
    </>
  );
}
