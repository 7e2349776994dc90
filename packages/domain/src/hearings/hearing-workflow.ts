/**
 * 听证会 workflow: a hearing is drafted, announced with a notice (听证公告) far enough ahead, held (minutes and who
 * attended), then concluded with its outcome (听证结果); until it is held it may be cancelled. Publication on the
 * portal is a separate switch, allowed once the notice is out. Pure: the caller passes the facts and the time.
 */
export const HEARING_STATUSES = ['draft', 'announced', 'held', 'concluded', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

export const HEARING_ACTIONS = ['announce', 'hold', 'conclude', 'cancel'] as const;
export type HearingAction = (typeof HEARING_ACTIONS)[number];

/** What the rules look at: the hearing as it is and what the command brings. */
export interface HearingFacts {
  status: HearingStatus;
  scheduledAt: Date;
  /** Minimum calendar days between the notice and the hearing (per hearing: the legal basis differs). */
  minNoticeDays: number;
  notice: string;
  residentCount: number;
  enterpriseCount: number;
}

export interface HearingCommand {
  action: HearingAction;
  now: Date;
  minutes?: string | undefined;
  attendedCount?: number | undefined;
  outcome?: string | undefined;
  reason?: string | undefined;
}

export type HearingRefusal =
  | { code: 'ILLEGAL_TRANSITION'; field?: undefined }
  | { code: 'NOTICE_TOO_SHORT'; field: 'scheduledAt'; earliest: Date }
  | { code: 'REPRESENTATIVES_REQUIRED'; field: 'representatives' }
  | { code: 'INVALID_TRANSITION_INPUT'; field: 'notice' | 'minutes' | 'outcome' | 'reason' | 'attendedRepresentativeIds' };

export type HearingDecision = { ok: true; next: HearingStatus } | { ok: false; refusal: HearingRefusal };

const DAY_MS = 86_400_000;
const FROM: Record<HearingAction, readonly HearingStatus[]> = {
  announce: ['draft'],
  hold: ['announced'],
  conclude: ['held'],
  cancel: ['draft', 'announced'],
};
const TO: Record<HearingAction, HearingStatus> = { announce: 'announced', hold: 'held', conclude: 'concluded', cancel: 'cancelled' };

const blank = (s: string | undefined) => !s || !s.trim();
const refuse = (refusal: HearingRefusal): HearingDecision => ({ ok: false, refusal });

/** The earliest moment a hearing announced at `now` may be held. */
export function earliestHearingDate(now: Date, minNoticeDays: number): Date {
  return new Date(now.getTime() + minNoticeDays * DAY_MS);
}

/** One transition table for every status change of a hearing. */
export function decideHearing(h: HearingFacts, c: HearingCommand): HearingDecision {
  if (!FROM[c.action].includes(h.status)) return refuse({ code: 'ILLEGAL_TRANSITION' });
  switch (c.action) {
    case 'announce': {
      if (blank(h.notice)) return refuse({ code: 'INVALID_TRANSITION_INPUT', field: 'notice' });
      // Residents are always heard; enterprises only where the matter concerns them, so they are not required.
      if (h.residentCount < 1) return refuse({ code: 'REPRESENTATIVES_REQUIRED', field: 'representatives' });
      const earliest = earliestHearingDate(c.now, h.minNoticeDays);
      if (h.scheduledAt.getTime() < earliest.getTime()) return refuse({ code: 'NOTICE_TOO_SHORT', field: 'scheduledAt', earliest });
      break;
    }
    case 'hold':
      if (blank(c.minutes)) return refuse({ code: 'INVALID_TRANSITION_INPUT', field: 'minutes' });
      if (!c.attendedCount || c.attendedCount < 1) return refuse({ code: 'INVALID_TRANSITION_INPUT', field: 'attendedRepresentativeIds' });
      break;
    case 'conclude':
      if (blank(c.outcome)) return refuse({ code: 'INVALID_TRANSITION_INPUT', field: 'outcome' });
      break;
    case 'cancel':
      if (blank(c.reason)) return refuse({ code: 'INVALID_TRANSITION_INPUT', field: 'reason' });
      break;
    default:
      return refuse({ code: 'ILLEGAL_TRANSITION' });
  }
  return { ok: true, next: TO[c.action] };
}

/** Statuses whose hearing may appear on the portal (the notice is out). */
export function canPublishHearing(status: HearingStatus): boolean {
  return status !== 'draft';
}

/** Which representatives' details may be edited: only before the hearing is held. */
export function representativesEditable(status: HearingStatus): boolean {
  return status === 'draft' || status === 'announced';
}
