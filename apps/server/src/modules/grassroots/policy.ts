import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/**
 * Who does what in the grassroots network, community files and disputes. The centre's admin and supervisor run
 * everything (the centre's leader reads it all); a street's or department's unit leader and handlers work inside
 * their unit's subtree (a community station's staff on their community). Access is decided over unit paths.
 */
const atRoot = (user: SessionUser, roles: readonly Role[]) => user.grants.some((g) => g.unitPath.length === 1 && roles.includes(g.role));

/** The centre's admin, supervisor and leader see every street. */
export const seesAll = (user: SessionUser) => atRoot(user, ['admin', 'supervisor', 'leader']);
/** The centre's admin and supervisor change anything. */
export const editsAll = (user: SessionUser) => atRoot(user, ['admin', 'supervisor']);

const UNIT_ROLES: readonly Role[] = ['unit_leader', 'handler'];

/** Does one of the user's grants with `roles` sit on `path` (the unit or one above it)? */
export function covers(user: SessionUser, path: readonly string[] | undefined, roles: readonly Role[] = UNIT_ROLES): boolean {
  return Boolean(path) && user.grants.some((g) => roles.includes(g.role) && path!.includes(g.unitId));
}

/** Reading the module at all: the centre's overseers or a unit's leader or handler. */
export function requireGrassrootsReader(user: SessionUser): void {
  if (!seesAll(user) && !user.grants.some((g) => UNIT_ROLES.includes(g.role))) throw new AppError('FORBIDDEN');
}

/**
 * Keeping network records at all: the centre's admin or supervisor or some unit's leader. Checked before the input
 * is looked at, so a role that may never keep them is refused as such (403), not told what is wrong with its body.
 */
export function requireNetworkKeeper(user: SessionUser): void {
  if (!editsAll(user) && !user.grants.some((g) => g.role === 'unit_leader')) {
    throw new AppError('FORBIDDEN', 'the grassroots network is kept by the centre\'s admin and supervisor and the units\' leaders');
  }
}

/** Network records (stations, rooms, officers) are kept by the centre or the unit's leader. */
export function canManageNetwork(user: SessionUser, path: readonly string[] | undefined): boolean {
  return editsAll(user) || covers(user, path, ['unit_leader']);
}

/** Files, disputes, reports and screening returns: the centre or the unit's leader and handlers. */
export function canWorkOn(user: SessionUser, paths: readonly (readonly string[] | undefined)[]): boolean {
  return editsAll(user) || paths.some((p) => covers(user, p));
}

/** Warnings (预警) and screening rounds are the centre's oversight. */
export function requireCentreOverseer(user: SessionUser): void {
  if (!seesAll(user)) throw new AppError('FORBIDDEN', 'warnings are the centre\'s oversight');
}
export function requireCentreEditor(user: SessionUser): void {
  if (!editsAll(user)) throw new AppError('FORBIDDEN', 'screening rounds are organised by the centre');
}
