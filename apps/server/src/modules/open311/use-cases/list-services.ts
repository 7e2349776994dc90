import { listOpen311Services } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { presentService } from '../presenter';

/** GET services: every active category with an Open311 code. */
export async function listServices(deps: Deps, jurisdictionId: string) {
  return (await listOpen311Services(deps.database.db, jurisdictionId)).map(presentService);
}
