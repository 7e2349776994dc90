import { findUserByUsername, insertHearing, insertMaterial, insertProxyItem, insertRepresentative, newId, userGrants } from '@minsheng/db';
import { DEMO_HEARINGS, DEMO_PROXY_ITEMS, DEMO_PROXY_REQUESTS } from '@minsheng/db/demo';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { actOnProxyRequest } from './act-on-request';
import { registerProxyRequest } from './register-request';

const DAY_MS = 86_400_000;

/**
 * Demo hearings (written as rows: a concluded one lies in the past, which the workflow cannot replay) and the proxy
 * catalogue with a few requests accepted and worked through the product's own use cases.
 */
export async function seedHearingsProxyDemo(deps: Deps, jurisdictionId: string, unitIdByKey: ReadonlyMap<string, string>): Promise<void> {
  const db = deps.database.db;
  const now = deps.now();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  for (const h of DEMO_HEARINGS) {
    const id = newId();
    const held = h.status === 'concluded';
    await insertHearing(db, {
      jurisdictionId, id, title: h.title, topic: h.topic, organiserUnitId: unitIdByKey.get(h.organiserKey)!, place: h.place, scheduledAt: at(h.days), minNoticeDays: 10,
      notice: h.notice, status: h.status, minutes: h.minutes, outcome: h.outcome, announcedAt: h.status === 'draft' ? null : at(Math.min(h.days - 12, -1)),
      heldAt: held ? at(h.days) : null, concludedAt: held ? at(h.days + 5) : null, publishedAt: h.published ? at(Math.min(h.days - 11, -1)) : null, createdAt: now, updatedAt: now,
    });
    for (const r of h.representatives) {
      await insertRepresentative(db, {
        jurisdictionId, id: newId(), hearingId: id, kind: r.kind, nameEnc: deps.cipher.encrypt(r.name), phoneEnc: null,
        organisation: 'organisation' in r ? r.organisation : '', constituency: 'constituency' in r ? r.constituency : '', attended: r.attended,
      });
    }
    for (const m of h.materials) await insertMaterial(db, { jurisdictionId, id: newId(), hearingId: id, title: m.title, summary: m.summary, public: m.public, createdAt: now });
  }
  const itemIds = new Map<string, string>();
  for (const i of DEMO_PROXY_ITEMS) {
    const id = newId();
    itemIds.set(i.code, id);
    await insertProxyItem(db, {
      jurisdictionId, id, code: i.code, name: i.name, level: i.level, unitId: i.unitKey ? unitIdByKey.get(i.unitKey) ?? null : null,
      procedure: [...i.procedure], materials: [...i.materials], promisedDays: i.promisedDays, fee: i.fee, createdAt: now, updatedAt: now,
    });
  }
  for (const r of DEMO_PROXY_REQUESTS) {
    const u = (await findUserByUsername(db, jurisdictionId, r.agent))!;
    const user: SessionUser = { jurisdictionId, userId: u.id, username: r.agent, displayName: u.displayName, grants: await userGrants(db, jurisdictionId, u.id), expiresAt: new Date(now.getTime() + DAY_MS) };
    const created = await registerProxyRequest(deps, user, { itemId: itemIds.get(r.item)!, applicantName: r.applicantName, applicantPhone: r.applicantPhone, matter: r.matter });
    for (const s of r.steps) await actOnProxyRequest(deps, user, created.id, { action: s.action, note: s.note });
  }
}
