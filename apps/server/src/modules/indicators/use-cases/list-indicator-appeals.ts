import { listIndicatorMembers } from '@minsheng/db';
import type { MemberCursor } from '@minsheng/db';
import type { IndicatorCode } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import { ISO_INSTANT, invalidCursor, packCursor, unpackCursor } from '../../../http/keyset-cursor';
import type { SessionUser } from '../../auth/session-cache';
import { buildIndicatorQuery } from '../indicator-query';
import { presentMembers } from '../presenter';
import type { IndicatorAppealsQueryInput } from '../schemas';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Opaque keyset cursor: the last member's (at, appeal id, unit id). */
export function encodeMemberCursor(c: MemberCursor): string {
  return packCursor([c.at.toISOString(), c.appealId, c.unitId]);
}

function decodeMemberCursor(cursor: string): MemberCursor {
  const [at, appealId, unitId] = unpackCursor(cursor, [ISO_INSTANT, ID, ID], 'after');
  const instant = new Date(at!);
  if (Number.isNaN(instant.getTime())) throw invalidCursor('after');
  return { at: instant, appealId: appealId!, unitId: unitId! };
}

/** 穿透: the appeals counted in one figure (indicator × group × period), its denominator or its numerator. */
export async function listIndicatorAppeals(deps: Deps, user: SessionUser, indicator: IndicatorCode, input: IndicatorAppealsQueryInput) {
  const { group, part, limit, offset, after, ...figureInput } = input;
  const cursor = after === undefined ? undefined : decodeMemberCursor(after);
  const { query, period } = await buildIndicatorQuery(deps, user, figureInput);
  const l = Number(limit ?? 50);
  const o = Number(offset ?? 0);
  const page = await listIndicatorMembers(deps.database.reader, query, { indicator, groupKey: group ?? null, part: part ?? 'denominator', limit: l, offset: o, after: cursor });
  const last = page.items.at(-1);
  return presentMembers(period, page, l, o, page.items.length === l && last ? encodeMemberCursor(last) : null);
}
