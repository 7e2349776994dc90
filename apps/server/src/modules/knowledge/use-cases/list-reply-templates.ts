import { AppError } from '@minsheng/contracts';
import type { ReplyResult } from '@minsheng/contracts';
import { listReplyTemplates } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { categoryPathOf } from '../category-check';
import { requireInactiveAccess } from '../policy';
import { presentReplyTemplate } from '../presenter';

export interface ListReplyTemplatesInput {
  categoryId?: string | undefined;
  /** Only the templates tied to no category (an appeal without a category). */
  genericOnly: boolean;
  result?: ReplyResult | undefined;
  includeInactive: boolean;
}

/**
 * 答复模板 for the reply form: with a category, its own templates, then its parent categories', then the generic
 * ones; with a result, those for that result and those for any. Without either filter: every template (admin).
 */
export async function listReplyTemplatesFor(deps: Deps, user: SessionUser, input: ListReplyTemplatesInput) {
  requireInactiveAccess(user, input.includeInactive);
  if (input.categoryId && input.genericOnly) throw new AppError('VALIDATION_FAILED', 'categoryId and genericOnly=true exclude each other', { field: 'genericOnly' });
  const db = deps.database.db;
  const categoryPath = input.categoryId ? await categoryPathOf(db, user.jurisdictionId, input.categoryId) : input.genericOnly ? [] : undefined;
  const rows = await listReplyTemplates(db, user.jurisdictionId, { categoryPath, result: input.result, includeInactive: input.includeInactive });
  return { items: rows.map(presentReplyTemplate) };
}
