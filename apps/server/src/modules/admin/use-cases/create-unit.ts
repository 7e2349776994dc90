import { AppError } from '@minsheng/contracts';
import type { UnitKind } from '@minsheng/contracts';
import { findUnit, insertUnit, newId, writeAudit, isUniqueViolation } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';
import { requireRuntime } from '../../../runtime/require-runtime';

export interface CreateUnitInput {
  key: string; name: string; shortName?: string | undefined; kind: UnitKind; parentId: string;
  areaCodes?: string[] | undefined; phone?: string | undefined; address?: string | undefined; receptionHours?: string | undefined;
}

/** Add a unit under an existing one; its path is the parent's plus itself. */
export async function createUnit(deps: Deps, user: SessionUser, input: CreateUnitInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const parent = await findUnit(db, jid, input.parentId);
  if (!parent) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'parentId' });
  const { areaCodes } = await requireRuntime(deps, jid);
  const unknownArea = (input.areaCodes ?? []).find((code) => !areaCodes.has(code));
  if (unknownArea) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCodes', code: unknownArea });
  const id = newId();
  const row = {
    jurisdictionId: jid, id, key: input.key, parentId: parent.id, path: [...parent.path, id], name: input.name.trim(),
    shortName: (input.shortName ?? input.name).trim(), kind: input.kind, phone: input.phone ?? '', address: input.address ?? '', receptionHours: input.receptionHours ?? '',
  };
  try {
    await db.transaction(async (tx) => {
      await insertUnit(tx, row, [...new Set(input.areaCodes ?? [])]);
      await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_unit', targetType: 'unit', targetId: id, detail: { key: input.key, name: row.name } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE_CODE', undefined, { field: 'key' });
    throw err;
  }
  // Resolved sessions keep their list scopes (appeal-scope.ts): the parent's staff see the new unit's appeals at once here.
  deps.sessions.clear();
  return (await findUnit(db, jid, id))!;
}
