import { AppError } from '@minsheng/contracts';
import type { UnitKind } from '@minsheng/contracts';
import { findUnit, moveUnitSubtree, replaceUnitAreas, unitAreaCodes, unitUsage, updateUnitRow, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';
import { presentUnit } from '../presenter';
import { changedFields } from '../changes';
import { requireRuntime } from '../../../runtime/require-runtime';

export interface UpdateUnitInput {
  name?: string | undefined; shortName?: string | undefined; kind?: UnitKind | undefined; parentId?: string | undefined;
  areaCodes?: string[] | undefined; phone?: string | undefined; address?: string | undefined; receptionHours?: string | undefined;
  active?: boolean | undefined;
}

/**
 * Edit a unit: details, served areas (属地), its place in the tree, or whether it is active. A unit never moves
 * under itself or its own subtree; an active unit never sits under an inactive one; a unit that still owns or
 * handles open appeals, has active staff or active sub-units is not deactivated. Last write wins (no version column).
 */
export async function updateUnit(deps: Deps, user: SessionUser, id: string, input: UpdateUnitInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const unit = await findUnit(db, jid, id);
  if (!unit) throw new AppError('NOT_FOUND');
  const { areaCodes } = await requireRuntime(deps, jid);
  const unknownArea = (input.areaCodes ?? []).find((code) => !areaCodes.has(code));
  if (unknownArea) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCodes', code: unknownArea });

  let parent = unit.parentId ? await findUnit(db, jid, unit.parentId) : null;
  const moving = input.parentId !== undefined && input.parentId !== unit.parentId;
  if (moving) {
    parent = await findUnit(db, jid, input.parentId!);
    if (!parent) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'parentId' });
    if (parent.path.includes(unit.id)) throw new AppError('TREE_CYCLE', 'a unit cannot move under itself or its own sub-units', { field: 'parentId' });
  }
  const reactivating = input.active === true && !unit.active;
  if ((moving || reactivating) && (input.active ?? unit.active) && parent && !parent.active) {
    throw new AppError('PARENT_INACTIVE', undefined, { field: moving ? 'parentId' : 'active' });
  }

  const current = { name: unit.name, shortName: unit.shortName, kind: unit.kind, phone: unit.phone, address: unit.address, receptionHours: unit.receptionHours, active: unit.active };
  const next = {
    name: input.name?.trim(), shortName: input.shortName?.trim(), kind: input.kind, phone: input.phone?.trim(), address: input.address?.trim(),
    receptionHours: input.receptionHours?.trim(), active: input.active,
  };
  const columns = changedFields(current, next);
  const servedBefore = (await unitAreaCodes(db, jid)).filter((a) => a.unitId === id).map((a) => a.areaCode).sort();
  const servedAfter = input.areaCodes ? [...new Set(input.areaCodes)].sort() : servedBefore;
  const areasChanged = servedAfter.join() !== servedBefore.join();

  if (columns || moving || areasChanged) {
    await db.transaction(async (tx) => {
      if (input.active === false && unit.active) {
        // Counted inside the transaction that deactivates, so the answer is as fresh as it can be.
        const usage = await unitUsage(tx, jid, id);
        if (usage.openAppeals || usage.activeUsers || usage.activeSubUnits) {
          throw new AppError('IN_USE', `unit has ${usage.openAppeals} open appeals, ${usage.activeUsers} active users, ${usage.activeSubUnits} active sub-units`, usage);
        }
      }
      if (columns) await updateUnitRow(tx, jid, id, columns.after);
      if (moving) await moveUnitSubtree(tx, jid, id, unit.path, parent!);
      if (areasChanged) await replaceUnitAreas(tx, jid, id, servedAfter);
      await writeAudit(tx, {
        jurisdictionId: jid, actorUserId: user.userId, action: 'update_unit', targetType: 'unit', targetId: id,
        detail: {
          before: { ...columns?.before, ...(moving ? { parentId: unit.parentId } : {}), ...(areasChanged ? { areaCodes: servedBefore } : {}) },
          after: { ...columns?.after, ...(moving ? { parentId: parent!.id } : {}), ...(areasChanged ? { areaCodes: servedAfter } : {}) },
        },
      });
    });
    deps.runtimes.invalidate(jid);
    // Resolved sessions carry unit paths and their list scopes (appeal-scope.ts): a move shows in this process at once.
    if (moving) deps.sessions.clear();
  }
  return presentUnit((await findUnit(db, jid, id))!, servedAfter);
}
