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
  redoCount: number;
  returnCount: number;
  unitsPassed: number;
  urgeCount: number;
  escalated: boolean;
  pending: PendingExtension | null;
  reply: ReplyRecord | null;
  callback: CallbackRecord | null;
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
}

export interface Command { action: AppealAction; input: CommandInput }

/** The changes a decided command makes; the use case writes all of it in one transaction. */
export interface Decision {
  from: AppealStatus;
  to: AppealStatus;
  actorRole: Role;
  actorUnitId: string;
  patch: Partial<Pick<AppealSnapshot, 'priorStatus' | 'leadUnitId' | 'coUnitIds' | 'redoCount' | 'returnCount' | 'unitsPassed' | 'urgeCount' | 'escalated' | 'pending' | 'reply' | 'callback'>> & { outcome?: Record<string, unknown>; closedAt?: Date | null };
  event: { action: AppealAction; reason: string | null; payload: Record<string, unknown>; visibility: 'public' | 'internal' };
  clocks: ClockState[];
  /** Units that receive the appeal with this command (lead first), and whether earlier assignments end. */
  assign: { units: { unitId: string; role: 'lead' | 'co' }[]; endPrevious: boolean } | null;
}

export type DecideResult =
  | { ok: true; decision: Decision }
  | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };
