import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/**
 * 民生事项代办: the catalogue is the centre admin's; 代办员 (intake at the centre, handlers and unit leaders at streets
 * and community stations) register and work requests of their unit's subtree; supervisors and admins oversee.
 */
const PROXY_ROLES: readonly Role[] = ['agent', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'admin'];

export function requireCatalogueEditor(user: SessionUser): void {
  if (!user.grants.some((g) => g.unitPath.length === 1 && g.role === 'admin')) throw new AppError('FORBIDDEN', 'the catalogue is kept by the centre\'s admin');
}

export function requireProxyStaff(user: SessionUser): void {
  if (!user.grants.some((g) => PROXY_ROLES.includes(g.role))) throw new AppError('FORBIDDEN');
}

/** Whether the user works requests of the unit at `unitPath` (root first). */
export function canWorkProxy(user: SessionUser, unitPath: readonly string[]): boolean {
  return user.grants.some((g) => PROXY_ROLES.includes(g.role) && unitPath.includes(g.unitId));
}

/** The units whose requests the user sees: the roots of their proxy grants' subtrees. */
export function proxyRootUnits(user: SessionUser): string[] {
  return user.grants.filter((g) => PROXY_ROLES.includes(g.role)).map((g) => g.unitId);
}
