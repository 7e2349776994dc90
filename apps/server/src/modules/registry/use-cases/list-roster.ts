import { checkRoster } from '@minsheng/domain';
import { listShifts } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../people';
import { requireRosterViewer } from '../policy';
import { presentShift } from '../presenter';

const WEEK_MS = 7 * 86_400_000;

/** 值班表 of a period (default: this week and next) with every broken AB岗 rule in it. */
export async function listRoster(deps: Deps, user: SessionUser, range: { from?: string | undefined; to?: string | undefined }) {
  requireRosterViewer(user);
  const now = deps.now();
  const from = range.from ? new Date(range.from) : new Date(now.getTime() - WEEK_MS);
  const to = range.to ? new Date(range.to) : new Date(now.getTime() + 2 * WEEK_MS);
  const [rows, people] = await Promise.all([listShifts(deps.database.db, user.jurisdictionId, from, to), loadPeople(deps, user.jurisdictionId)]);
  return { from: from.toISOString(), to: to.toISOString(), items: rows.map((r) => presentShift(r, people)), problems: checkRoster(rows) };
}
