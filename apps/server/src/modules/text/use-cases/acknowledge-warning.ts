import { AppError } from '@minsheng/contracts';
import { acknowledgeTextWarning, findTextWarning, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRole, WARNING_ROLES } from '../policy';
import { visibleWarnings } from './list-warnings';

/**
 * 已知悉: a reader of the warning marks it handled, with an optional note. Acknowledging twice changes nothing (the
 * first acknowledgement stays); a warning the user cannot see is not found.
 */
export async function acknowledgeWarning(deps: Deps, user: SessionUser, id: string, note: string | undefined) {
  requireRole(user, WARNING_ROLES, 'early warnings');
  const db = deps.database.db;
  const warning = await findTextWarning(db, user.jurisdictionId, id);
  if (!warning || !(await visibleWarnings(deps, user, [warning])).length) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    if (await acknowledgeTextWarning(tx, user.jurisdictionId, id, { userId: user.userId, at: deps.now(), note: note?.trim() || null })) {
      await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'acknowledge_text_warning', targetType: 'text_warning', targetId: id, detail: {} });
    }
  });
  const [presented] = await visibleWarnings(deps, user, [(await findTextWarning(db, user.jurisdictionId, id))!]);
  return presented!;
}
