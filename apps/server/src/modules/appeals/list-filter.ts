import type { Static } from 'typebox';
import type { ListAppealsQuery } from './schemas';
import type { ListAppealsInput } from './use-cases/list-appeals';

/** The list query string without paging: what the list, its export and saved views filter by. */
export type ListFilterQuery = Omit<Static<typeof ListAppealsQuery>, 'cursor' | 'limit'>;

/** The list use case's input from the query string (GET /api/appeals and its XLSX export read it the same way). */
export function listFilter(q: ListFilterQuery): Omit<ListAppealsInput, 'limit'> {
  return {
    status: q.status?.split(','), unitId: q.unitId, categoryId: q.categoryId, areaCode: q.areaCode, channel: q.channel,
    kind: q.kind, track: q.track, createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined, createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true', dueSoon: q.dueSoon === 'true' || undefined,
    pending: q.pending, problem: q.problem === 'true' || undefined, text: q.text,
  };
}
