import { AppError } from '@minsheng/contracts';
import { findArea, insertArea, renameAreaRow, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';

const presentArea = (a: { code: string; name: string; shortName: string; level: string; parentCode: string | null }) =>
  ({ code: a.code, name: a.name, shortName: a.shortName, level: a.level, parentCode: a.parentCode });

/**
 * 新增社区/村: a community (or village) created after the area tree was loaded, under one of the jurisdiction's
 * streets or towns. Its code extends the street's 9 digits by 3 (the statistical code the civil-affairs office gives).
 */
export async function addArea(deps: Deps, user: SessionUser, input: { parentCode: string; code: string; name: string; shortName?: string | undefined }) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const parent = await findArea(db, jid, input.parentCode);
  if (!parent || !input.parentCode.startsWith(jid)) throw new AppError('UNKNOWN_AREA', undefined, { field: 'parentCode' });
  if (parent.level !== 'street') throw new AppError('VALIDATION_FAILED', 'communities are added under a street or town', { field: 'parentCode' });
  if (!/^[0-9]{12}$/.test(input.code) || !input.code.startsWith(parent.code)) {
    throw new AppError('VALIDATION_FAILED', 'a community code is its street\'s 9 digits followed by 3', { field: 'code' });
  }
  const row = { jurisdictionId: jid, code: input.code, name: input.name.trim(), shortName: (input.shortName ?? input.name).trim(), level: 'community', parentCode: parent.code };
  await db.transaction(async (tx) => {
    if (!await insertArea(tx, row)) throw new AppError('DUPLICATE_CODE', undefined, { field: 'code' });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'add_area', targetType: 'area', targetId: row.code, detail: { name: row.name, parentCode: row.parentCode } });
  });
  // The runtime keeps the set of known area codes (intake validation): the new one counts at once.
  deps.runtimes.invalidate(jid);
  return presentArea(row);
}

/** 更名: an area's name as residents and staff know it now (codes never change: appeals refer to them). */
export async function renameArea(deps: Deps, user: SessionUser, code: string, input: { name: string; shortName?: string | undefined }) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const area = await findArea(db, jid, code);
  // Only the jurisdiction's own areas: its ancestors (province, city) are someone else's to name.
  if (!area || !code.startsWith(jid)) throw new AppError('NOT_FOUND');
  const names = { name: input.name.trim(), shortName: (input.shortName ?? input.name).trim() };
  await db.transaction(async (tx) => {
    await renameAreaRow(tx, jid, code, names);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'rename_area', targetType: 'area', targetId: code, detail: { before: { name: area.name, shortName: area.shortName }, after: names } });
  });
  deps.runtimes.invalidate(jid);
  return presentArea({ ...area, ...names });
}
