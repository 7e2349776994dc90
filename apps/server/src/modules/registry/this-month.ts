import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { requireRuntime } from '../../runtime/require-runtime';

/** The month asked for, or the jurisdiction's current local month. */
export async function monthOr(deps: Deps, user: SessionUser, month: string | undefined): Promise<string> {
  return month ?? (await requireRuntime(deps, user.jurisdictionId)).calendar.localDate(deps.now()).slice(0, 7);
}
