import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import { findUserByUsername, insertUser, newId, unitPaths, writeAudit, isUniqueViolation } from '@minsheng/db';
import type { Executor } from '@minsheng/db';
import { hashPassword } from '../../auth/passwords';
import { checkPasswordPolicy, passwordPolicyFor } from '../password-policy';

export interface CreateUserInput {
  jurisdictionId: string; username: string; displayName: string; password: string; roles: { role: Role; unitId: string }[];
}

/** Create a staff account (used by the admin API and `minsheng user create`); the caller checks who may. */
export async function createUser(db: Executor, input: CreateUserInput, actorUserId: string | null) {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) throw new AppError('VALIDATION_FAILED', 'username: 2–64 lowercase letters, digits, . _ -', { field: 'username' });
  const paths = await unitPaths(db, input.jurisdictionId, input.roles.map((r) => r.unitId));
  const missing = input.roles.find((r) => !paths[r.unitId]);
  if (missing) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'roles', unitId: missing.unitId });
  if (await findUserByUsername(db, input.jurisdictionId, input.username)) throw new AppError('USERNAME_TAKEN');
  checkPasswordPolicy(input.password, { username: input.username, ...(await passwordPolicyFor(db, input.jurisdictionId)) });
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  try {
    // The account, its roles and the audit row land together or not at all.
    await db.transaction(async (tx) => {
      await insertUser(tx, { jurisdictionId: input.jurisdictionId, id, username: input.username, displayName: input.displayName.trim(), passwordHash }, input.roles);
      await writeAudit(tx, { jurisdictionId: input.jurisdictionId, actorUserId, action: 'create_user', targetType: 'user', targetId: id, detail: { username: input.username, roles: input.roles } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('USERNAME_TAKEN');
    throw err;
  }
  return { id, username: input.username, displayName: input.displayName.trim(), roles: input.roles };
}
