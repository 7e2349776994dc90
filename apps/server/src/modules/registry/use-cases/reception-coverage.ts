import { receptionCoverage } from '@minsheng/domain';
import { schedulesBetween } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { monthBounds } from '../../portal/month';
import { loadPeople } from '../people';
import { requireReceptionManager, seesEverything } from '../policy';

/**
 * 领导接访 coverage of a month from the published schedules: working days without a leader receiving, and the
 * receptions of every leader (the district leaders — role `leader` — are listed even with none).
 */
export async function getReceptionCoverage(deps: Deps, user: SessionUser, month: string) {
  if (!seesEverything(user)) requireReceptionManager(user);
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const { from, to } = monthBounds(month, runtime.settings.utcOffsetMinutes);
  const [rows, people] = await Promise.all([schedulesBetween(deps.database.db, user.jurisdictionId, from, to), loadPeople(deps, user.jurisdictionId)]);
  const receptions = rows.filter((r) => r.kind === 'leader_reception').map((r) => ({ leaderName: r.leaderName, date: runtime.calendar.localDate(r.startsAt) }));
  const leaders = people.staff.filter((s) => s.roles.some((r) => r.role === 'leader')).map((s) => s.displayName);
  const rules = runtime.settings.registry;
  const coverage = receptionCoverage(month, receptions, leaders, (d) => runtime.calendar.isWorkingDay(d), rules.receptionsPerLeaderPerMonth);
  return { ...coverage, everyWorkingDayRequired: rules.receptionEveryWorkingDay, minPerLeader: rules.receptionsPerLeaderPerMonth };
}
