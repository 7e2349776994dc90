import { AppError } from '@minsheng/contracts';
import { findActiveOpen311Key } from '@minsheng/db';
import type { Open311KeyRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { JurisdictionRuntime } from '../../runtime/jurisdiction-runtime';
import { hashOpen311Key, open311KeyJurisdiction } from './api-key';
import { single } from './fields';
import type { Fields } from './fields';

/**
 * The jurisdiction a call names, or the server's default when it names none: one endpoint may serve several
 * jurisdictions, but a missing jurisdiction_id is never an error here because there always is a default.
 * An unknown one is 404 (spec §2–§7).
 */
export async function open311Jurisdiction(deps: Deps, fields: Fields): Promise<JurisdictionRuntime> {
  const id = single(fields, 'jurisdiction_id', 64) ?? deps.defaultJurisdictionId;
  const runtime = /^[0-9]{2,12}$/.test(id) ? await deps.runtimes.get(id) : null;
  if (!runtime) throw new AppError('UNKNOWN_JURISDICTION', undefined, { field: 'jurisdiction_id' });
  return runtime;
}

/**
 * The client's API key. Required on POST requests (403 when missing or wrong); optional on reads, where a valid key
 * lets its client also see the restricted requests it created, and a wrong one is still refused with 403.
 */
export async function open311Client(deps: Deps, jurisdictionId: string, fields: Fields, required: boolean): Promise<Open311KeyRow | null> {
  const key = single(fields, 'api_key', 200);
  if (!key) {
    if (required) throw new AppError('INVALID_API_KEY', 'api_key is required', { field: 'api_key' });
    return null;
  }
  const found = open311KeyJurisdiction(key) === jurisdictionId ? await findActiveOpen311Key(deps.database.db, jurisdictionId, hashOpen311Key(key)) : null;
  if (!found) throw new AppError('INVALID_API_KEY', undefined, { field: 'api_key' });
  return found;
}
