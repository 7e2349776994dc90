/** Closed vocabularies of the domain (DOMAIN.md §1). The Chinese term is the business name. */

export const TRACKS = ['hotline', 'petition', 'proposal'] as const; // 业务类型
export type Track = (typeof TRACKS)[number];

export const APPEAL_KINDS = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'opinion', 'praise'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number]; // 咨询 求助 投诉 举报 建议 意见 表扬

export const URGENCIES = ['normal', 'urgent', 'critical'] as const; // 一般 紧急 特急
export type Urgency = (typeof URGENCIES)[number];

export const CHANNELS = [
  'phone_12345', 'web', 'app', 'mayor_mailbox', 'message_board', 'letter', 'visit', 'complaint_mailbox',
  'radio_hotline', 'field_visit', 'leader_reception', 'proposal', 'service_hall', 'upper_transfer', 'open311',
  'email', 'sms',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = ['agent', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'callback', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number]; // 话务员 派单员 承办人 单位负责人 督办员 回访员 领导 管理员

export const UNIT_KINDS = ['hotline_centre', 'department', 'street_office', 'community_station'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number]; // 热线中心 部门 街道/乡镇 社区/村

export const AREA_LEVELS = ['province', 'city', 'county', 'street', 'community'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]; // 非常满意 满意 基本满意 不满意 非常不满意

export const HOTLINE_RESULTS = ['solved', 'partially_solved', 'explained', 'unsolvable'] as const; // 已解决 部分解决 已解释说明 无法解决
export const PETITION_RESULTS = ['supported', 'explained_petition', 'not_supported'] as const; // 支持 解释 不予支持 (信访工作条例)
export const PROPOSAL_CLASSES = ['A', 'B', 'C', 'D'] as const; // 已解决或基本解决 正在解决或列入计划 条件限制以后解决 留作参考
/** Every reply result; which ones a track accepts is `RESULTS_BY_TRACK`. */
export const REPLY_RESULTS = [...HOTLINE_RESULTS, ...PETITION_RESULTS, ...PROPOSAL_CLASSES] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export const RESULTS_BY_TRACK: Record<'hotline' | 'petition' | 'proposal', readonly ReplyResult[]> = {
  hotline: HOTLINE_RESULTS, petition: PETITION_RESULTS, proposal: PROPOSAL_CLASSES,
};

export const EMERGENCY_LINES = ['110', '119', '120', '122'] as const;
export type EmergencyLine = (typeof EMERGENCY_LINES)[number];

export const LEGAL_ROUTES = ['litigation', 'arbitration', 'reconsideration', 'discipline', 'petition'] as const;
export type LegalRoute = (typeof LEGAL_ROUTES)[number]; // 诉讼 仲裁 复议 纪检监察 信访

/**
 * States of all three tracks (DOMAIN.md §2–§4). Only the transition tables in packages/domain move between them.
 * `answered`, `under_review`, `reviewed`, `under_rereview` belong to the petition track (书面答复, 复查, 复核);
 * proposals use `answered` while the deputy's feedback is awaited.
 */
export const APPEAL_STATUSES = [
  'registered', 'accepted', 'dispatched', 'handling', 'suspended', 'return_requested', 'reply_review',
  'closure_review', 'callback', 'closed', 'referred', 'rejected', 'merged',
  'answered', 'under_review', 'reviewed', 'under_rereview',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const TERMINAL_STATUSES: readonly AppealStatus[] = ['closed', 'referred', 'rejected', 'merged'];

/** Every command the transition table understands. */
export const APPEAL_ACTIONS = [
  'accept', 'reclassify', 'answer_directly', 'refer_emergency', 'refer_legal', 'reject', 'merge',
  'dispatch', 'sub_dispatch', 'sign', 'record_contact',
  'request_return', 'approve_return', 'reject_return',
  'request_extension', 'approve_extension', 'reject_extension',
  'suspend', 'resume', 'escalate',
  'reply', 'approve_reply', 'send_back',
  'apply_closure', 'approve_closure', 'reject_closure',
  'callback', 'close', 'redo', 'reopen',
  'urge', 'supervise', 'note',
  'co_opinion', 'unmerge', 'answer_supervision', 'joint_meeting',
  'request_review', 'decide_review', 'request_rereview', 'decide_rereview',
  // Taken only by the system, never through the API: a merged appeal following its master, the overdue bulletin.
  'follow_master', 'flag_bulletin',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];
export const SYSTEM_ACTIONS: readonly AppealAction[] = ['follow_master', 'flag_bulletin'];
/** What staff may send to the transition route. */
export const STAFF_ACTIONS = APPEAL_ACTIONS.filter((a) => !SYSTEM_ACTIONS.includes(a));

/** Clocks that run on an appeal (DOMAIN.md §5). */
export const CLOCKS = [
  'sign_for', 'first_contact', 'handling', 'callback',
  'triage', 'acceptance', 'review_window', 'review', // 信访: 转送交办 15 日, 受理告知 15 日, 复查/复核 申请期与决定期
  'co_opinion', 'feedback', // 建议提案: 协办意见 1 个月, 代表反馈 15 个工作日
] as const;
export type ClockName = (typeof CLOCKS)[number];

export const DURATION_UNITS = ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
