import { findJurisdiction, updateJurisdictionSettings } from '@minsheng/db';
import type { Deps } from '../../deps';

/**
 * Set a jurisdiction's idle timeout directly (no administrator, no audit row). For servers on a simulated clock, the
 * test harnesses, whose clock jumps hours between two requests of one session: they keep sessions for their full
 * `sessionHours`, as before the idle timeout existed, and the idle tests set the real value back.
 */
export async function setSessionIdleMinutes(deps: Deps, jurisdictionId: string, minutes: number): Promise<void> {
  const j = await findJurisdiction(deps.database.db, jurisdictionId);
  if (!j) return;
  const settings = (j.settings ?? {}) as Record<string, unknown>;
  const security = { ...(settings.security as Record<string, unknown> | undefined), sessionIdleMinutes: minutes };
  await updateJurisdictionSettings(deps.database.db, jurisdictionId, { ...settings, security });
  deps.runtimes.invalidate(jurisdictionId);
}
