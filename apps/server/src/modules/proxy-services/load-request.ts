import { AppError } from '@minsheng/contracts';
import { proxyLight } from '@minsheng/domain';
import { findProxyItem, findProxyRequest, listProxyItems, publicNames, stepsOfProxyRequest, unitPaths } from '@minsheng/db';
import type { ProxyRequestRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { requireRuntime } from '../../runtime/require-runtime';
import { loadPeople } from '../registry/people';
import { canWorkProxy } from './policy';
import { presentRequest } from './presenter';

/** A request the user works (its unit inside their subtree), or NOT_FOUND alike for no access. */
export async function loadWorkableRequest(deps: Deps, user: SessionUser, id: string): Promise<ProxyRequestRow> {
  const r = await findProxyRequest(deps.database.db, user.jurisdictionId, id);
  if (!r) throw new AppError('NOT_FOUND');
  const path = (await unitPaths(deps.database.db, user.jurisdictionId, [r.unitId]))[r.unitId] ?? [];
  if (!canWorkProxy(user, path)) throw new AppError('NOT_FOUND');
  return r;
}

/** Requests for staff: applicant decrypted then masked, the item, unit and agent named, the clock's light now. */
export async function presentRequests(deps: Deps, jurisdictionId: string, rows: ProxyRequestRow[], withSteps: boolean) {
  const db = deps.database.db;
  const [items, names, people, runtime] = await Promise.all([listProxyItems(db, jurisdictionId, false), publicNames(db, jurisdictionId), loadPeople(deps, jurisdictionId), requireRuntime(deps, jurisdictionId)]);
  const now = deps.now();
  const out = [];
  for (const r of rows) {
    const steps = withSteps ? await stepsOfProxyRequest(db, jurisdictionId, r.id) : [];
    out.push(presentRequest(r, {
      item: items.find((i) => i.id === r.itemId) ?? null, unitName: names.unitNames.get(r.unitId) ?? null, agentName: people.name(r.agentUserId),
      light: r.closedAt ? (r.dueAt && r.closedAt > r.dueAt ? 'late' : 'closed') : proxyLight(runtime.calendar, r.acceptedAt, r.dueAt, now),
      applicant: { name: deps.cipher.decrypt(r.applicantNameEnc), phone: r.applicantPhoneEnc ? deps.cipher.decrypt(r.applicantPhoneEnc) : null },
      steps, names: (id) => people.name(id),
    }));
  }
  return out;
}

export async function presentOneRequest(deps: Deps, jurisdictionId: string, id: string) {
  const r = await findProxyRequest(deps.database.db, jurisdictionId, id);
  return (await presentRequests(deps, jurisdictionId, [r!], true))[0]!;
}

/** The item of a request, for the citizen's view. */
export async function itemOf(deps: Deps, jurisdictionId: string, itemId: string) {
  return findProxyItem(deps.database.db, jurisdictionId, itemId);
}
