import { DEFAULT_RISK_KEYWORDS } from '@minsheng/text';
import type { RiskKeyword } from '@minsheng/text';
import { storedTextSettings } from '@minsheng/db';
import type { Executor } from '@minsheng/db';

/**
 * Per-jurisdiction numbers of the text features, stored under `text` in the jurisdiction's settings (the rule
 * settings ignore that key). Every field has a default, so a jurisdiction that never configured anything works.
 */
export interface TextSettings {
  /** A category becomes a class of its own with at least this many distinct appeals; fewer roll up to its parent. */
  minExamplesPerClass: number;
  /** Newest categorised appeals read for training. */
  maxTrainingRows: number;
  /** Local hour after which the nightly retrain runs. */
  retrainHour: number;
  /** Closed appeals count as possible duplicates for this many days; open ones for `duplicateOpenDays`. */
  duplicateWindowDays: number;
  duplicateOpenDays: number;
  /** Least combined score (0–1) of a reported duplicate. */
  duplicateThreshold: number;
  /** Days of history each day's spike test sees. */
  spikeHistoryDays: number;
  spikeMaxPValue: number;
  spikeMinCount: number;
  /** Risk keywords; null = the package's reviewed default list. */
  riskKeywords: RiskKeyword[] | null;
}

export const DEFAULT_TEXT_SETTINGS: TextSettings = {
  minExamplesPerClass: 5,
  maxTrainingRows: 20_000,
  retrainHour: 2,
  duplicateWindowDays: 30,
  duplicateOpenDays: 90,
  duplicateThreshold: 0.5,
  spikeHistoryDays: 60,
  spikeMaxPValue: 0.001,
  spikeMinCount: 5,
  riskKeywords: null,
};

/** Stored values over the defaults; unknown keys and values of the wrong type are ignored. */
export function resolveTextSettings(stored: unknown): TextSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const out: TextSettings = { ...DEFAULT_TEXT_SETTINGS };
  for (const key of Object.keys(DEFAULT_TEXT_SETTINGS) as (keyof TextSettings)[]) {
    const v = s[key];
    if (key === 'riskKeywords') out.riskKeywords = Array.isArray(v) ? (v as RiskKeyword[]) : null;
    else if (typeof v === 'number' && Number.isFinite(v)) (out as unknown as Record<string, number>)[key] = v;
  }
  return out;
}

export async function loadTextSettings(db: Executor, jurisdictionId: string): Promise<TextSettings> {
  return resolveTextSettings(await storedTextSettings(db, jurisdictionId));
}

export function riskKeywordsOf(settings: TextSettings): readonly RiskKeyword[] {
  return settings.riskKeywords ?? DEFAULT_RISK_KEYWORDS;
}
