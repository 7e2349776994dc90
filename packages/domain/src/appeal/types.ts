import type {
  AppealAction, AppealKind, AppealStatus, ClockName, DurationUnit, EmergencyLine, ErrorCode, LegalRoute, ReplyResult,
  Role, SatisfactionLevel, Track, Urgency,
} from '@minsheng/contracts';

/** A role held in a unit; `unitPath` runs from the root unit down to `unitId` itself. */
export interface Grant { role: Role; unitId: string; unitPath: readonly string[] }

export interface Actor { userId: string; grants: readonly Grant[] }

export interface ClockState {
  clock: ClockName;
  amount: number;
  unit: DurationUnit;
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  pausedAt: Date | null;
  pausedBudget: { minutes: number; working: boolean } | null;
}

export interface PendingExtension { type: 'extension'; days: number; reason: string; requestedBy: string; requestedAt: string }

export interface ReplyRecord { text: string; result: ReplyResult; by: string; at: string }

/** 协办意见: a co-unit's opinion sent to the lead unit. */
export interface CoOpinion { unitId: string; text: string; by: string; at: string }

/** What a merged appeal needs to know of its master (并单). */
export interface MasterFacts {
  id: string; status: AppealStatus; reply: ReplyRecord | null;
  /** The units that handled the master: they also answer a follower's redo. */
  leadUnitId: string | null; coUnitIds: readonly string[];
}

export interface CallbackRecord {
  satisfaction: SatisfactionLevel; contacted: boolean; solved: boolean; comment: string | null; by: string; at: string;
}

/** What the domain needs to know about an appeal to decide a command. */
export interface AppealSnapshot {
  id: string;
  track: Track;
  kind: AppealKind;
  urgency: Urgency;
  status: AppealStatus;
  priorStatus: AppealStatus | null;
  ownerUnitId: string;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
  accusedUnitId: string | null;
  /** 诉求分类 (absent in snapshots that do not need it). */
  categoryId?: string | null;
  redoCount: number;
  returnCount: number;
  unitsPassed: number;
  urgeCount: number;
  /** Days of extension approved so far; all approvals together stay within the policy's extensionMax. */
  extendedDays: number;
  escalated: boolean;
  pending: PendingExtension | null;
  reply: ReplyRecord | null;
  callback: CallbackRecord | null;
  coOpinions: readonly CoOpinion[];
  /** The master of a merged appeal, when there is one. */
  master: MasterFacts | null;
  clocks: readonly ClockState[];
  /** Paths (root → unit) of every unit the command may touch: owner, lead, co-units, accused, targets. */
  unitPaths: Readonly<Record<string, readonly string[]>>;
}

/** A command's input; which fields an action needs is declared in the transition table. */
export interface CommandInput {
  reason?: string | undefined;
  answer?: string | undefined;
  line?: EmergencyLine | undefined;
  route?: LegalRoute | undefined;
  masterId?: string | undefined;
  leadUnitId?: string | undefined;
  coUnitIds?: string[] | undefined;
  days?: number | undefined;
  reply?: { text: string; result: ReplyResult } | undefined;
  satisfaction?: SatisfactionLevel | undefined;
  contacted?: boolean | undefined;
  solved?: boolean | undefined;
  comment?: string | undefined;
  /** Proposals: wide-ranging or hard (6 months to answer instead of 3). */
  complex?: boolean | undefined;
  /** 联席会议: the meeting whose decision this records. */
  meetingId?: string | undefined;
  /** 更正分类: the category the appeal really belongs to. */
  categoryId?: string | undefined;
}

export interface Command { action: AppealAction; input: CommandInput }

/** The changes a decided command makes; the use case writes all of it in one transaction. */
export interface Decision {
  from: AppealStatus;
  to: AppealStatus;
  actorRole: Role;
  actorUnitId: string;
  patch: Partial<Pick<AppealSnapshot, 'priorStatus' | 'leadUnitId' | 'coUnitIds' | 'redoCount' | 'returnCount' | 'unitsPassed' | 'urgeCount' | 'extendedDays' | 'escalated' | 'pending' | 'reply' | 'callback' | 'coOpinions'>> & { outcome?: Record<string, unknown>; closedAt?: Date | null; masterId?: string | null; categoryId?: string | null };
  event: { action: AppealAction; reason: string | null; payload: Record<string, unknown>; visibility: 'public' | 'internal' };
  clocks: ClockState[];
  /** Units that receive the appeal with this command (lead first), and whether earlier assignments end. */
  assign: { units: { unitId: string; role: 'lead' | 'co' }[]; endPrevious: boolean } | null;
}

export type DecideResult =
  | { ok: true; decision: Decision }
  | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };
