import { useDebouncedFetch } from '../../components/useDebouncedFetch';
import { MIN_SUGGEST_CHARS, requestSuggestion } from './text-api';
import type { SuggestDraft, Suggestion } from './text-api';

export interface SuggestionState { data: Suggestion | null; loading: boolean; error: unknown }

const DEBOUNCE_MS = 400;

/**
 * The assistant's view of a draft, asked again when the agent pauses typing (not on every key) and never for a
 * text too short to say anything about. The draft is compared by value: a re-render with equal fields asks nothing.
 */
export function useSuggestion(draft: SuggestDraft | null): SuggestionState {
  const enough = draft && `${draft.title}${draft.content}`.trim().length >= MIN_SUGGEST_CHARS;
  return useDebouncedFetch(enough ? JSON.stringify(draft) : null, (signal) => requestSuggestion(draft!, signal), DEBOUNCE_MS);
}
