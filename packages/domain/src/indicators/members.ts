import type { SatisfactionLevel } from '@minsheng/contracts';
import { CLOSING_ACTIONS, DISPATCH_ACTIONS, INTAKE_ACCEPTING_ACTIONS } from './definitions';
import type { IndicatorCode } from './definitions';
import { judgeClockRun } from './clock-judgement';
import type { AppealFacts, FactEvent, IndicatorMember } from './facts';

/**
 * The reference definition of every indicator's membership for one hotline appeal (DOMAIN.md §7): which figures it
 * counts in, against which unit, at which moment, and whether it is in the numerator. The SQL of the indicator
 * repository computes the same set in bulk; tests hold the two to each other.
 */
export function indicatorMembers(facts: AppealFacts, asOf: Date, weights: Record<SatisfactionLevel, number>): IndicatorMember[] {
  const events = [...facts.events].filter((e) => e.at.getTime() <= asOf.getTime()).sort((a, b) => a.seq - b.seq);
  const out: IndicatorMember[] = [];
  const add = (indicator: IndicatorCode, unitId: string | null, at: Date, numerator: number) => {
    if (unitId) out.push({ indicator, appealId: facts.id, unitId, at, numerator });
  };
  const leadAt = (at: Date) => leadUnitAt(events, at);

  for (const run of facts.clockRuns) {
    const j = judgeClockRun(run, events, asOf);
    if (!j.ended) continue;
    const unit = leadAt(j.endAt);
    if (run.clock === 'handling') add('on_time_completion', unit, j.endAt, j.onTime ? 1 : 0);
    if (run.clock === 'sign_for') {
      add('sign_on_time', unit, j.endAt, j.onTime ? 1 : 0);
      const contact = j.onTime ? facts.clockRuns.find((r) => r.clock === 'first_contact' && r.startedAt.getTime() === run.stoppedAt!.getTime()) : undefined;
      const contactJ = contact ? judgeClockRun(contact, events, asOf) : null;
      add('response', unit, j.endAt, contactJ?.ended && contactJ.onTime ? 1 : 0);
    }
  }

  events.forEach((e, i) => {
    const later = events.slice(i + 1);
    if (e.action === 'callback') {
      const unit = leadAt(e.at);
      if (facts.kind !== 'consultation') add('resolution', unit, e.at, e.payload.solved ? 1 : 0);
      add('satisfaction', unit, e.at, e.payload.satisfaction ? weights[e.payload.satisfaction] : 0);
    }
    if (CLOSING_ACTIONS.includes(e.action)) {
      add('redo', leadAt(e.at), e.at, events.slice(0, i).some((x) => x.action === 'redo') ? 1 : 0);
    }
    if (DISPATCH_ACTIONS.includes(e.action)) {
      const until = later.findIndex((x) => DISPATCH_ACTIONS.includes(x.action));
      const span = until < 0 ? later : later.slice(0, until);
      add('return', e.payload.leadUnitId ?? null, e.at, span.some((x) => x.action === 'approve_return') ? 1 : 0);
      add('urge', e.payload.leadUnitId ?? null, e.at, span.some((x) => x.action === 'urge') ? 1 : 0);
    }
    if (e.action === 'approve_reply') {
      const until = later.findIndex((x) => x.action === 'approve_reply');
      const span = until < 0 ? later : later.slice(0, until);
      add('callback', leadAt(e.at), e.at, span.some((x) => x.action === 'callback') ? 1 : 0);
    }
  });

  // Only one event ever leaves `registered`; it counts as accepting the appeal when it is one of these.
  const intake = events.find((e) => e.fromStatus === 'registered' && INTAKE_ACCEPTING_ACTIONS.includes(e.action));
  if (intake) {
    add('direct_answer', facts.ownerUnitId, intake.at, events.some((e) => e.action === 'answer_directly') ? 1 : 0);
    add('repeat', facts.ownerUnitId, intake.at, events.some((e) => e.action === 'merge') || facts.relatedAppealId ? 1 : 0);
  }
  return out;
}

/** The lead unit at an instant: the one named by the latest dispatch or sub-dispatch at or before it. */
export function leadUnitAt(events: readonly FactEvent[], at: Date): string | null {
  let lead: string | null = null;
  for (const e of events) {
    if (e.at.getTime() > at.getTime()) break;
    if (DISPATCH_ACTIONS.includes(e.action)) lead = e.payload.leadUnitId ?? null;
    if (e.action === 'approve_return' || e.action === 'reopen') lead = null;
  }
  return lead;
}
