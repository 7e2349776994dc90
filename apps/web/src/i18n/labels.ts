import {
  ACTION_LABELS, CHANNEL_LABELS, KIND_LABELS, RESULT_LABELS, ROLE_LABELS, STATUS_LABELS, TRACK_LABELS, URGENCY_LABELS,
} from '@minsheng/contracts';
import type {
  AppealAction, AppealKind, AppealStatus, Channel, ClockName, DurationUnit, EmergencyLine, LegalRoute, Light, ReplyResult, Role, SatisfactionLevel, Track,
  UnitKind, Urgency,
} from '@minsheng/contracts';
import type { Lang } from './dictionary';

/**
 * Names of the domain's closed vocabularies. Chinese comes from @minsheng/contracts (the same words the server,
 * reports and DOMAIN.md use); English is kept here, for the console only.
 */
const EN = {
  status: {
    registered: 'Registered', accepted: 'Accepted', dispatched: 'Dispatched', handling: 'Handling', suspended: 'Suspended',
    return_requested: 'Return requested', reply_review: 'Reply review', closure_review: 'Closure review', callback: 'Awaiting callback',
    closed: 'Closed', referred: 'Referred', rejected: 'Rejected', merged: 'Merged', answered: 'Answered', under_review: 'Under review',
    reviewed: 'Reviewed', under_rereview: 'Under re-review',
  } satisfies Record<AppealStatus, string>,
  kind: {
    consultation: 'Consultation', help: 'Help', complaint: 'Complaint', report: 'Report', suggestion: 'Suggestion', opinion: 'Opinion', praise: 'Praise',
  } satisfies Record<AppealKind, string>,
  urgency: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' } satisfies Record<Urgency, string>,
  role: {
    agent: 'Intake agent', dispatcher: 'Dispatcher', handler: 'Handler', unit_leader: 'Unit leader', supervisor: 'Supervisor',
    callback: 'Callback agent', leader: 'Leader', admin: 'Administrator',
  } satisfies Record<Role, string>,
  channel: {
    phone_12345: '12345 phone', web: 'Website', app: 'Mobile app', mayor_mailbox: "Mayor's mailbox", message_board: 'Message board',
    letter: 'Letter', visit: 'Visit', complaint_mailbox: 'Complaint mailbox', radio_hotline: 'Radio hotline', field_visit: 'Field visit',
    leader_reception: "Leader's reception", proposal: 'Deputy proposal', service_hall: 'Service hall', upper_transfer: 'Upper-level transfer',
    open311: 'Open311', email: 'E-mail', sms: 'SMS',
  } satisfies Record<Channel, string>,
  track: { hotline: 'Hotline', petition: 'Petition', proposal: 'Proposal' } satisfies Record<Track, string>,
  action: {
    accept: 'Accept', answer_directly: 'Answer directly', refer_emergency: 'Refer to emergency line', refer_legal: 'Tell legal route',
    reject: 'Reject', merge: 'Merge', dispatch: 'Dispatch', sub_dispatch: 'Sub-dispatch', sign: 'Sign for', record_contact: 'Record first contact',
    request_return: 'Request return', approve_return: 'Approve return', reject_return: 'Reject return',
    request_extension: 'Request extension', approve_extension: 'Approve extension', reject_extension: 'Reject extension',
    suspend: 'Suspend', resume: 'Resume', escalate: 'Escalate', reply: 'Reply', approve_reply: 'Approve reply', send_back: 'Send back',
    apply_closure: 'Apply for closure', approve_closure: 'Approve closure', reject_closure: 'Reject closure',
    callback: 'Callback', close: 'Close', redo: 'Redo', reopen: 'Reopen', urge: 'Urge', supervise: 'Supervision notice', note: 'Note',
    reclassify: 'Correct category', co_opinion: 'Co-unit opinion', unmerge: 'Unmerge', answer_supervision: 'Answer supervision', joint_meeting: 'Joint meeting',
    request_review: 'Request review', decide_review: 'Review decision', request_rereview: 'Request re-review', decide_rereview: 'Re-review decision',
    follow_master: 'Follow master', flag_bulletin: 'Overdue bulletin',
  } satisfies Record<AppealAction, string>,
  result: {
    solved: 'Solved', partially_solved: 'Partially solved', explained: 'Explained', unsolvable: 'Cannot be solved',
    supported: 'Supported', explained_petition: 'Explained', not_supported: 'Not supported',
    A: 'A solved', B: 'B in progress / planned', C: 'C later', D: 'D for reference',
  } satisfies Record<ReplyResult, string>,
};

/** Words the contracts do not name yet (clocks, satisfaction levels, supervision kinds, lights): both languages here. */
const LOCAL_ZH = {
  clock: {
    sign_for: '签收', first_contact: '先行联系', handling: '办理', callback: '回访', triage: '转送交办', acceptance: '受理告知',
    review_window: '复查/复核申请期', review: '复查/复核决定', co_opinion: '协办意见', feedback: '代表反馈',
  } satisfies Record<ClockName, string>,
  satisfaction: {
    very_satisfied: '非常满意', satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', very_dissatisfied: '非常不满意',
  } satisfies Record<SatisfactionLevel, string>,
  supervision: { urge: '催办', notice: '督办通知', escalation: '提级' } as Record<string, string>,
  /** Timeline events that are not commands (the intake itself). */
  event: { register: '登记' } as Record<string, string>,
  light: { green: '绿灯', yellow: '黄灯', red: '红灯' } satisfies Record<Light, string>,
  unitKind: { hotline_centre: '热线中心', department: '部门', street_office: '街道/乡镇', community_station: '社区/村' } satisfies Record<UnitKind, string>,
  durationUnit: { minutes: '分钟', hours: '小时', working_hours: '工作小时', working_days: '工作日', calendar_days: '自然日', months: '月' } satisfies Record<DurationUnit, string>,
  emergencyLine: { 110: '110 报警', 119: '119 火警', 120: '120 急救', 122: '122 交通事故' } satisfies Record<EmergencyLine, string>,
  legalRoute: { litigation: '诉讼', arbitration: '仲裁', reconsideration: '行政复议', discipline: '纪检监察', petition: '信访' } satisfies Record<LegalRoute, string>,
};
const LOCAL_EN: { [K in keyof typeof LOCAL_ZH]: Record<string, string> } = {
  clock: {
    sign_for: 'Sign-for', first_contact: 'First contact', handling: 'Handling', callback: 'Callback', triage: 'Triage', acceptance: 'Acceptance notice',
    review_window: 'Review request window', review: 'Review decision', co_opinion: 'Co-unit opinion', feedback: 'Deputy feedback',
  },
  satisfaction: { very_satisfied: 'Very satisfied', satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', dissatisfied: 'Dissatisfied', very_dissatisfied: 'Very dissatisfied' },
  supervision: { urge: 'Urge', notice: 'Supervision notice', escalation: 'Escalation' },
  event: { register: 'Registered' },
  light: { green: 'Green', yellow: 'Yellow', red: 'Red' },
  unitKind: { hotline_centre: 'Hotline centre', department: 'Department', street_office: 'Street / town', community_station: 'Community / village' },
  durationUnit: { minutes: 'minutes', hours: 'hours', working_hours: 'working hours', working_days: 'working days', calendar_days: 'calendar days', months: 'months' },
  emergencyLine: { 110: '110 police', 119: '119 fire', 120: '120 ambulance', 122: '122 traffic' },
  legalRoute: { litigation: 'Litigation', arbitration: 'Arbitration', reconsideration: 'Administrative reconsideration', discipline: 'Discipline inspection', petition: 'Petition' },
};

const ZH = {
  ...LOCAL_ZH,
  status: STATUS_LABELS, kind: KIND_LABELS, urgency: URGENCY_LABELS, role: ROLE_LABELS, channel: CHANNEL_LABELS, track: TRACK_LABELS,
  action: ACTION_LABELS, result: RESULT_LABELS,
};

export type Vocabulary = keyof typeof ZH;

/** The display name of a vocabulary value; unknown values (a newer server) show as they are. */
export function vocabLabel(lang: Lang, vocab: Vocabulary, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const table = (lang === 'en' ? { ...LOCAL_EN, ...EN }[vocab] : ZH[vocab]) as Record<string, string>;
  const events = lang === 'en' ? LOCAL_EN.event : LOCAL_ZH.event;
  return table[value] ?? (vocab === 'action' ? events[value] : undefined) ?? value;
}
