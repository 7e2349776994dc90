import { AppError } from '@minsheng/contracts';
import { listStaffWithRoles, publicNames } from '@minsheng/db';
import type { Deps } from '../../deps';
import { LEADER_ROLES } from './policy';

export type StaffMember = Awaited<ReturnType<typeof listStaffWithRoles>>[number];

/** Staff names and roles, and unit names, for presenting registry rows (one read per request). */
export async function loadPeople(deps: Deps, jurisdictionId: string) {
  const [staff, names] = await Promise.all([listStaffWithRoles(deps.database.db, jurisdictionId), publicNames(deps.database.db, jurisdictionId)]);
  const byId = new Map(staff.map((s) => [s.id, s]));
  return {
    staff, byId, unitNames: names.unitNames,
    name: (id: string | null | undefined) => (id ? byId.get(id)?.displayName ?? null : null),
    unitName: (id: string | null | undefined) => (id ? names.unitNames.get(id) ?? null : null),
  };
}
export type People = Awaited<ReturnType<typeof loadPeople>>;

/** An active staff member, or UNKNOWN_USER naming the field. */
export function requireMember(people: People, userId: string, field: string): StaffMember {
  const m = people.byId.get(userId);
  if (!m) throw new AppError('UNKNOWN_USER', undefined, { field });
  return m;
}

/** A leader (区领导 or unit leader), or NOT_A_LEADER naming the field. */
export function requireLeaderMember(people: People, userId: string, field: string): StaffMember {
  const m = requireMember(people, userId, field);
  if (!m.roles.some((r) => LEADER_ROLES.includes(r.role as never))) throw new AppError('NOT_A_LEADER', undefined, { field });
  return m;
}

/** The leader's own unit: the unit of their leader grant. */
export function leaderUnitOf(m: StaffMember): string | null {
  return m.roles.find((r) => LEADER_ROLES.includes(r.role as never))?.unitId ?? m.roles[0]?.unitId ?? null;
}
