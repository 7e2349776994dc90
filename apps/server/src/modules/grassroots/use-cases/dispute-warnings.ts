import { AppError } from '@minsheng/contracts';
import { acknowledgeDisputeWarning, listDisputeWarnings } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../../registry/people';
import { loadNetwork } from '../network';
import { requireCentreOverseer } from '../policy';
import { presentWarning } from '../presenter';

/**
 * 预警 for supervisors: high-risk disputes raise one warning each, which the console polls (open first) until a
 * supervisor acknowledges it. Chosen over the notifications outbox, whose templates are the appeals' (see report).
 */
export async function listWarnings(deps: Deps, user: SessionUser, openOnly: boolean) {
  requireCentreOverseer(user);
  const jid = user.jurisdictionId;
  const [rows, net, people] = await Promise.all([listDisputeWarnings(deps.database.db, jid, openOnly), loadNetwork(deps, jid), loadPeople(deps, jid)]);
  return { open: rows.filter((r) => !r.warning.acknowledgedAt).length, items: rows.map((r) => presentWarning(r.warning, r.dispute, net, people)) };
}

export async function acknowledgeWarning(deps: Deps, user: SessionUser, id: string) {
  requireCentreOverseer(user);
  const jid = user.jurisdictionId;
  if (!(await acknowledgeDisputeWarning(deps.database.db, jid, id, user.userId, deps.now()))) {
    const all = await listDisputeWarnings(deps.database.db, jid, false);
    throw all.some((r) => r.warning.id === id) ? new AppError('ALREADY_RECORDED') : new AppError('NOT_FOUND');
  }
  const [rows, net, people] = await Promise.all([listDisputeWarnings(deps.database.db, jid, false), loadNetwork(deps, jid), loadPeople(deps, jid)]);
  const r = rows.find((x) => x.warning.id === id)!;
  return presentWarning(r.warning, r.dispute, net, people);
}
