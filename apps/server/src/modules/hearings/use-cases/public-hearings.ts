import { AppError } from '@minsheng/contracts';
import { findHearing, listPublishedHearings } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { presentPublicHearings } from '../load-hearing';

/** 听证公示 on the portal: published hearings only, without anyone's personal data. */
export async function listPublicHearings(deps: Deps, jurisdictionId: string) {
  return { items: await presentPublicHearings(deps, jurisdictionId, await listPublishedHearings(deps.database.db, jurisdictionId, 50)) };
}

/** One published hearing; an unpublished one is not found. */
export async function getPublicHearing(deps: Deps, jurisdictionId: string, id: string) {
  const row = await findHearing(deps.database.db, jurisdictionId, id);
  if (!row || row.publishedAt === null) throw new AppError('NOT_FOUND');
  return (await presentPublicHearings(deps, jurisdictionId, [row]))[0]!;
}
