import type { Grant } from '../appeal/types';

/** What the read policy needs about an appeal: the units it has been with, and who it accuses. */
export interface AppealAccessFacts {
  ownerUnitId: string;
  assignedUnitIds: readonly string[];
  accusedUnitId: string | null;
  unitPaths: Readonly<Record<string, readonly string[]>>;
}

/** Grants whose unit sits inside the accused unit can never read the appeal, whatever else they hold. */
export function isAccusedSide(grants: readonly Grant[], accusedUnitId: string | null): boolean {
  return accusedUnitId !== null && grants.some((g) => g.unitPath.includes(accusedUnitId));
}

/**
 * Staff read an appeal when one of their units' subtrees holds the owning unit or a unit it was assigned to
 * (DOMAIN.md §8). Callers answer "not found" for false, so no access looks like no appeal.
 */
export function canReadAppeal(grants: readonly Grant[], facts: AppealAccessFacts): boolean {
  if (isAccusedSide(grants, facts.accusedUnitId)) return false;
  const units = [facts.ownerUnitId, ...facts.assignedUnitIds];
  return grants.some((g) => units.some((u) => (facts.unitPaths[u] ?? []).includes(g.unitId)));
}

/** Roles that see citizens' identity unmasked on a confidential appeal (DOMAIN.md §8). */
export const CONFIDENTIAL_IDENTITY_ROLES = ['agent', 'dispatcher', 'handler'] as const;
