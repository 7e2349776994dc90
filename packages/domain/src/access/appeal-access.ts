import type { Grant } from '../appeal/types';

/** What the read policy needs about an appeal: the units it has been with, and who it accuses. */
export interface AppealAccessFacts {
  ownerUnitId: string;
  assignedUnitIds: readonly string[];
  accusedUnitId: string | null;
  unitPaths: Readonly<Record<string, readonly string[]>>;
}

/** Is `unitId` the unit `ancestorId` or below it? (Paths run root → unit, so no recursion is needed.) */
export function isUnitWithin(unitId: string | null, ancestorId: string, unitPaths: Readonly<Record<string, readonly string[]>>): boolean {
  return unitId !== null && (unitPaths[unitId] ?? []).includes(ancestorId);
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
  return grants.some((g) => units.some((u) => isUnitWithin(u, g.unitId, facts.unitPaths)));
}


export interface IdentityFacts {
  ownerUnitId: string;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
  accusedUnitId: string | null;
  confidential: boolean;
  unitPaths: Readonly<Record<string, readonly string[]>>;
}

/**
 * Who may see a citizen's identity unmasked (DOMAIN.md §8). Intake and dispatch at the owning unit; the handler of a
 * unit the appeal is assigned to NOW (on a confidential appeal exactly that unit, not a parent of it); on ordinary
 * appeals also the assigned unit's leader and the centre's callback and supervision staff. Earlier handlers lose it.
 */
export function canRevealIdentity(grants: readonly Grant[], f: IdentityFacts): boolean {
  if (isAccusedSide(grants, f.accusedUnitId)) return false;
  const assigned = [f.leadUnitId, ...f.coUnitIds].filter((u): u is string => u !== null);
  const covers = (g: Grant, unit: string) => isUnitWithin(unit, g.unitId, f.unitPaths);
  return grants.some((g) => {
    switch (g.role) {
      case 'agent':
      case 'dispatcher':
        return covers(g, f.ownerUnitId);
      case 'handler':
        return assigned.some((u) => (f.confidential ? g.unitId === u : covers(g, u)));
      case 'unit_leader':
        return !f.confidential && assigned.some((u) => covers(g, u));
      case 'callback':
      case 'supervisor':
        return !f.confidential && covers(g, f.ownerUnitId);
      default:
        return false;
    }
  });
}

/** 来电历史 is an intake tool: only agents and dispatchers look a caller up by phone. */
export const CALLER_HISTORY_ROLES = ['agent', 'dispatcher'] as const;
