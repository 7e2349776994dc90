import { AppError } from '@minsheng/contracts';
import type { Deps } from '../deps';
import type { JurisdictionRuntime } from './jurisdiction-runtime';

/** The runtime of a jurisdiction that must exist; an unknown one is "not found" to the caller. */
export async function requireRuntime(deps: Deps, jurisdictionId: string): Promise<JurisdictionRuntime> {
  const runtime = await deps.runtimes.get(jurisdictionId);
  if (!runtime) throw new AppError('NOT_FOUND');
  return runtime;
}
