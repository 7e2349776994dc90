import { AppError } from '@minsheng/contracts';
import { REPORT_MODULES, REPORT_TIERS, scoreTier } from '@minsheng/domain';
import type { ModuleFigure, ReportModule, ReportTier, ScoredUnit } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { monthBounds } from '../../portal/month';
import { loadNetwork } from '../../grassroots/network';
import { loadPeople } from '../people';
import { reportReader } from '../report-policy';
import { gatherFigures } from '../report-sources';

export interface ReportRow extends ScoredUnit { tierSize: number; details: Partial<Record<ReportModule, ModuleFigure['items']>> }
export interface MonthlyReport {
  month: string;
  asOf: Date;
  /** `asOf` as the jurisdiction's local 'YYYY-MM-DD HH:mm'. */
  asOfLocal: string;
  /** False while the month runs: the figures are those so far. */
  complete: boolean;
  weights: Record<ReportTier, Record<ReportModule, number>>;
  tiers: Record<ReportTier, ReportRow[]>;
}

/**
 * 群众工作月度考核 (issue 8 module 9): every street office and department scored for `month` by the weights of the
 * settings and ranked within its tier; the rank is over the whole tier, though a unit leader sees only their rows.
 * A month that has not started yet is refused (MONTH_NOT_STARTED): nothing could have been done in it.
 */
export async function buildMonthlyReport(deps: Deps, user: SessionUser, month: string): Promise<MonthlyReport> {
  const may = reportReader(user);
  const jid = user.jurisdictionId;
  const runtime = await requireRuntime(deps, jid);
  const now = deps.now();
  const today = runtime.calendar.localDate(now);
  if (month > today.slice(0, 7)) throw new AppError('MONTH_NOT_STARTED', `${month} has not started`, { field: 'month' });
  const { from, to } = monthBounds(month, runtime.settings.utcOffsetMinutes);
  const [net, people] = await Promise.all([loadNetwork(deps, jid), loadPeople(deps, jid)]);
  const figures = await gatherFigures(deps, runtime, net, people, { month, from, to, now, today });
  const r = runtime.settings.registry;
  const full = (w: Partial<Record<ReportModule, number>>) => Object.fromEntries(REPORT_MODULES.map((k) => [k, w[k] ?? 0])) as Record<ReportModule, number>;
  const weights = { street: full(r.streetReportWeights), department: full(r.departmentReportWeights) };
  const unitsOf: Record<ReportTier, { id: string; name: string; path: string[] }[]> = {
    street: net.streets.map((s) => ({ id: s.unit.id, name: s.unit.shortName, path: s.unit.path })),
    department: net.departments.map((d) => ({ id: d.id, name: d.shortName, path: d.path })),
  };
  const tiers = {} as Record<ReportTier, ReportRow[]>;
  for (const tier of REPORT_TIERS) {
    const units = unitsOf[tier];
    const scored = scoreTier(tier, units.map((u) => ({ unitId: u.id, unitName: u.name, figures: figures.get(u.id) ?? {} })), weights[tier]);
    const visible = new Set(units.filter((u) => may(u.path)).map((u) => u.id));
    tiers[tier] = scored.filter((s) => visible.has(s.unitId)).map((s) => ({
      ...s, tierSize: units.length,
      details: Object.fromEntries(Object.entries(figures.get(s.unitId) ?? {}).map(([k, f]) => [k, f.items])),
    }));
  }
  const asOfLocal = new Date(now.getTime() + runtime.settings.utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  return { month, asOf: now, asOfLocal, complete: to.getTime() <= now.getTime(), weights, tiers };
}
