import { AppError } from '@minsheng/contracts';
import { findOpen311Service, listCategoryAttributes } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { presentDefinition } from '../presenter';

/** GET services/{code}: the active attributes of the service's category; an unknown code is 404. */
export async function getServiceDefinition(deps: Deps, jurisdictionId: string, code: string) {
  const db = deps.database.db;
  const service = await findOpen311Service(db, jurisdictionId, code);
  if (!service) throw new AppError('UNKNOWN_SERVICE', undefined, { field: 'service_code' });
  return presentDefinition(service.code, await listCategoryAttributes(db, jurisdictionId, service.categoryId));
}
