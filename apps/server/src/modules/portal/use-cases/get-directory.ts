import { listDirectoryUnits, listUpcomingSchedules, publicNames } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';

/** 办事指南: every unit's phone, address and reception hours, and the coming leaders' reception and hotline days. */
export async function getDirectory(deps: Deps, jurisdictionId: string) {
  await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;
  const [units, schedules, names] = await Promise.all([listDirectoryUnits(db, jurisdictionId), listUpcomingSchedules(db, jurisdictionId, deps.now()), publicNames(db, jurisdictionId)]);
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, phone: u.phone, address: u.address, receptionHours: u.receptionHours })),
    schedules: schedules.map((s) => ({
      kind: s.kind, leaderName: s.leaderName, leaderTitle: s.leaderTitle, unitName: s.unitId ? names.unitNames.get(s.unitId) ?? null : null,
      startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), place: s.place, topic: s.topic,
    })),
  };
}
