import { AppError } from '@minsheng/contracts';
import { diaryCompliance } from '@minsheng/domain';
import { listDiaryEntries } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { diaryReader } from '../diary-access';
import { leaderUnitOf, loadPeople } from '../people';
import { LEADER_ROLES, seesEverything } from '../policy';

/** 民情日记 monthly compliance: every leader the user may oversee, with entries, the visit day and compliance. */
export async function getDiaryCompliance(deps: Deps, user: SessionUser, month: string) {
  if (!seesEverything(user) && !user.grants.some((g) => g.role === 'unit_leader')) throw new AppError('FORBIDDEN');
  const jid = user.jurisdictionId;
  const runtime = await requireRuntime(deps, jid);
  const people = await loadPeople(deps, jid);
  const leaders = people.staff.filter((s) => s.roles.some((r) => LEADER_ROLES.includes(r.role as never)))
    .map((s) => ({ userId: s.id, name: s.displayName, unitId: leaderUnitOf(s) }));
  const may = await diaryReader(deps, user, leaders.map((l) => l.unitId).filter((u): u is string => u !== null));
  const mine = leaders.filter((l) => may(l.userId, l.unitId));
  const entries = await listDiaryEntries(deps.database.db, jid, `${month}-01`, `${month}-31`);
  const rules = runtime.settings.registry;
  const report = diaryCompliance(month, mine, entries.map((e) => ({ authorUserId: e.authorUserId, visitDate: e.visitDate })), { minEntries: rules.diaryMinEntriesPerMonth, visitDay: rules.diaryVisitDay });
  return { ...report, rows: report.rows.map((r) => ({ ...r, unitName: people.unitName(r.unitId) })) };
}
