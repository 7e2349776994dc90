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

export const REPLY_RESULTS = ['solved', 'partially_solved', 'explained', 'unsolvable'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number]; // 已解决 部分解决 已解释说明 无法解决

export const EMERGENCY_LINES = ['110', '119', '120', '122'] as const;
export type EmergencyLine = (typeof EMERGENCY_LINES)[number];

export const LEGAL_ROUTES = ['litigation', 'arbitration', 'reconsideration', 'discipline', 'petition'] as const;
export type LegalRoute = (typeof LEGAL_ROUTES)[number]; // 诉讼 仲裁 复议 纪检监察 信访

/** Hotline-track states (DOMAIN.md §2). Only the transition table in packages/domain moves between them. */
export const APPEAL_STATUSES = [
  'registered', 'accepted', 'dispatched', 'handling', 'suspended', 'return_requested', 'reply_review',
  'closure_review', 'callback', 'closed', 'referred', 'rejected', 'merged',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const TERMINAL_STATUSES: readonly AppealStatus[] = ['closed', 'referred', 'rejected', 'merged'];

/** Every command the transition table understands. */
export const APPEAL_ACTIONS = [
  'accept', 'answer_directly', 'refer_emergency', 'refer_legal', 'reject', 'merge',
  'dispatch', 'sub_dispatch', 'sign', 'record_contact',
  'request_return', 'approve_return', 'reject_return',
  'request_extension', 'approve_extension', 'reject_extension',
  'suspend', 'resume', 'escalate',
  'reply', 'approve_reply', 'send_back',
  'apply_closure', 'approve_closure', 'reject_closure',
  'callback', 'close', 'redo', 'reopen',
  'urge', 'supervise', 'note',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** Clocks that run on an appeal (DOMAIN.md §5). */
export const CLOCKS = ['sign_for', 'first_contact', 'handling', 'callback'] as const;
export type ClockName = (typeof CLOCKS)[number];

export const DURATION_UNITS = ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
