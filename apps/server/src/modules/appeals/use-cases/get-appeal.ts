import { findAppealDetail } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { assertReadable } from '../appeal-policy';
import { presentAppeal } from '../presenter';

/** One appeal with its clocks, masked citizen and the actions this user may take now. */
export async function getAppeal(deps: Deps, user: SessionUser, id: string) {
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  // One statement for the appeal, its access facts, clocks and citizen; nothing of it leaves unless the policy allows.
  const detail = assertReadable(user, await findAppealDetail(deps.database, user.jurisdictionId, id));
  return presentAppeal(detail, user, runtime, deps.cipher, deps.now());
}
