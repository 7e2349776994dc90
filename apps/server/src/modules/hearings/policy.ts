import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/**
 * Who runs 听证会: the centre's admin, supervisor and leader for every hearing; a unit leader for hearings their unit
 * (or a unit below it) organises. Anyone whose unit covers the organiser reads them.
 */
const ORGANISER_ROLES: readonly Role[] = ['admin', 'supervisor', 'leader', 'unit_leader'];

/** Whether the user may organise a hearing of the unit at `organiserPath` (root first). */
export function canManageHearing(user: SessionUser, organiserPath: readonly string[]): boolean {
  return user.grants.some((g) => ORGANISER_ROLES.includes(g.role) && organiserPath.includes(g.unitId));
}

export function canReadHearing(user: SessionUser, organiserPath: readonly string[]): boolean {
  return user.grants.some((g) => organiserPath.includes(g.unitId));
}

/** Creating any hearing needs an organiser role somewhere. */
export function requireHearingOrganiser(user: SessionUser): void {
  if (!user.grants.some((g) => ORGANISER_ROLES.includes(g.role))) throw new AppError('FORBIDDEN', 'hearings are organised by leaders, supervisors and admins');
}

/** The unit a new hearing belongs to when none is named: the organiser's own unit. */
export function defaultOrganiserUnit(user: SessionUser): string | null {
  return user.grants.find((g) => ORGANISER_ROLES.includes(g.role))?.unitId ?? null;
}
