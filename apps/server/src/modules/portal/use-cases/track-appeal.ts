import type { Deps } from '../../../deps';
import { findTrackedAppeal } from '../find-tracked-appeal';
import type { TrackKey } from '../find-tracked-appeal';
import { presentTrackView } from '../track-view';

/** 查询: number + query code → the public view of the appeal. */
export async function trackAppeal(deps: Deps, jurisdictionId: string, ip: string, key: TrackKey) {
  return presentTrackView(await findTrackedAppeal(deps, jurisdictionId, ip, key));
}
