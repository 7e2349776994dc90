import { Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { EMERGENCY_LINES, LEGAL_ROUTES, RESULTS_BY_TRACK, SATISFACTION_LEVELS } from '@minsheng/contracts';
import type { AppealAction, Track } from '@minsheng/contracts';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { UnitSelect } from '../../components/UnitSelect';
import { CategorySelect } from '../search/CategorySelect';
import { AppealPicker } from './AppealPicker';
import { ReplyTemplatePicker } from '../knowledge/ReplyTemplatePicker';

/** Fields an action form can ask for: the transition body's fields (apps/server/src/modules/appeals/schemas.ts TransitionBody). */
export type FieldName = 'reason' | 'answer' | 'line' | 'route' | 'masterId' | 'categoryId' | 'leadUnitId' | 'coUnitIds' | 'days' | 'reply' | 'callback' | 'complex';

/**
 * What each action asks for, mirroring `requires` in packages/domain/src/appeal/tables/*.ts. Actions not listed need
 * nothing and get an optional note. `coUnitIds`, `complex` and the callback comment are optional; the rest required.
 */
export const ACTION_FIELDS: Partial<Record<AppealAction, FieldName[]>> = {
  answer_directly: ['answer'], refer_emergency: ['line'], refer_legal: ['route', 'reason'], reject: ['reason'], merge: ['masterId'], reclassify: ['categoryId'],
  unmerge: ['reason'], dispatch: ['leadUnitId', 'coUnitIds'], sub_dispatch: ['leadUnitId', 'coUnitIds'], co_opinion: ['reason'],
  request_return: ['reason'], reject_return: ['reason'], request_extension: ['days', 'reason'], reject_extension: ['reason'],
  suspend: ['reason'], escalate: ['reason'], reply: ['reply'], send_back: ['reason'], apply_closure: ['reason'], reject_closure: ['reason'],
  callback: ['callback'], redo: ['reason'], reopen: ['reason'], supervise: ['reason'], answer_supervision: ['reason'], note: ['reason'],
  request_review: ['leadUnitId', 'reason'], decide_review: ['reply'], request_rereview: ['leadUnitId', 'reason'], decide_rereview: ['reply'],
};

/** Fields of an action for an appeal of this track (a proposal's dispatch may be marked wide-ranging/hard: 6 months). */
export function fieldsFor(action: AppealAction, track: Track): FieldName[] {
  const fields = ACTION_FIELDS[action] ?? [];
  return track === 'proposal' && action === 'dispatch' ? [...fields, 'complex'] : fields;
}

export interface ActionValues {
  reason?: string; answer?: string; line?: string; route?: string; masterId?: string; categoryId?: string; leadUnitId?: string; coUnitIds?: string[]; days?: number;
  replyText?: string; replyResult?: string; satisfaction?: string; contacted?: boolean; solved?: boolean; comment?: string; complex?: boolean;
}

/** The POST /api/appeals/:id/transitions body for the form's values (empty optional fields left out). */
export function transitionBody(action: AppealAction, version: number, v: ActionValues): Record<string, unknown> {
  const body: Record<string, unknown> = { action, version };
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const put = (k: string, value: unknown) => { if (value !== undefined && value !== null && !(Array.isArray(value) && !value.length)) body[k] = value; };
  put('reason', text(v.reason));
  put('answer', text(v.answer));
  put('line', v.line);
  put('route', v.route);
  put('masterId', v.masterId);
  put('categoryId', v.categoryId);
  put('leadUnitId', v.leadUnitId);
  put('coUnitIds', v.coUnitIds);
  put('days', v.days);
  if (text(v.replyText) && v.replyResult) body.reply = { text: text(v.replyText), result: v.replyResult };
  if (action === 'callback') {
    put('satisfaction', v.satisfaction);
    put('contacted', v.contacted);
    put('solved', v.solved);
    put('comment', text(v.comment));
  }
  if (v.complex) body.complex = true;
  return body;
}

const M = defineMessages({
  zh: {
    reason: '理由', note: '备注（可选）', answer: '答复内容', line: '转接热线', route: '法定途径', master: '主单（并入的诉求）',
    lead: '主办单位', co: '协办单位（可选）', days: '延期天数', replyText: '答复内容', replyResult: '办理结果', satisfaction: '满意度',
    contacted: '承办单位是否联系', solved: '问题是否解决', comment: '回访记录（可选）', complex: '涉及面广或办理难度大（6个月内答复）',
    reviewBody: '复查/复核机关', category: '正确的诉求分类', required: '请填写{field}',
    'reason.supervise': '督办要求', 'reason.co_opinion': '协办意见', 'reason.note': '备注内容', 'reason.answer_supervision': '督办回复',
    'reason.suspend': '挂起原因', 'reason.escalate': '提级理由', 'reason.request_extension': '延期理由', 'reason.request_return': '退单理由',
    'reason.apply_closure': '申请办结说明', 'reason.redo': '重办理由', 'reason.send_back': '退回理由', 'reason.refer_legal': '告知内容',
  },
  en: {
    reason: 'Reason', note: 'Note (optional)', answer: 'Answer', line: 'Emergency line', route: 'Legal route', master: 'Master appeal',
    lead: 'Lead unit', co: 'Co-units (optional)', days: 'Days of extension', replyText: 'Reply', replyResult: 'Result', satisfaction: 'Satisfaction',
    contacted: 'Did the unit contact the citizen?', solved: 'Was the problem solved?', comment: 'Callback notes (optional)', complex: 'Wide-ranging or hard (answer within 6 months)',
    reviewBody: 'Reviewing body', category: 'Correct category', required: 'Please fill in {field}',
    'reason.supervise': 'Supervision requirement', 'reason.co_opinion': 'Opinion', 'reason.note': 'Note', 'reason.answer_supervision': 'Answer to the notice',
    'reason.suspend': 'Why suspend', 'reason.escalate': 'Why escalate', 'reason.request_extension': 'Why extend', 'reason.request_return': 'Why return',
    'reason.apply_closure': 'Explanation', 'reason.redo': 'Why redo', 'reason.send_back': 'Why send back', 'reason.refer_legal': 'What the citizen is told',
  },
});

/** The form items of one action (inside an antd <Form>). */
export function ActionFields({ action, track, appealId, categoryId = null }: { action: AppealAction; track: Track; appealId: string; categoryId?: string | null }) {
  const { label, lang } = useI18n();
  const m = useMessages(M);
  const fields = fieldsFor(action, track);
  const req = (field: string) => [{ required: true, whitespace: true, message: m('required', { field }) }];
  const reasonKey = `reason.${action}`;
  const reasonLabel = reasonKey in M.zh ? m(reasonKey as keyof typeof M.zh) : m('reason');
  const yesNo = [{ value: true, label: lang === 'en' ? 'Yes' : '是' }, { value: false, label: lang === 'en' ? 'No' : '否' }];
  return (
    <>
      {fields.includes('answer') ? <Form.Item name="answer" label={m('answer')} rules={req(m('answer'))}><Input.TextArea rows={5} maxLength={10000} showCount /></Form.Item> : null}
      {fields.includes('line') ? (
        <Form.Item name="line" label={m('line')} rules={[{ required: true, message: m('required', { field: m('line') }) }]}>
          <Select options={EMERGENCY_LINES.map((l) => ({ value: l, label: label('emergencyLine', l) }))} />
        </Form.Item>) : null}
      {fields.includes('route') ? (
        <Form.Item name="route" label={m('route')} rules={[{ required: true, message: m('required', { field: m('route') }) }]}>
          <Select options={LEGAL_ROUTES.map((r) => ({ value: r, label: label('legalRoute', r) }))} />
        </Form.Item>) : null}
      {fields.includes('masterId') ? (
        <Form.Item name="masterId" label={m('master')} rules={[{ required: true, message: m('required', { field: m('master') }) }]}>
          <AppealPicker exclude={appealId} />
        </Form.Item>) : null}
      {fields.includes('categoryId') ? (
        <Form.Item name="categoryId" label={m('category')} rules={[{ required: true, message: m('required', { field: m('category') }) }]}>
          <CategorySelect activeOnly />
        </Form.Item>) : null}
      {fields.includes('leadUnitId') ? (
        <Form.Item name="leadUnitId" label={action.startsWith('request_re') ? m('reviewBody') : m('lead')} rules={[{ required: true, message: m('required', { field: m('lead') }) }]}>
          <UnitSelect />
        </Form.Item>) : null}
      {fields.includes('coUnitIds') ? <Form.Item name="coUnitIds" label={m('co')}><UnitSelect multiple /></Form.Item> : null}
      {fields.includes('days') ? (
        <Form.Item name="days" label={m('days')} rules={[{ required: true, message: m('required', { field: m('days') }) }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>) : null}
      {fields.includes('reply') ? (
        <>
          <ReplyTemplatePicker categoryId={categoryId} textField="replyText" resultField="replyResult" />
          <Form.Item name="replyResult" label={m('replyResult')} rules={[{ required: true, message: m('required', { field: m('replyResult') }) }]}>
            <Select options={RESULTS_BY_TRACK[track].map((r) => ({ value: r, label: label('result', r) }))} />
          </Form.Item>
          <Form.Item name="replyText" label={m('replyText')} rules={req(m('replyText'))}><Input.TextArea rows={6} maxLength={10000} showCount /></Form.Item>
        </>) : null}
      {fields.includes('callback') ? (
        <>
          <Form.Item name="satisfaction" label={m('satisfaction')} rules={[{ required: true, message: m('required', { field: m('satisfaction') }) }]}>
            <Radio.Group optionType="button" options={SATISFACTION_LEVELS.map((s) => ({ value: s, label: label('satisfaction', s) }))} />
          </Form.Item>
          <Form.Item name="contacted" label={m('contacted')} rules={[{ required: true, message: m('required', { field: m('contacted') }) }]}><Radio.Group options={yesNo} /></Form.Item>
          <Form.Item name="solved" label={m('solved')} rules={[{ required: true, message: m('required', { field: m('solved') }) }]}><Radio.Group options={yesNo} /></Form.Item>
          <Form.Item name="comment" label={m('comment')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </>) : null}
      {fields.includes('complex') ? <Form.Item name="complex" valuePropName="checked"><Checkbox>{m('complex')}</Checkbox></Form.Item> : null}
      {fields.includes('reason')
        ? <Form.Item name="reason" label={reasonLabel} rules={req(reasonLabel)}><Input.TextArea rows={4} maxLength={2000} showCount /></Form.Item>
        : !fields.length || fields.every((f) => f === 'complex') || fields.includes('leadUnitId') || fields.includes('masterId') || fields.includes('categoryId') || fields.includes('line') || fields.includes('days')
          ? <Form.Item name="reason" label={m('note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          : null}
    </>
  );
}
