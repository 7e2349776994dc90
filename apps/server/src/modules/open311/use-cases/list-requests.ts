import { AppError } from '@minsheng/contracts';
import { listOpen311Requests } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { commaList, parseW3cDateTime, single } from '../fields';
import type { Fields } from '../fields';
import { presentRequest } from '../presenter';

const DAY = 86_400_000;
/** Spec §0/§6: the default window is the last 90 days, a window may not be wider, and at most 1000 records come back. */
export const WINDOW_DAYS = 90;
export const MAX_RECORDS = 1000;

const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

/** GET requests with the spec's filters; a service_request_id list overrides all the others. */
export async function listRequests(deps: Deps, jurisdictionId: string, fields: Fields, viewerKeyId: string | null) {
  const numbers = commaList(fields, 'service_request_id');
  if (numbers && numbers.length > MAX_RECORDS) throw bad('service_request_id', `at most ${MAX_RECORDS} ids`);
  let filter: Parameters<typeof listOpen311Requests>[2] = { numbers, viewerKeyId, limit: MAX_RECORDS };
  if (!numbers) {
    const statuses = commaList(fields, 'status');
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw bad('status', 'status is open, closed or both');
    const start = single(fields, 'start_date', 40);
    const end = single(fields, 'end_date', 40);
    let from = start ? parseW3cDateTime(start, 'start_date') : null;
    let to = end ? parseW3cDateTime(end, 'end_date') : null;
    // A missing end runs 90 days past the start (or to now); a missing start begins 90 days before the end.
    if (!to) to = from ? new Date(Math.min(from.getTime() + WINDOW_DAYS * DAY, deps.now().getTime())) : deps.now();
    if (!from) from = new Date(to.getTime() - WINDOW_DAYS * DAY);
    if (from > to) throw bad('start_date', 'start_date is after end_date');
    if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY) throw bad('end_date', `the date range may not exceed ${WINDOW_DAYS} days`);
    filter = { ...filter, serviceCodes: commaList(fields, 'service_code'), statuses: statuses as ('open' | 'closed')[] | undefined, from, to };
  }
  const rows = await listOpen311Requests(deps.database.db, jurisdictionId, filter);
  return rows.map((r) => presentRequest(r, viewerKeyId));
}

/** GET requests/{id}: a one-element array, or 404 for an unknown (or not visible) id. */
export async function getRequest(deps: Deps, jurisdictionId: string, number: string, viewerKeyId: string | null) {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(number)) throw new AppError('NOT_FOUND');
  const rows = await listOpen311Requests(deps.database.db, jurisdictionId, { numbers: [number], viewerKeyId, limit: 1 });
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return [presentRequest(rows[0], viewerKeyId)];
}
