import type { ClockName } from '@minsheng/contracts';
import type { WorkCalendar } from '../calendar';
import type { Duration } from '../deadlines/policy';
import type { ClockState } from './types';

const DAY_UNITS = new Set(['calendar_days', 'working_days', 'months']);

/** Clock arithmetic over an appeal's clock list; each returns the changed clocks only. */
export class ClockBook {
  private readonly changed = new Map<ClockName, ClockState>();
  constructor(private readonly current: readonly ClockState[], private readonly calendar: WorkCalendar, private readonly now: Date) {}

  get(clock: ClockName): ClockState | undefined {
    return this.changed.get(clock) ?? this.current.find((c) => c.clock === clock);
  }

  private running(): ClockState[] {
    const names = new Set([...this.current.map((c) => c.clock), ...this.changed.keys()]);
    return [...names].map((n) => this.get(n)!).filter((c) => c.stoppedAt === null);
  }

  /** (Re)start a clock now with the policy's duration; a clock the policy does not set does not run. */
  start(clock: ClockName, d: Duration | undefined): void {
    if (!d) return;
    this.changed.set(clock, {
      clock, amount: d.amount, unit: d.unit, startedAt: this.now, dueAt: this.calendar.addDuration(this.now, d.amount, d.unit),
      stoppedAt: null, pausedAt: null, pausedBudget: null,
    });
  }

  /** Start only if the clock has never run, or has stopped (sub-dispatch keeps a running handling clock). */
  startIfIdle(clock: ClockName, d: Duration | undefined): void {
    const c = this.get(clock);
    if (!c || c.stoppedAt !== null) this.start(clock, d);
  }

  stop(clock: ClockName): void {
    const c = this.get(clock);
    if (c && c.stoppedAt === null) this.changed.set(clock, { ...c, stoppedAt: this.now, pausedAt: null, pausedBudget: null });
  }

  stopAll(): void {
    for (const c of this.running()) this.stop(c.clock);
  }

  /** Undo a stop keeping the original due time (a reply sent back is still due when it was due). */
  reopen(clock: ClockName): void {
    const c = this.get(clock);
    if (c && c.stoppedAt !== null) this.changed.set(clock, { ...c, stoppedAt: null });
  }

  /** Has the clock run past its due time (a request window that has closed)? */
  expired(clock: ClockName): boolean {
    const c = this.get(clock);
    return c !== undefined && this.now.getTime() > c.dueAt.getTime();
  }

  /** Move the due time on by an approved extension. */
  extend(clock: ClockName, d: Duration): void {
    const c = this.get(clock);
    if (!c) return;
    // Day-based durations end at local midnight, which already belongs to the next day; counting "from the day after"
    // that instant would add a day too many. Extend from the last instant of the due day instead.
    const from = DAY_UNITS.has(d.unit) ? new Date(c.dueAt.getTime() - 1) : c.dueAt;
    this.changed.set(clock, { ...c, dueAt: this.calendar.addDuration(from, d.amount, d.unit) });
  }

  /** Suspension: remember each running clock's remaining budget; suspended time does not count. */
  pauseAll(): void {
    for (const c of this.running()) {
      if (c.pausedAt) continue;
      this.changed.set(c.clock, { ...c, pausedAt: this.now, pausedBudget: this.calendar.remainingBudget(c.dueAt, this.now, c.unit) });
    }
  }

  resumeAll(): void {
    for (const c of this.running()) {
      if (!c.pausedAt || !c.pausedBudget) continue;
      this.changed.set(c.clock, { ...c, dueAt: this.calendar.resumeDue(c.pausedBudget, this.now), pausedAt: null, pausedBudget: null });
    }
  }

  result(): ClockState[] {
    return [...this.changed.values()];
  }
}
