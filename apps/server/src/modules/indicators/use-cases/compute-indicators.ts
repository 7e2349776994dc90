import { computeIndicatorFigures } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { buildIndicatorQuery } from '../indicator-query';
import { presentFigures } from '../presenter';
import type { IndicatorsQueryInput } from '../schemas';

/** Every indicator of DOMAIN.md §7 per group for one period, within the reader's units. */
export async function computeIndicators(deps: Deps, user: SessionUser, input: IndicatorsQueryInput) {
  const { query, period } = await buildIndicatorQuery(deps, user, input);
  const rows = await computeIndicatorFigures(deps.database.reader, query);
  return presentFigures(period, query.groupBy, rows);
}
