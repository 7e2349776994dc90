import { AppError } from '@minsheng/contracts';
import type { SatisfactionLevel } from '@minsheng/contracts';
import { findTrackedById } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { transitionAppeal } from '../../appeals/use-cases/transition-appeal';
import { webCitizenActor } from '../citizen-actor';
import { findTrackedAppeal } from '../find-tracked-appeal';
import type { TrackKey } from '../find-tracked-appeal';
import { canRateOnline, presentTrackView } from '../track-view';

export interface RateInput extends TrackKey { satisfaction: SatisfactionLevel; solved: boolean; comment?: string | undefined; contacted?: boolean | undefined }

const DISSATISFIED: readonly SatisfactionLevel[] = ['dissatisfied', 'very_dissatisfied'];

/**
 * 网上评价 = the callback (回访) done by the citizen through the web. The rating is the `callback` transition; a
 * satisfied rating then closes the appeal (`close`), while a dissatisfied one stays in 待回访 for the centre to
 * decide between redo (重办) and review (复核), as DOMAIN.md §6 says. Each step is one transition through the domain
 * table, its event written in the same transaction, guarded by the version read.
 */
export async function rateAppeal(deps: Deps, jurisdictionId: string, ip: string, input: RateInput) {
  const { appeal } = await findTrackedAppeal(deps, jurisdictionId, ip, input);
  const appealId = appeal.id;
  if (!canRateOnline(appeal)) throw new AppError('ILLEGAL_TRANSITION', 'the appeal does not await a rating', { status: appeal.status });
  const runtime = await requireRuntime(deps, jurisdictionId);
  const actor = webCitizenActor(jurisdictionId, runtime.rootUnitId);
  const rated = await transitionAppeal(deps, actor, appealId, {
    action: 'callback', expectedVersion: appeal.version,
    // "Contacted" defaults to yes: the approved reply reached the citizen, who is answering it.
    input: { satisfaction: input.satisfaction, solved: input.solved, contacted: input.contacted ?? true, comment: input.comment?.trim() || undefined },
  });
  if (rated && !DISSATISFIED.includes(input.satisfaction)) {
    await transitionAppeal(deps, actor, appealId, { action: 'close', expectedVersion: rated.version, input: {} });
  }
  return presentTrackView((await findTrackedById(deps.database.db, jurisdictionId, appealId))!);
}
