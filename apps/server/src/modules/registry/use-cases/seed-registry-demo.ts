import { findUserByUsername, userGrants } from '@minsheng/db';
import { DEMO_CASE, DEMO_DIARIES, DEMO_RECEPTION_RULES, DEMO_ROSTER, DEMO_ROSTER_DAYS, DEMO_SESSION } from '@minsheng/db/demo';
import { localInstant } from '@minsheng/domain';
import type { Recurrence } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { addCaseProgress, ownCase } from './cases';
import { addMatter } from './add-matter';
import { writeDiary } from './diaries';
import { createRule } from './reception-rules';
import { createShift } from './save-shift';
import { recordSession } from './sessions';

const DAY_MS = 86_400_000;

/**
 * The registry's demo content, written through the product's own use cases (so the demo obeys AB岗, expands the
 * recurring receptions into the portal directory and turns the session's matters into appeals).
 */
export async function seedRegistryDemo(deps: Deps, jurisdictionId: string, unitIdByKey: ReadonlyMap<string, string>, options: { matters: boolean }): Promise<void> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, jurisdictionId);
  const now = deps.now();
  const asUser = async (username: string): Promise<SessionUser> => {
    const u = (await findUserByUsername(db, jurisdictionId, username))!;
    return { jurisdictionId, userId: u.id, username, displayName: u.displayName, grants: await userGrants(db, jurisdictionId, u.id), expiresAt: new Date(now.getTime() + DAY_MS) };
  };
  const admin = await asUser('admin');
  const idOf = async (username: string) => (await asUser(username)).userId;
  const dayOf = (offset: number) => runtime.calendar.localDate(new Date(now.getTime() + offset * DAY_MS));
  const offsetMin = runtime.settings.utcOffsetMinutes;

  for (const day of DEMO_ROSTER_DAYS) {
    for (const p of DEMO_ROSTER) {
      const startsAt = localInstant(dayOf(day), p.start, offsetMin);
      const endsAt = localInstant(dayOf(p.end < p.start ? day + 1 : day), p.end, offsetMin);
      await createShift(deps, admin, { post: p.post, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), aUserId: await idOf(p.a), bUserId: await idOf(p.b) });
    }
  }
  for (const r of DEMO_RECEPTION_RULES) {
    await createRule(deps, admin, {
      kind: r.kind, unitId: unitIdByKey.get('centre') ?? null, leaderUserId: r.leader ? await idOf(r.leader) : undefined, leaderName: r.leaderName, leaderTitle: r.leaderTitle,
      recurrence: r.recurrence as Recurrence, startTime: r.start, endTime: r.end, place: r.place, topic: r.topic,
    });
  }
  const dispatcher = await asUser('dispatcher');
  const session = await recordSession(deps, dispatcher, {
    kind: 'leader_reception', leaderUserId: await idOf(DEMO_SESSION.leader), heldAt: localInstant(dayOf(-DEMO_SESSION.daysAgo), '09:30', offsetMin).toISOString(),
    place: DEMO_SESSION.place, summary: DEMO_SESSION.summary,
  });
  // Matters become appeals: skipped when the demo has no appeals (the tests count theirs from zero).
  for (const m of options.matters ? DEMO_SESSION.matters : []) {
    await addMatter(deps, dispatcher, session.id, { content: m.content, title: m.title, visitorName: m.visitorName, visitorCount: m.visitorCount, kind: 'help', assignedUnitId: unitIdByKey.get(m.unitKey) });
  }
  for (const d of DEMO_DIARIES) {
    await writeDiary(deps, await asUser(d.author), { visitDate: dayOf(-d.daysAgo), place: d.place, peopleMet: d.peopleMet, needsHeard: d.needsHeard, plan: d.plan });
  }
  const owned = await ownCase(deps, admin, { leaderUserId: await idOf(DEMO_CASE.leader), title: DEMO_CASE.title });
  await addCaseProgress(deps, await asUser(DEMO_CASE.leader), owned.id, { note: DEMO_CASE.progress });
}
