import { AppError } from '@minsheng/contracts';
import { listIndicatorMembers } from '@minsheng/db';
import type { MemberCursor } from '@minsheng/db';
import type { IndicatorCode } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { buildIndicatorQuery } from '../indicator-query';
import { presentMembers } from '../presenter';
import type { IndicatorAppealsQueryInput } from '../schemas';

/** Opaque keyset cursor: the last member's (at, appeal id, unit id). */
export function encodeMemberCursor(c: MemberCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.appealId}|${c.unitId}`).toString('base64url');
}

function decodeMemberCursor(cursor: string): MemberCursor {
  const [at, appealId, unitId, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const instant = new Date(at ?? '');
  // Only cursors this server could have made: an ISO instant and two ids.
  const id = (s: string | undefined) => !!s && /^[A-Za-z0-9_-]{1,64}$/.test(s);
  if (rest.length || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at ?? '') || Number.isNaN(instant.getTime()) || !id(appealId) || !id(unitId)) {
    throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'after' });
  }
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
