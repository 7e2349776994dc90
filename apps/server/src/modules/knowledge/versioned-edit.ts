import { AppError } from '@minsheng/contracts';
import { writeAudit } from '@minsheng/db';
import type { Executor } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { changedFields } from '../admin/changes';
import { requireActiveCategory } from './category-check';
import { auditDiff } from './changes';

interface VersionedRow { version: number; active: boolean; categoryId: string | null }
type By = { userId: string; at: Date };

/** How one kind of knowledge-base row (article, reply template) is read, written and named in the audit. */
export interface VersionedKind<Row extends VersionedRow, Changes> {
  target: 'knowledge_article' | 'reply_template';
  /** Used in the STALE_STATE message: "the article was changed by someone else". */
  noun: string;
  /** Reads the row locked (FOR UPDATE) inside the edit's transaction. */
  find: (tx: Executor, jurisdictionId: string, id: string) => Promise<Row | null>;
  update: (tx: Executor, jurisdictionId: string, id: string, version: number, changes: Changes, by: By) => Promise<Row | null>;
}

/**
 * Edit a row read at `version`, in one transaction: someone else's edit in between is 409 STALE_STATE (with the
 * current version); a patch that changes nothing writes nothing; the audit row keeps each changed field's old and new
 * value, so the history survives.
 */
export async function editVersioned<Row extends VersionedRow, Changes extends Partial<Row>>(
  deps: Deps, user: SessionUser, kind: VersionedKind<Row, Changes>, id: string, version: number, patch: Changes,
): Promise<Row> {
  const jid = user.jurisdictionId;
  return deps.database.db.transaction(async (tx) => {
    const current = await kind.find(tx, jid, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('STALE_STATE', `the ${kind.noun} was changed by someone else`, { version: current.version });
    const diff = changedFields(current, patch);
    if (!diff) return current;
    const changed = diff.after as Changes;
    if (changed.categoryId !== undefined) await requireActiveCategory(tx, jid, changed.categoryId);
    const updated = await kind.update(tx, jid, id, version, changed, { userId: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: `update_${kind.target}`, targetType: kind.target, targetId: id,
      detail: { version: updated!.version, changes: auditDiff(diff) },
    });
    return updated!;
  });
}

/** DELETE: the row stops being offered but stays, with its history. Idempotent; `describe` names it in the audit. */
export async function deactivateVersioned<Row extends VersionedRow, Changes>(
  deps: Deps, user: SessionUser, kind: VersionedKind<Row, Changes>, id: string, describe: (row: Row) => Record<string, unknown>,
): Promise<Row> {
  const jid = user.jurisdictionId;
  return deps.database.db.transaction(async (tx) => {
    const current = await kind.find(tx, jid, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (!current.active) return current;
    const updated = await kind.update(tx, jid, id, current.version, { active: false } as Changes, { userId: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: `deactivate_${kind.target}`, targetType: kind.target, targetId: id,
      detail: { version: updated!.version, ...describe(current) },
    });
    return updated!;
  });
}
