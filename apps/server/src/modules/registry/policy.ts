import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/**
 * Who does what in the mass-work registry. The roster and the reception calendar are the centre's (root unit's)
 * business; leaders write their own diaries and receive; a unit leader sees what belongs to their unit's subtree.
 */
const atRoot = (user: SessionUser, roles: readonly Role[]) => user.grants.some((g) => g.unitPath.length === 1 && roles.includes(g.role));
const holds = (user: SessionUser, roles: readonly Role[]) => user.grants.some((g) => roles.includes(g.role));

/** 排班: administrators and supervisors (督查督办) at the centre edit the roster and decide swaps. */
export function requireRosterEditor(user: SessionUser): void {
  if (!atRoot(user, ['admin', 'supervisor'])) throw new AppError('FORBIDDEN', 'the roster is edited by the centre\'s admin or supervisor');
}

/** Everyone staffing or overseeing the hotline reads the roster (intake shows who is on duty). */
export function requireRosterViewer(user: SessionUser): void {
  if (!holds(user, ['agent', 'dispatcher', 'supervisor', 'leader', 'admin', 'callback'])) throw new AppError('FORBIDDEN');
}

/** 接访安排 and session records: the centre's admin, supervisor, dispatcher or leader. */
export function canManageReceptions(user: SessionUser): boolean {
  return atRoot(user, ['admin', 'supervisor', 'dispatcher', 'leader']);
}
export function requireReceptionManager(user: SessionUser): void {
  if (!canManageReceptions(user)) throw new AppError('FORBIDDEN', 'receptions are recorded by the centre');
}

/**
 * The staff list (GET /api/registry/staff) is for those who put people on the roster or the reception calendar: the
 * units whose staff they may list are their qualifying grants' units (and below). Empty: no access.
 */
export function staffListUnits(user: SessionUser): string[] {
  return user.grants.filter((g) => g.unitPath.length === 1 && (['admin', 'supervisor', 'dispatcher', 'leader'] as Role[]).includes(g.role)).map((g) => g.unitId);
}

/** Leaders (区领导 and unit leaders) receive, own cases (包案) and write 民情日记. */
export const LEADER_ROLES: readonly Role[] = ['leader', 'unit_leader'];
export function isLeader(user: SessionUser): boolean {
  return holds(user, LEADER_ROLES);
}

/** Reads the whole registry: the centre's admin, supervisor and leader. */
export function seesEverything(user: SessionUser): boolean {
  return atRoot(user, ['admin', 'supervisor', 'leader']);
}

/** Is `unitPath` inside one of the user's units' subtrees? */
export function coversUnit(user: SessionUser, unitPath: readonly string[] | undefined): boolean {
  return Boolean(unitPath) && user.grants.some((g) => unitPath!.includes(g.unitId));
}
