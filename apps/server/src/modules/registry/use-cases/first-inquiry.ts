import { AppError } from '@minsheng/contracts';
import { firstReceiverOf, openFirstInquiries, unitPaths } from '@minsheng/db';
import { canReadAppeal } from '@minsheng/domain';
import { assignedUnitIds } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../people';

/** Before dispatch the first receiver answers for the appeal (首问负责); afterwards the assigned unit does. */
const ACCOUNTABLE_STATUSES = new Set(['registered', 'accepted']);

/**
 * 首问负责人 of an appeal: the staff member who registered it, read from its registration event (intake is not
 * changed). Answers NOT_FOUND alike for a missing appeal and one the user may not read.
 */
export async function firstInquiry(deps: Deps, user: SessionUser, appealId: string) {
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const row = await firstReceiverOf(db, jid, appealId);
  if (!row) throw new AppError('NOT_FOUND');
  const assigned = await assignedUnitIds(db, jid, appealId);
  const paths = await unitPaths(db, jid, [row.ownerUnitId, ...assigned, ...(row.accusedUnitId ? [row.accusedUnitId] : [])]);
  if (!canReadAppeal(user.grants, { ownerUnitId: row.ownerUnitId, assignedUnitIds: assigned, accusedUnitId: row.accusedUnitId, unitPaths: paths })) throw new AppError('NOT_FOUND');
  const people = await loadPeople(deps, jid);
  const staffReceived = Boolean(row.receiverUserId && people.byId.has(row.receiverUserId));
  return {
    appealId: row.appealId, number: row.number, status: row.status,
    receiver: staffReceived ? { userId: row.receiverUserId, name: people.name(row.receiverUserId), role: row.receiverRole } : null,
    receivedAt: row.receivedAt.toISOString(),
    /** Still answerable by the first receiver: not yet dispatched. */
    accountable: staffReceived && ACCOUNTABLE_STATUSES.has(row.status),
  };
}

/** The appeals I received first that still wait for dispatch (my 首问 list). */
export async function myFirstInquiries(deps: Deps, user: SessionUser) {
  const rows = await openFirstInquiries(deps.database.db, user.jurisdictionId, user.userId);
  return { items: rows.map((r) => ({ appealId: r.appealId, number: r.number, title: r.title, status: r.status, receivedAt: r.receivedAt.toISOString() })) };
}
