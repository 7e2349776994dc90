import { listAreas, listCalendarOverrides, listCategories, listUnits, listUsers, unitAreaCodes } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';
import { presentCategory, presentUnit } from '../presenter';

/** Reference data every staff member needs (intake and dispatch forms). */
export async function listUnitsFor(deps: Deps, user: SessionUser) {
  const [units, served] = await Promise.all([listUnits(deps.database.db, user.jurisdictionId), unitAreaCodes(deps.database.db, user.jurisdictionId)]);
  return units.map((u) => presentUnit(u, served.filter((s) => s.unitId === u.id).map((s) => s.areaCode)));
}

export async function listCategoriesFor(deps: Deps, user: SessionUser) {
  return (await listCategories(deps.database.db, user.jurisdictionId)).map(presentCategory);
}

export async function listAreasFor(deps: Deps, user: SessionUser, parentCode?: string, q?: string) {
  const rows = await listAreas(deps.database.db, user.jurisdictionId, parentCode, q);
  return rows.map((a) => ({ code: a.code, name: a.name, shortName: a.shortName, level: a.level, parentCode: a.parentCode }));
}

export async function listUsersFor(deps: Deps, user: SessionUser) {
  requireAdmin(user);
  return listUsers(deps.database.db, user.jurisdictionId);
}

export async function listCalendarFor(deps: Deps, user: SessionUser, year?: number) {
  const runtime = await deps.runtimes.get(user.jurisdictionId);
  const overrides = await listCalendarOverrides(deps.database.db, user.jurisdictionId);
  const days = [];
  if (runtime && year) {
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
      const info = runtime.calendar.dayInfo(d.toISOString().slice(0, 10));
      if (info.reason !== 'weekday' && info.reason !== 'weekend') days.push(info);
    }
  }
  return { overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name })), specialDays: days };
}
