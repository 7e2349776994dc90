import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Popconfirm } from 'antd';
import { api } from '../../api/client';
import type { AppealDetail, AppealSummary } from '../../api/types';
import { useNotify } from '../../components/notify';
import { defineMessages, useMessages } from '../../i18n';
import { JointMeetingFields, jointMeetingBody } from '../appeals/JointMeetingForm';
import type { JointMeetingValues } from '../appeals/JointMeetingForm';

const M = defineMessages({
  zh: {
    urge: '催办', urgeConfirm: '向承办单位发出催办？', urged: '已催办 {number}', supervise: '督办', superviseTitle: '督办通知 · {number}',
    requirement: '督办要求', replyDays: '限期书面回复（工作日，可选）', required: '请填写督办要求', supervised: '已发出督办通知 {number}',
    meeting: '召开联席会议', meetingTitle: '联席会议（{n} 件诉求）', meetingDone: '联席会议已记录', pickFirst: '请先在表格中勾选要协调的诉求',
    submit: '提交', cancel: '取消',
  },
  en: {
    urge: 'Urge', urgeConfirm: 'Urge the handling unit?', urged: 'Urged {number}', supervise: 'Supervise', superviseTitle: 'Supervision notice · {number}',
    requirement: 'Requirement', replyDays: 'Written answer within (working days, optional)', required: 'Please write the requirement', supervised: 'Notice issued for {number}',
    meeting: 'Joint meeting', meetingTitle: 'Joint meeting ({n} appeals)', meetingDone: 'Joint meeting recorded', pickFirst: 'Tick the appeals to coordinate first',
    submit: 'Submit', cancel: 'Cancel',
  },
});

// Overlays never change the state, so they are sent without the version: a clock sweep in between is no conflict.
const post = (a: AppealSummary, body: Record<string, unknown>) => api.post<AppealDetail>(`/api/appeals/${a.id}/transitions`, body);

/** 催办 (one click, confirmed) and 督办 (requirement + reply-by days) for one row of the board. */
export function SuperviseButtons({ appeal, onDone }: { appeal: AppealSummary; onDone: () => void }) {
  const m = useMessages(M);
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string; days?: number }>();

  async function urge() {
    try { await post(appeal, { action: 'urge' }); notify.success(m('urged', { number: appeal.number })); onDone(); } catch (e) { notify.error(e); onDone(); }
  }
  async function supervise() {
    let v: { reason: string; days?: number };
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await post(appeal, { action: 'supervise', reason: v.reason.trim(), ...(v.days ? { days: v.days } : {}) });
      notify.success(m('supervised', { number: appeal.number }));
      setOpen(false);
      onDone();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  return (
    <>
      <Popconfirm title={m('urgeConfirm')} onConfirm={() => urge()} okText={m('urge')} cancelText={m('cancel')}>
        <Button size="small">{m('urge')}</Button>
      </Popconfirm>
      <Button size="small" danger style={{ marginLeft: 6 }} onClick={() => { form.resetFields(); setOpen(true); }}>{m('supervise')}</Button>
      <Modal open={open} title={m('superviseTitle', { number: appeal.number })} onCancel={() => setOpen(false)} onOk={() => void supervise()} confirmLoading={busy}
        okText={m('submit')} cancelText={m('cancel')} destroyOnHidden maskClosable={false}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={m('requirement')} rules={[{ required: true, whitespace: true, message: m('required') }]}><Input.TextArea rows={4} maxLength={2000} showCount /></Form.Item>
          <Form.Item name="days" label={m('replyDays')}><InputNumber min={1} max={365} precision={0} style={{ width: 160 }} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 联席会议 for the ticked appeals (POST /api/joint-meetings). */
export function JointMeetingButton({ appealIds, onDone }: { appealIds: string[]; onDone: () => void }) {
  const m = useMessages(M);
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<JointMeetingValues>();
  async function submit() {
    let v: JointMeetingValues;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await api.post('/api/joint-meetings', { ...jointMeetingBody(appealIds[0] ?? '', v), appealIds });
      notify.success(m('meetingDone'));
      setOpen(false);
      onDone();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  return (
    <>
      <Button onClick={() => { if (!appealIds.length) { notify.warning(m('pickFirst')); return; } form.resetFields(); setOpen(true); }}>{m('meeting')}</Button>
      <Modal open={open} title={m('meetingTitle', { n: appealIds.length })} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={busy}
        okText={m('submit')} cancelText={m('cancel')} destroyOnHidden maskClosable={false} width={620}>
        <Form form={form} layout="vertical" preserve={false}><JointMeetingFields /></Form>
      </Modal>
    </>
  );
}
