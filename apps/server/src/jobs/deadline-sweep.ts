import { AppError } from '@minsheng/contracts';
import type { AppealAction, DurationUnit } from '@minsheng/contracts';
import { supervisionSchedule } from '@minsheng/domain';
import { markClock, sweepCandidates } from '@minsheng/db';
import type { ClockMark, Executor, SweepClock } from '@minsheng/db';
import type { Deps } from '../deps';
import { requireRuntime } from '../runtime/require-runtime';
import { transitionAppeal } from '../modules/appeals/use-cases/transition-appeal';
import { systemUser } from './system-user';

/** Clocks that are the citizen's or deputy's window, not a unit's duty: when they run out the matter closes. */
const WINDOW_CLOCKS = new Set(['review_window', 'feedback']);
/**
 * Clocks whose overdue brings a supervision notice and the bulletin: the unit's duties to sign, accept, handle, decide
 * and the centre's callback. An overdue first contact or co-unit opinion is urged and marked but does not multiply
 * notices on the same appeal (its handling clock carries them).
 */
const NOTICE_CLOCKS = new Set(['sign_for', 'handling', 'acceptance', 'review', 'callback']);

const CLOCK_LABELS: Record<string, string> = {
  sign_for: '签收', first_contact: '先行联系', handling: '办理', callback: '回访', triage: '转送交办', acceptance: '受理告知',
  review: '复查复核决定', co_opinion: '协办意见', review_window: '复查复核申请期', feedback: '代表反馈期',
};

export interface SweepResult { yellow: number; overdue: number; notices: number; bulletins: number; closed: number }

/**
 * One pass over running clocks (DOMAIN.md §5): at yellow the appeal is urged (催办); when overdue the clock is marked;
 * the working day after, a supervision notice (督办) is issued; N working days after that, the appeal goes on the
 * bulletin (超期通报). A request window that runs out closes the matter. Each step's mark is set in the transaction of
 * its event, guarded on the clock as read: any number of processes may sweep at once and nothing fires twice.
 */
export async function sweepDeadlines(deps: Deps, jurisdictionId: string, limit = 500): Promise<SweepResult> {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const { settings, calendar } = runtime;
  const now = deps.now();
  const until = new Date(now.getTime() + settings.supervision.sweepHorizonDays * 86_400_000);
  const rows = await sweepCandidates(deps.database.db, jurisdictionId, until, limit);
  const system = systemUser(jurisdictionId, runtime.rootUnitId);
  const out: SweepResult = { yellow: 0, overdue: 0, notices: 0, bulletins: 0, closed: 0 };
  const label = (c: SweepClock) => CLOCK_LABELS[c.clock] ?? c.clock;

  /** Take `action` on the appeal with `mark` set in the same transaction; a mark without an event when the state refuses it. */
  const step = async (c: SweepClock, mark: ClockMark, action: AppealAction | null, reason: string): Promise<boolean> => {
    const within = (tx: Executor) => markClock(tx, jurisdictionId, c, mark, now);
    if (action) {
      try {
        return (await transitionAppeal(deps, system, c.appeal_id, { action, input: { reason } }, { within })) !== null;
      } catch (err) {
        // The appeal has moved where this action is not allowed (or someone acted at that moment): just mark it.
        if (!(err instanceof AppError)) throw err;
      }
    }
    return deps.database.db.transaction(within);
  };

  for (const c of rows) {
    const started = new Date(c.started_at), due = new Date(c.due_at);
    const light = calendar.light(started, due, now, c.unit as DurationUnit, settings.yellowAt);
    if (WINDOW_CLOCKS.has(c.clock)) {
      if (light === 'red' && await step(c, 'overdue_notified_at', 'close', `${label(c)}已届满，系统自动办结`)) out.closed += 1;
      continue;
    }
    if (light === 'yellow' && !c.yellow_notified_at) {
      const urge = settings.supervision.autoUrge ? 'urge' : null;
      if (await step(c, 'yellow_notified_at', urge, `系统自动催办：${label(c)}时限已用 ${Math.round(settings.yellowAt * 100)}%`)) out.yellow += 1;
      continue;
    }
    if (light !== 'red') continue;
    if (!c.overdue_notified_at) {
      if (await step(c, 'overdue_notified_at', null, '')) out.overdue += 1;
      continue;
    }
    const schedule = supervisionSchedule(calendar, due, settings);
    if (!c.notice_issued_at) {
      if (now.getTime() < schedule.noticeAt.getTime()) continue;
      const notice = settings.supervision.autoNotice && NOTICE_CLOCKS.has(c.clock) ? 'supervise' : null;
      if (await step(c, 'notice_issued_at', notice, `系统督办：${label(c)}已超期（应于 ${calendar.localDate(due)} 前完成），请书面说明并尽快办理`) && notice) out.notices += 1;
      continue;
    }
    if (!c.bulletin_flagged_at && now.getTime() >= schedule.bulletinAfterNotice(new Date(c.notice_issued_at)).getTime()) {
      const bulletin = NOTICE_CLOCKS.has(c.clock) ? 'flag_bulletin' : null;
      if (await step(c, 'bulletin_flagged_at', bulletin, `超期通报：${label(c)}督办后 ${settings.supervision.bulletinAfterWorkingDays} 个工作日仍未办结`) && bulletin) out.bulletins += 1;
    }
  }
  return out;
}
