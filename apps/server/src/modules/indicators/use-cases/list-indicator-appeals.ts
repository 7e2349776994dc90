import { listIndicatorMembers } from '@minsheng/db';
import type { IndicatorCode } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { buildIndicatorQuery } from '../indicator-query';
import { presentMembers } from '../presenter';
import type { IndicatorAppealsQueryInput } from '../schemas';

/** 穿透: the appeals counted in one figure (indicator × group × period), its denominator or its numerator. */
export async function listIndicatorAppeals(deps: Deps, user: SessionUser, indicator: IndicatorCode, input: IndicatorAppealsQueryInput) {
  const { group, part, limit, offset, ...figureInput } = input;
  const { query, period } = await buildIndicatorQuery(deps, user, figureInput);
  const l = Number(limit ?? 50);
  const o = Number(offset ?? 0);
  const page = await listIndicatorMembers(deps.database.reader, query, { indicator, groupKey: group ?? null, part: part ?? 'denominator', limit: l, offset: o });
  return presentMembers(period, page, l, o);
}
