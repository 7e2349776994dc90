import { AppError } from '@minsheng/contracts';
import type { ProxyLevel } from '@minsheng/domain';
import { findProxyItem, insertProxyItem, isUniqueViolation, listProxyItems, newId, publicNames, updateProxyItem, writeAudit } from '@minsheng/db';
import type { ProxyItemChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireCatalogueEditor, requireProxyStaff } from '../policy';
import { presentItem } from '../presenter';

export interface ItemInput {
  code: string; name: string; level: ProxyLevel; unitId?: string | null | undefined; procedure: string[]; materials: string[]; promisedDays: number; fee?: string | undefined;
}

const clean = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);

/** The whole catalogue (inactive items too) for staff. */
export async function listItems(deps: Deps, user: SessionUser) {
  requireProxyStaff(user);
  const [rows, names] = await Promise.all([listProxyItems(deps.database.db, user.jurisdictionId, false), publicNames(deps.database.db, user.jurisdictionId)]);
  return { items: rows.map((i) => presentItem(i, i.unitId ? names.unitNames.get(i.unitId) ?? null : null)) };
}

async function checkUnit(deps: Deps, jurisdictionId: string, unitId: string | null | undefined) {
  if (!unitId) return null;
  const names = await publicNames(deps.database.db, jurisdictionId);
  if (!names.unitNames.has(unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  return names.unitNames.get(unitId)!;
}

/** Add an item to the public catalogue (公开事项、程序和承诺时限). */
export async function createItem(deps: Deps, user: SessionUser, input: ItemInput) {
  requireCatalogueEditor(user);
  const jid = user.jurisdictionId;
  const unitName = await checkUnit(deps, jid, input.unitId);
  const id = newId();
  const now = deps.now();
  try {
    await deps.database.db.transaction(async (tx) => {
      await insertProxyItem(tx, {
        jurisdictionId: jid, id, code: input.code.trim().toUpperCase(), name: input.name.trim(), level: input.level, unitId: input.unitId ?? null,
        procedure: clean(input.procedure), materials: clean(input.materials), promisedDays: input.promisedDays, fee: input.fee?.trim() ?? '', createdAt: now, updatedAt: now,
      });
      await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_proxy_item', targetType: 'proxy_item', targetId: id, detail: { code: input.code } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE_CODE', undefined, { field: 'code' });
    throw e;
  }
  return presentItem((await findProxyItem(deps.database.db, jid, id))!, unitName);
}

/** Change an item; requests already accepted keep the time limit they were promised. */
export async function patchItem(deps: Deps, user: SessionUser, id: string, patch: Partial<Omit<ItemInput, 'code'>> & { active?: boolean | undefined }) {
  requireCatalogueEditor(user);
  const jid = user.jurisdictionId;
  if (!(await findProxyItem(deps.database.db, jid, id))) throw new AppError('NOT_FOUND');
  const changes: ProxyItemChanges = { updatedAt: deps.now() };
  if (patch.name !== undefined) changes.name = patch.name.trim();
  if (patch.level !== undefined) changes.level = patch.level;
  if (patch.unitId !== undefined) { await checkUnit(deps, jid, patch.unitId); changes.unitId = patch.unitId; }
  if (patch.procedure !== undefined) changes.procedure = clean(patch.procedure);
  if (patch.materials !== undefined) changes.materials = clean(patch.materials);
  if (patch.promisedDays !== undefined) changes.promisedDays = patch.promisedDays;
  if (patch.fee !== undefined) changes.fee = patch.fee.trim();
  if (patch.active !== undefined) changes.active = patch.active;
  await deps.database.db.transaction(async (tx) => {
    await updateProxyItem(tx, jid, id, changes);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'update_proxy_item', targetType: 'proxy_item', targetId: id, detail: { fields: Object.keys(changes) } });
  });
  const row = (await findProxyItem(deps.database.db, jid, id))!;
  return presentItem(row, row.unitId ? (await publicNames(deps.database.db, jid)).unitNames.get(row.unitId) ?? null : null);
}
