import { Alert, Flex, Form, Input, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n, useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { toRecurrence, weekdayName } from './recurrence';
import type { Freq } from './recurrence';
import { registryApi } from './registry-api';
import type { ReceptionKind, Rule } from './registry-api';
import { StaffHint } from './StaffHint';
import { StaffSelect } from './StaffSelect';
import { useStaffOptions } from './useStaffOptions';

interface Values {
  kind: ReceptionKind; leaderUserId?: string; leaderName: string; leaderTitle?: string; freq: Freq; weekday?: number; nth?: number;
  hours: [Dayjs, Dayjs]; unitId?: string; place?: string; topic?: string;
}

/** The form's values for an existing rule (edit mode). */
function valuesOf(r: Rule): Partial<Values> {
  const rec = r.recurrence;
  const freq: Freq = rec.freq === 'weekly' ? 'weekly' : rec.freq === 'working_days' ? 'working_days' : rec.nth === -1 ? 'last' : 'nth';
  return {
    kind: r.kind, leaderUserId: r.leaderUserId ?? undefined, leaderName: r.leaderName, leaderTitle: r.leaderTitle, freq,
    weekday: rec.freq === 'working_days' ? 1 : rec.weekday, nth: rec.freq === 'monthly' && rec.nth > 0 ? rec.nth : 1,
    hours: [dayjs(r.startTime, 'HH:mm'), dayjs(r.endTime, 'HH:mm')], unitId: r.unitId ?? undefined, place: r.place, topic: r.topic,
  };
}

/**
 * 新增 / 修改循环安排: a leader's recurring reception or hotline; the server publishes its coming dates to the portal.
 * With `rule` the form edits it (as read: a concurrent edit is refused, not overwritten).
 */
export function RuleForm({ open, onClose, done, rule }: { open: boolean; onClose: () => void; done: () => void; rule?: Rule | null }) {
  const m = useMessages(M);
  const [form] = Form.useForm<Values>();
  async function submit(v: Values) {
    const body = {
      kind: v.kind, leaderName: v.leaderName.trim(), leaderTitle: v.leaderTitle?.trim() ?? '', unitId: v.unitId ?? null,
      recurrence: toRecurrence(v.freq, v.weekday ?? 1, v.nth ?? 1), startTime: v.hours[0].format('HH:mm'), endTime: v.hours[1].format('HH:mm'),
      place: v.place?.trim() ?? '', topic: v.topic?.trim() ?? '',
    };
    if (rule) {
      const edited = await registryApi.editRule(rule.id, { ...body, leaderUserId: v.leaderUserId ?? null, version: rule.version });
      return m('ruleEdited', { n: edited.scheduled });
    }
    const created = await registryApi.createRule({ ...body, leaderUserId: v.leaderUserId });
    return m('ruleSaved', { n: created.scheduled });
  }
  const initial: Partial<Values> = rule ? valuesOf(rule) : { kind: 'leader_reception', freq: 'weekly', weekday: 1, nth: 1, hours: [dayjs('09:00', 'HH:mm'), dayjs('11:30', 'HH:mm')] };
  return (
    <FormModal<Values> open={open} title={rule ? m('editRule') : m('addRule')} form={form} initialValues={initial} submit={submit} done={done} onClose={onClose} width={660}>
      {rule ? <Alert type="info" showIcon message={m('editRuleHint')} style={{ marginBottom: 12 }} /> : null}
      <RuleFields />
    </FormModal>
  );
}

function RuleFields() {
  const m = useMessages(M);
  const { lang } = useI18n();
  const form = Form.useFormInstance<Values>();
  const staff = useStaffOptions();
  const freq = Form.useWatch<Freq | undefined>('freq');
  const required = (field: Parameters<typeof m>[0]) => [{ required: true, message: m('required', { field: m(field) }) }];
  /** Picking a leader's account fills the name shown on the portal (still editable: "区长 王建国"). */
  const pickLeader = (id: string | undefined) => {
    const chosen = staff.data?.leaders.find((l) => l.value === id);
    const name = chosen ? chosen.name ?? chosen.label : undefined;
    if (name) form.setFieldsValue({ leaderName: name });
  };
  return (
    <>
      <StaffHint options={staff} />
      <Flex gap={12}>
        <Form.Item name="kind" label={m('kind')} rules={required('kind')} style={{ width: 150 }}>
          <Select options={(['leader_reception', 'hotline'] as const).map((k) => ({ value: k, label: m(k) }))} />
        </Form.Item>
        <Form.Item name="leaderUserId" label={m('leaderUser')} style={{ flex: 1 }}>
          <StaffSelect options={staff.data?.leaders} loading={staff.loading} onChange={pickLeader} leaders />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="leaderName" label={m('leaderName')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('leaderName') }) }]} style={{ flex: 1 }}><Input maxLength={40} /></Form.Item>
        <Form.Item name="leaderTitle" label={m('leaderTitle')} style={{ width: 200 }}><Input maxLength={40} /></Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="freq" label={m('freq')} rules={required('freq')} style={{ width: 200 }}>
          <Select options={[{ value: 'weekly', label: m('freqWeekly') }, { value: 'nth', label: m('freqNth') }, { value: 'last', label: m('freqLast') }, { value: 'working_days', label: m('freqWorking') }]} />
        </Form.Item>
        {freq === 'nth' ? (
          <Form.Item name="nth" label={m('nth')} rules={required('nth')} style={{ width: 110 }}>
            <Select options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: lang === 'en' ? `${n}.` : `第${n}个` }))} />
          </Form.Item>
        ) : null}
        {freq && freq !== 'working_days' ? (
          <Form.Item name="weekday" label={m('weekday')} rules={required('weekday')} style={{ width: 130 }}>
            <Select options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: weekdayName(d, lang) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="hours" label={m('timeRange')} rules={required('timeRange')} style={{ width: 200 }}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} order />
        </Form.Item>
      </Flex>
      {/* Side by side so the whole form fits a 768 px high screen. */}
      <Flex gap={12}>
        <Form.Item name="unitId" label={m('hostUnit')} style={{ width: 240 }}><UnitSelect /></Form.Item>
        <Form.Item name="place" label={m('place')} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
      </Flex>
      <Form.Item name="topic" label={m('topic')}><Input maxLength={200} /></Form.Item>
    </>
  );
}
