import { appealsRegisteredBetween, dailyCategoryStreetCounts, spikeAppealIds, upsertTextWarning } from '@minsheng/db';
import { detectSpikes, groupRiskAppeals, localDay, redactText, scanRiskKeywords } from '@minsheng/text';
import type { RiskGroup } from '@minsheng/text';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadTextSettings, riskKeywordsOf } from '../settings';

const DAY_MS = 86_400_000;
/** Members stored per warning (the count says how many there were). */
const MEMBERS = 200;
/** Appeals scanned for risk keywords per day. */
const SCAN_LIMIT = 20_000;
/** Spikes this improbable (p < 10⁻⁶) are high level; the rest medium. */
const HIGH_SCORE = 6;

/**
 * The keyword in context for a reviewer, taken from the redacted text: a snippet cut from the raw text could end in
 * the middle of a phone number that redaction would no longer recognise.
 */
function redactedSnippets(g: RiskGroup, texts: Map<string, string>): { id: string; snippet: string }[] {
  return g.snippets.slice(0, 5).map(({ id }) => {
    const hit = scanRiskKeywords(redactText(texts.get(id) ?? '').text, [{ term: g.term, level: g.level, kind: g.kind }])[0];
    return { id, snippet: hit?.snippet ?? g.term };
  });
}

export interface EarlyWarningResult { days: string[]; spikes: number; risks: number; created: number }

/**
 * 预警: judges the given local days (default yesterday and today so far) for spikes of a category in a street against
 * that series' own history (detectSpikes over `spikeHistoryDays`), and for appeals mentioning a risk keyword
 * (groupRiskAppeals with the jurisdiction's list). One warning per (kind, day, category × street or keyword): a re-run
 * refreshes its figures and members and leaves its status alone, so running the job twice never duplicates.
 */
export async function runEarlyWarning(deps: Deps, jurisdictionId: string, options: { days?: readonly string[] | undefined } = {}): Promise<EarlyWarningResult> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, jurisdictionId);
  const settings = await loadTextSettings(db, jurisdictionId);
  const offset = runtime.settings.utcOffsetMinutes;
  const now = deps.now();
  const days = [...new Set(options.days ?? [localDay(now.getTime() - DAY_MS, offset), localDay(now, offset)])].sort();
  const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - offset * 60_000);
  const dayEnd = (d: string) => new Date(dayStart(d).getTime() + DAY_MS);
  const out: EarlyWarningResult = { days, spikes: 0, risks: 0, created: 0 };
  if (!days.length) return out;

  const counts = await dailyCategoryStreetCounts(db, jurisdictionId, new Date(dayStart(days[0]!).getTime() - settings.spikeHistoryDays * DAY_MS), dayEnd(days.at(-1)!), offset);
  const spikes = detectSpikes(counts, { baselineDays: settings.spikeHistoryDays, maxPValue: settings.spikeMaxPValue, minCount: settings.spikeMinCount, days });
  for (const s of spikes) {
    const appealIds = await spikeAppealIds(db, jurisdictionId, { from: dayStart(s.date), to: dayEnd(s.date), categoryId: s.categoryId, street: s.areaCode, limit: MEMBERS });
    const saved = await upsertTextWarning(db, {
      jurisdictionId, kind: 'spike', dedupeKey: `spike:${s.date}:${s.categoryId}:${s.areaCode}`, day: s.date, categoryId: s.categoryId, areaCode: s.areaCode,
      term: null, level: s.score >= HIGH_SCORE ? 'high' : 'medium', score: s.score, pValue: s.pValue, count: s.count, expected: s.expected, appealIds,
      detail: { model: s.model, ratio: s.ratio }, createdAt: now, updatedAt: now,
    });
    out.spikes += 1;
    if (saved.created) out.created += 1;
  }

  const keywords = riskKeywordsOf(settings);
  for (const day of days) {
    const appeals = await appealsRegisteredBetween(db, jurisdictionId, dayStart(day), dayEnd(day), SCAN_LIMIT);
    const groups = groupRiskAppeals(appeals.map((a) => ({ id: a.id, title: a.title, content: a.content, areaCode: a.area_code })), keywords);
    const texts = new Map(appeals.map((a) => [a.id, `${a.title}\n${a.content}`]));
    for (const g of groups) {
      const saved = await upsertTextWarning(db, {
        jurisdictionId, kind: 'risk', dedupeKey: `risk:${day}:${g.term}`, day, categoryId: null, areaCode: g.areas.length === 1 ? g.areas[0]! : null,
        term: g.term, level: g.level, score: (g.level === 'high' ? 3 : 2) + Math.log10(g.appealIds.length), pValue: null, count: g.appealIds.length,
        expected: null, appealIds: g.appealIds.slice(0, MEMBERS),
        detail: { riskKind: g.kind, areas: g.areas, snippets: redactedSnippets(g, texts) },
        createdAt: now, updatedAt: now,
      });
      out.risks += 1;
      if (saved.created) out.created += 1;
    }
  }
  return out;
}
