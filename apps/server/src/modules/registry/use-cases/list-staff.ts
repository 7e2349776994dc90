import { AppError } from '@minsheng/contracts';
import { subtreeUnitIds } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../people';
import { LEADER_ROLES, staffListUnits } from '../policy';
import { presentStaffMember } from '../presenter';

export interface StaffQuery { q?: string | undefined; leaders?: boolean | undefined; limit?: number | undefined }

/**
 * 人员名单 for the roster's and the reception calendar's pickers: the active staff holding a role in the caller's
 * units (or below), each with only the roles inside that scope, found by name. Read-only; no contact details.
 */
export async function listStaff(deps: Deps, user: SessionUser, query: StaffQuery) {
  const roots = staffListUnits(user);
  if (!roots.length) throw new AppError('FORBIDDEN', 'the staff list is for those who edit the roster or receptions');
  const jid = user.jurisdictionId;
  const [scope, people] = await Promise.all([subtreeUnitIds(deps.database.db, jid, roots), loadPeople(deps, jid)]);
  const inScope = new Set(scope);
  const needle = query.q?.trim().toLowerCase() ?? '';
  const limit = query.limit ?? 200;
  const found = people.staff
    .map((s) => ({ ...s, roles: s.roles.filter((r) => inScope.has(r.unitId)) }))
    .filter((s) => s.roles.length > 0)
    .filter((s) => !query.leaders || s.roles.some((r) => LEADER_ROLES.includes(r.role as never)))
    .filter((s) => !needle || s.displayName.toLowerCase().includes(needle))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
  return { items: found.slice(0, limit).map((s) => presentStaffMember(s, people)), truncated: found.length > limit };
}
