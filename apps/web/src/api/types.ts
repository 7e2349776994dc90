import type {
  AppealAction, AppealKind, AppealStatus, Channel, ClockName, DurationUnit, Light, ReplyResult, Role, SatisfactionLevel, Track, UnitKind, Urgency,
} from '@minsheng/contracts';

/** Wire shapes of the API (apps/server presenters). Keep in step with the server; /api/docs is the reference. */

export interface SessionUser {
  id: string; username: string; displayName: string; jurisdictionId: string;
  roles: { role: Role; roleLabel: string; unitId: string }[];
  sessionExpiresAt: string;
}
export interface LoginResponse { token: string; csrfToken: string; user: SessionUser }

export interface Meta {
  name: string; jurisdictionId: string; version: string; engine: string; demo: boolean;
  demoPassword?: string; demoUsers?: { username: string; displayName: string; roles: Role[]; unit: string }[];
}

export interface Deadline {
  clock: ClockName; amount: number; unit: DurationUnit; startedAt: string; dueAt: string; stoppedAt: string | null;
  paused: boolean; running: boolean; light: Light; overdue: boolean;
}

export interface AppealSummary {
  id: string; number: string; track: Track; channel: Channel; kind: AppealKind; urgency: Urgency; status: AppealStatus; statusLabel: string;
  title: string; categoryId: string | null; areaCode: string | null; ownerUnitId: string; leadUnitId: string | null; confidential: boolean;
  redoCount: number; escalated: boolean; bulletin: boolean; version: number; createdAt: string; updatedAt: string; deadlines: Deadline[];
  /** A request waiting for a decision (延期申请): the review queue shows its days. */
  pending: PendingRequest | null;
}
export interface PendingRequest { type: 'extension'; days: number; reason: string; requestedBy: string; requestedAt: string }
export interface Page<T> { items: T[]; nextCursor: string | null }

export interface MaskedCitizen { id: string; name: string | null; phone: string | null; address: string | null; hasIdNumber: boolean; masked: true }
export interface RevealedCitizen { id: string; name: string | null; phone: string | null; idNumber: string | null; address: string | null; masked: false }

export interface ReplyRecord { text: string; result: ReplyResult; by: string; at: string }
export interface CallbackRecord { satisfaction: SatisfactionLevel; contacted: boolean; solved: boolean; comment: string | null; by: string; at: string }
export interface CoOpinion { unitId: string; text: string; by: string; at: string }

export interface AppealDetail extends AppealSummary {
  queryCode: string; content: string; location: string | null; consentPublish: boolean; coUnitIds: string[]; masterId: string | null;
  returnCount: number; unitsPassed: number; urgeCount: number; problem: string[];
  reply: ReplyRecord | null; callback: CallbackRecord | null; outcome: Record<string, unknown> | null; closedAt: string | null;
  citizen: MaskedCitizen | null; coOpinions: CoOpinion[]; bulletinAt: string | null; relatedAppealId: string | null;
  external: { source: string | null; id: string; dueAt: string | null } | null; visitorCount: number | null; hasRepresentatives: boolean;
  actions: AppealAction[];
}

export interface AppealEvent {
  seq: number; action: AppealAction; fromStatus: AppealStatus | null; toStatus: AppealStatus; actorUserId: string | null; actorRole: Role | null;
  actorUnitId: string | null; reason: string | null; payload: Record<string, unknown>; visibility: 'public' | 'internal'; occurredAt: string; hash: string;
}

export interface SupervisionRecord {
  id: string; kind: 'urge' | 'notice' | 'escalation' | string; unitId: string | null; eventSeq: number; automatic: boolean; reason: string | null;
  issuedBy: string; issuedAt: string; replyBy: string | null; answeredAt: string | null; answer: string | null; overdue: boolean;
}
export interface JointMeeting {
  id: string; topic: string; heldAt: string; convenedBy: string; participantUnitIds: string[]; decisions: string; leadUnitId: string | null; appealIds: string[];
}
export interface Supervision { supervisions: SupervisionRecord[]; jointMeetings: JointMeeting[] }

export interface Unit {
  id: string; key: string; parentId: string | null; name: string; shortName: string | null; kind: UnitKind; depth: number;
  phone: string | null; address: string | null; receptionHours: string | null; active: boolean; areaCodes: string[];
}
export interface Category {
  id: string; key: string; parentId: string | null; level: number; name: string; defaultKind: AppealKind | null; defaultUnitId: string | null;
  open311Code: string | null; keywords: string[]; active: boolean;
}
export interface Area { code: string; name: string; shortName: string | null; level: string; parentCode: string | null }
export interface StaffUser { id: string; username: string; displayName: string; active: boolean; createdAt: string; roles: { role: Role; unitId: string }[] }

export interface RoutingProposal {
  [k: string]: unknown;
}
