import { AppError } from '@minsheng/contracts';
import { findWorkPost, insertWorkPost, listWorkPosts, newId, updateWorkPost, writeAudit } from '@minsheng/db';
import type { WorkPostChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadNetwork, readScope, requireCommunity, requireUnit } from '../network';
import type { Network } from '../network';
import { canManageNetwork, requireGrassrootsReader, requireNetworkKeeper } from '../policy';
import { presentPost } from '../presenter';

export interface PostInput { kind: 'station' | 'room'; unitId?: string | undefined; areaCode?: string | undefined; name: string; head?: string | undefined; staffCount: number; requirementsMet: string[]; note?: string | undefined }

/** Requirement items must come from the jurisdiction's 五有 / 四有一要 list. */
function checkRequirements(net: Network, kind: 'station' | 'room', items: readonly string[]): string[] {
  const allowed = kind === 'station' ? net.rules.stationRequirements : net.rules.roomRequirements;
  const unknown = items.find((i) => !allowed.includes(i));
  if (unknown !== undefined) throw new AppError('VALIDATION_FAILED', `requirementsMet: unknown item ${unknown}`, { field: 'requirementsMet' });
  return [...new Set(items)];
}

/** The unit path a post belongs to: the station's unit, or the room's street office. */
const postPath = (net: Network, p: { kind: string; unitId: string | null; areaCode: string | null }) =>
  (p.kind === 'station' ? net.unitById.get(p.unitId ?? '')?.path : net.streetUnitOfArea(p.areaCode ?? '')?.path);

/** Work stations and rooms the user may read. */
export async function listPosts(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const net = await loadNetwork(deps, user.jurisdictionId);
  const scope = readScope(user, net);
  const rows = await listWorkPosts(deps.database.db, user.jurisdictionId);
  return { items: rows.filter((p) => (p.kind === 'station' ? scope.unit(p.unitId) : scope.area(p.areaCode))).map((p) => presentPost(p, net)) };
}

/** Set up a 工作站 (street office or department) or a 工作室 (community); one per unit or community. */
export async function createPost(deps: Deps, user: SessionUser, input: PostInput) {
  requireNetworkKeeper(user);
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  let unitId: string | null = null;
  let areaCode: string | null = null;
  if (input.kind === 'station') {
    if (!input.unitId || input.areaCode) throw new AppError('VALIDATION_FAILED', 'a work station names its unitId (and no areaCode)', { field: 'unitId' });
    const unit = requireUnit(net, input.unitId);
    if (unit.kind !== 'street_office' && unit.kind !== 'department') throw new AppError('WRONG_UNIT_KIND', 'work stations belong to street offices and departments', { field: 'unitId' });
    unitId = unit.id;
  } else {
    if (!input.areaCode || input.unitId) throw new AppError('VALIDATION_FAILED', 'a work room names its community areaCode (and no unitId)', { field: 'areaCode' });
    areaCode = requireCommunity(net, input.areaCode).code;
  }
  if (!canManageNetwork(user, postPath(net, { kind: input.kind, unitId, areaCode }))) throw new AppError('FORBIDDEN');
  const id = newId();
  const now = deps.now();
  const row = {
    jurisdictionId: jid, id, kind: input.kind, unitId, areaCode, name: input.name.trim(), head: input.head?.trim() ?? '', staffCount: input.staffCount,
    requirementsMet: checkRequirements(net, input.kind, input.requirementsMet), note: input.note?.trim() ?? '', updatedBy: user.userId, updatedAt: now,
  };
  await deps.database.db.transaction(async (tx) => {
    if (!(await insertWorkPost(tx, row))) throw new AppError('DUPLICATE_POST');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_work_post', targetType: 'work_post', targetId: id, detail: { kind: input.kind } });
  });
  return presentPost((await findWorkPost(deps.database.db, jid, id))!, net);
}

/** Update a post's staff, requirements met or name. */
export async function patchPost(deps: Deps, user: SessionUser, id: string, patch: Partial<Omit<PostInput, 'kind' | 'unitId' | 'areaCode'>>) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const post = await findWorkPost(deps.database.db, jid, id);
  if (!post || !readScope(user, net)[post.kind === 'station' ? 'unit' : 'area'](post.kind === 'station' ? post.unitId : post.areaCode)) throw new AppError('NOT_FOUND');
  if (!canManageNetwork(user, postPath(net, post))) throw new AppError('FORBIDDEN');
  const changes: WorkPostChanges = { updatedBy: user.userId, updatedAt: deps.now() };
  if (patch.name !== undefined) changes.name = patch.name.trim();
  if (patch.head !== undefined) changes.head = patch.head.trim();
  if (patch.staffCount !== undefined) changes.staffCount = patch.staffCount;
  if (patch.requirementsMet !== undefined) changes.requirementsMet = checkRequirements(net, post.kind as 'station' | 'room', patch.requirementsMet);
  if (patch.note !== undefined) changes.note = patch.note.trim();
  await deps.database.db.transaction(async (tx) => {
    await updateWorkPost(tx, jid, id, changes);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'update_work_post', targetType: 'work_post', targetId: id, detail: { fields: Object.keys(patch) } });
  });
  return presentPost((await findWorkPost(deps.database.db, jid, id))!, net);
}
