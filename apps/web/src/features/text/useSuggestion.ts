import { useEffect, useState } from 'react';
import { MIN_SUGGEST_CHARS, requestSuggestion } from './text-api';
import type { SuggestDraft, Suggestion } from './text-api';

export interface SuggestionState { data: Suggestion | null; loading: boolean; error: unknown }

const DEBOUNCE_MS = 400;

/**
 * The assistant's view of a draft, asked again when the agent pauses typing (not on every key) and never for a
 * text too short to say anything about. A newer draft aborts the older request, so a slow answer never overwrites a
 * fresher one.
 */
export function useSuggestion(draft: SuggestDraft | null): SuggestionState {
  const [state, setState] = useState<SuggestionState>({ data: null, loading: false, error: null });
  const key = draft ? JSON.stringify(draft) : '';
  useEffect(() => {
    if (!draft || `${draft.title}${draft.content}`.trim().length < MIN_SUGGEST_CHARS) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    const timer = setTimeout(() => {
      requestSuggestion(draft, ctrl.signal).then(
        (data) => setState({ data, loading: false, error: null }),
        (error: unknown) => { if (!ctrl.signal.aborted) setState({ data: null, loading: false, error }); },
      );
    }, DEBOUNCE_MS);
    return () => { clearTimeout(timer); ctrl.abort(); };
    // The draft is compared by value (key): a re-render with equal fields must not ask again.
  }, [key]);
  return state;
}
