import { api } from '../../api/client';

/** One suggested category with the classifier's calibrated confidence (0–1). */
export interface CategorySuggestion { categoryId: string; name: string; path: string[]; confidence: number }

/** An open or recent appeal that looks like the same matter, and why (never the citizen or the body). */
export interface DuplicateCandidate {
  id: string; number: string; title: string; status: string; statusLabel: string; createdAt: string;
  areaCode: string | null; categoryId: string | null; score: number; textSimilarity: number; hoursApart: number;
  sameArea: boolean | null; sameCategory: boolean | null; sharedTerms: string[]; reasons: string[];
}

/** The routing catalogue's proposal for the chosen (or first suggested) category and the area. */
export interface RoutingSuggestion {
  categoryId: string | null; areaCode: string | null; departmentDuty: boolean;
  leadUnitId: string | null; leadUnitName: string | null; coUnitIds: string[]; why: string;
}

/** POST /api/text/suggest: what the assistant says about a draft or a registered appeal. */
export interface Suggestion {
  categories: CategorySuggestion[];
  classifier: { status: 'ready' | 'not_trained'; reason: string | null; modelId: string | null; version: number | null };
  routing: RoutingSuggestion | null;
  duplicates: DuplicateCandidate[];
}

export interface SuggestDraft {
  title: string; content: string; areaCode?: string | undefined; categoryId?: string | undefined;
  /** A registered appeal (dispatch): it and its merge group are left out of its duplicates. */
  appealId?: string | undefined;
}

/** Text worth asking about: the classifier needs a sentence, not a word or two. */
export const MIN_SUGGEST_CHARS = 8;

export function requestSuggestion(draft: SuggestDraft, signal?: AbortSignal): Promise<Suggestion> {
  const body = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== ''));
  return api.postWithSignal<Suggestion>('/api/text/suggest', body, signal);
}
