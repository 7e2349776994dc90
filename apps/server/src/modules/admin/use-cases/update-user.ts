import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import { deleteUserSessions, findUserWithRoles, replaceUserRoles, unitPaths, updateUserRow, userSessionHashes, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';
import { presentStaffUser } from '../presenter';
import { changedFields } from '../changes';
import { requireRuntime } from '../../../runtime/require-runtime';

export interface UpdateUserInput {
  displayName?: string | undefined; roles?: { role: Role; unitId: string }[] | undefined; active?: boolean | undefined;
}

const roleKey = (r: { role: string; unitId: string }) => `${r.role}@${r.unitId}`;

/**
 * Edit a staff account: name, roles (role × unit), active or not. A deactivated user's sessions end at once; a
 * changed user's cached sessions are dropped so the next request sees the new roles. An administrator cannot lock
 * themselves out (deactivate their own account or drop their own admin role at the root unit).
 */
export async function updateUser(deps: Deps, user: SessionUser, id: string, input: UpdateUserInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const target = await findUserWithRoles(db, jid, id);
  if (!target) throw new AppError('NOT_FOUND');
  const self = id === user.userId;
  if (self && input.active === false) throw new AppError('SELF_LOCKOUT', 'you cannot deactivate your own account', { field: 'active' });
  let roles: { role: string; unitId: string }[] | undefined;
  if (input.roles) {
    roles = [...new Map(input.roles.map((r) => [roleKey(r), { role: r.role, unitId: r.unitId }])).values()].sort((a, b) => roleKey(a).localeCompare(roleKey(b)));
    const paths = await unitPaths(db, jid, roles.map((r) => r.unitId));
    const missing = roles.find((r) => !paths[r.unitId]);
    if (missing) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'roles', unitId: missing.unitId });
    const { rootUnitId } = await requireRuntime(deps, jid);
    if (self && !roles.some((r) => r.role === 'admin' && r.unitId === rootUnitId)) {
      throw new AppError('SELF_LOCKOUT', 'you cannot remove your own administrator role', { field: 'roles' });
    }
  }
  const current = { displayName: target.displayName, active: target.active, roles: [...target.roles].sort((a, b) => roleKey(a).localeCompare(roleKey(b))) };
  const change = changedFields(current, { displayName: input.displayName?.trim(), active: input.active, roles });
  if (!change) return presentStaffUser(target);

  let ended: string[] = [];
  await db.transaction(async (tx) => {
    const { roles: newRoles, ...columns } = change.after;
    await updateUserRow(tx, jid, id, columns);
    if (newRoles) await replaceUserRoles(tx, jid, id, newRoles);
    // Deactivation ends every session now; other changes keep sessions but their cached grants must be re-read.
    ended = change.after.active === false ? await deleteUserSessions(tx, jid, id) : await userSessionHashes(tx, jid, id);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'update_user', targetType: 'user', targetId: id, detail: { username: target.username, ...change } });
  });
  for (const hash of ended) deps.sessions.delete(hash);
  return presentStaffUser((await findUserWithRoles(db, jid, id))!);
}
