import { AppError } from '@minsheng/contracts';
import { monthPeriod, rankTiers } from '@minsheng/domain';
import type { AssessmentSettings, Figure, JurisdictionSettings, Period, UnitMonth } from '@minsheng/domain';
import { computeIndicatorFigures, findFrozenMonth, listUnits } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { indicatorReaderOf } from '../reader-scope';
import { presentPeriod } from '../presenter';

/** The month of an instant in the jurisdiction's local calendar. */
export function localMonth(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
}

/**
 * The month's ranking computed now from the events: each unit on its own figures (not its sub-units'), ranked
 * within its tier. This is what freezing stores.
 */
export async function computeAssessment(deps: Deps, jurisdictionId: string, period: Period, settings: JurisdictionSettings) {
  const db = deps.database.db;
  const rows = await computeIndicatorFigures(db, {
    jurisdictionId, from: period.from, to: period.to, asOf: deps.now(), weights: settings.satisfactionWeights,
    groupBy: 'unit', includeSubunits: false, visibleUnitIds: null, ancestorUnitIds: [],
  });
  const units = await listUnits(db, jurisdictionId);
  const fig = (unitId: string, code: string): Figure => {
    const r = rows.find((x) => x.groupKey === unitId && x.indicator === code);
    return { numerator: r?.numerator ?? 0, denominator: r?.denominator ?? 0 };
  };
  const months: UnitMonth[] = units.filter((u) => u.active !== false).map((u) => {
    const completion = fig(u.id, 'on_time_completion');
    return {
      unitId: u.id, unitKind: u.kind, response: fig(u.id, 'response'), resolution: fig(u.id, 'resolution'), satisfaction: fig(u.id, 'satisfaction'),
      overdue: completion.denominator - completion.numerator, redone: fig(u.id, 'redo').numerator,
    };
  });
  const names = new Map(units.map((u) => [u.id, u.shortName ?? u.name]));
  const tiers = rankTiers(months, settings.assessment).map((t) => ({
    ...t, units: t.units.map((s) => ({ ...s, unitName: names.get(s.unitId) ?? s.unitId })),
  }));
  return { tiers, assessment: settings.assessment satisfies AssessmentSettings, satisfactionWeights: settings.satisfactionWeights };
}

/** 月度考核: the frozen result when the month is frozen, otherwise computed now; unit readers see their own units only. */
export async function assessMonth(deps: Deps, user: SessionUser, monthInput: string | undefined) {
  const reader = await indicatorReaderOf(deps, user);
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const month = monthInput ?? localMonth(deps.now(), runtime.settings.utcOffsetMinutes);
  const period = monthPeriod(month, runtime.settings.utcOffsetMinutes, deps.now());
  if (!period) throw new AppError('VALIDATION_FAILED', 'month must be YYYY-MM', { field: 'month' });
  const frozen = await findFrozenMonth(deps.database.db, user.jurisdictionId, month);
  const result = frozen ? (frozen.result as Awaited<ReturnType<typeof computeAssessment>>) : await computeAssessment(deps, user.jurisdictionId, period, runtime.settings);
  const visible = reader.visibleUnitIds === null ? null : new Set(reader.visibleUnitIds);
  const tiers = result.tiers.map((t) => visible === null ? t : ({ ...t, units: t.units.filter((u) => visible.has(u.unitId)) }));
  return {
    month, period: presentPeriod(period), frozen: frozen !== null, frozenAt: frozen?.frozenAt.toISOString() ?? null,
    weights: result.assessment.compositeWeights, deductions: result.assessment.deductions, listSize: result.assessment.listSize,
    satisfactionWeights: result.satisfactionWeights, tiers,
  };
}
