import type { AppealAction, AppealStatus } from '@minsheng/contracts';
import type { NotificationInsert } from '@minsheng/db';

/** What a message says; the delivery adapters render each template in zh-CN. */
export type NotificationTemplate =
  | 'appeal_registered' | 'appeal_replied' | 'appeal_closed'
  | 'unit_assigned' | 'unit_urged' | 'unit_supervised' | 'upstream_status'
  // 代办件 (not appeals): written by the proxy sweep, not planned from appeal events.
  | 'proxy_due_soon' | 'proxy_overdue';

export interface NotificationFacts {
  appeal: { id: string; number: string; queryCode: string; title: string; externalSource: string | null; externalId: string | null; leadUnitId: string | null };
  action: AppealAction | 'register';
  from: AppealStatus | null;
  to: AppealStatus;
  eventSeq: number;
  visibility: 'public' | 'internal';
  /** Units that received the appeal with this event (lead first). */
  assignedUnitIds: readonly string[];
  /** The citizen's phone, still encrypted (copied as is, never decrypted here). */
  citizenPhoneEnc: string | null;
  payload: Record<string, unknown>;
}

const CLOSING: readonly AppealStatus[] = ['closed', 'referred', 'rejected'];

/**
 * Which messages an event sends (issue 3 §9): the citizen hears the number and query code at intake, and a message
 * at reply and at closure; units hear of new assignments, urges and supervision notices; an upper platform that
 * transferred the appeal hears of every public step. Pure: the caller writes the rows in the event's transaction.
 */
export function planNotifications(f: NotificationFacts): NotificationInsert[] {
  const out: NotificationInsert[] = [];
  const base = { appealId: f.appeal.id, eventSeq: f.eventSeq };
  const params = { number: f.appeal.number, title: f.appeal.title };
  const citizen = (template: NotificationTemplate, extra: Record<string, unknown> = {}) => {
    if (f.citizenPhoneEnc) out.push({ ...base, audience: 'citizen', recipientEnc: f.citizenPhoneEnc, channel: 'sms', template, params: { ...params, ...extra } });
  };
  const unit = (unitId: string | null, template: NotificationTemplate, extra: Record<string, unknown> = {}) => {
    if (unitId) out.push({ ...base, audience: 'unit', recipientUnitId: unitId, channel: 'email', template, params: { ...params, ...extra } });
  };

  if (f.action === 'register') citizen('appeal_registered', { queryCode: f.appeal.queryCode });
  const replied = (f.to === 'callback' || f.to === 'answered' || f.to === 'reviewed') && f.from !== f.to;
  if (replied) citizen('appeal_replied', { queryCode: f.appeal.queryCode });
  if (CLOSING.includes(f.to) && f.from !== f.to && f.from !== null) citizen('appeal_closed', { queryCode: f.appeal.queryCode, status: f.to });
  for (const unitId of f.assignedUnitIds) unit(unitId, 'unit_assigned');
  if (f.action === 'urge') unit(f.appeal.leadUnitId, 'unit_urged', { reason: f.payload.reason ?? null });
  if (f.action === 'supervise') unit(f.appeal.leadUnitId, 'unit_supervised', { replyBy: f.payload.replyBy ?? null });
  if (f.appeal.externalSource && f.visibility === 'public' && f.action !== 'register') {
    out.push({ ...base, audience: 'upstream', recipientUnitId: null, recipientEnc: null, channel: 'webhook', template: 'upstream_status',
      params: { externalId: f.appeal.externalId, platformId: f.appeal.externalSource, number: f.appeal.number, action: f.action, status: f.to, ...pickPublic(f.payload) } });
  }
  return out;
}

/** What an upper platform may learn of an event: the result and reply text, never internal notes or identities. */
function pickPublic(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['result', 'reply', 'answer', 'line', 'route', 'dueAt'] as const) if (payload[k] !== undefined) out[k] = payload[k];
  return out;
}
