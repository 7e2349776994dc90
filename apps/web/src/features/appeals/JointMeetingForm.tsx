import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { UnitSelect } from '../../components/UnitSelect';
import { defineMessages, useMessages } from '../../i18n';

export interface JointMeetingValues {
  topic?: string; heldAt?: Dayjs; participantUnitIds?: string[]; decisions?: string; meetingLeadUnitId?: string; meetingCoUnitIds?: string[];
}

const M = defineMessages({
  zh: { topic: '会议议题', heldAt: '召开时间', participants: '参会单位（至少2个）', decisions: '会议决定', lead: '确定的主办单位（可选，须为参会单位）', co: '协办单位（可选）', required: '请填写{field}', two: '至少选择2个参会单位' },
  en: { topic: 'Topic', heldAt: 'Held at', participants: 'Participating units (at least 2)', decisions: 'Decisions', lead: 'Lead unit decided (optional, must take part)', co: 'Co-units (optional)', required: 'Please fill in {field}', two: 'Choose at least 2 units' },
});

/** 联席会议 form: recorded through POST /api/joint-meetings (not the transition route), for this appeal. */
export function JointMeetingFields() {
  const m = useMessages(M);
  const req = (f: string) => [{ required: true, whitespace: true, message: m('required', { field: f }) }];
  return (
    <>
      <Form.Item name="topic" label={m('topic')} rules={req(m('topic'))}><Input maxLength={200} /></Form.Item>
      <Form.Item name="heldAt" label={m('heldAt')} rules={[{ required: true, message: m('required', { field: m('heldAt') }) }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="participantUnitIds" label={m('participants')} rules={[{ required: true, type: 'array', min: 2, message: m('two') }]}><UnitSelect multiple /></Form.Item>
      <Form.Item name="decisions" label={m('decisions')} rules={req(m('decisions'))}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
      <Form.Item name="meetingLeadUnitId" label={m('lead')}><UnitSelect /></Form.Item>
      <Form.Item name="meetingCoUnitIds" label={m('co')}><UnitSelect multiple /></Form.Item>
    </>
  );
}

export function jointMeetingBody(appealId: string, v: JointMeetingValues): Record<string, unknown> {
  return {
    topic: v.topic?.trim(), heldAt: v.heldAt?.toISOString(), participantUnitIds: v.participantUnitIds ?? [], decisions: v.decisions?.trim(),
    ...(v.meetingLeadUnitId ? { leadUnitId: v.meetingLeadUnitId } : {}), ...(v.meetingCoUnitIds?.length ? { coUnitIds: v.meetingCoUnitIds } : {}),
    appealIds: [appealId],
  };
}
