import { useEffect, useRef, useState } from 'react';

export interface FetchState<T> { data: T | null; loading: boolean; error: unknown }

/**
 * Ask the server again only when the user pauses typing: `key` names what is asked (null: nothing to ask), `fetcher`
 * asks it. A newer key aborts the older request, so a slow answer never overwrites a fresher one.
 */
export function useDebouncedFetch<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>, delayMs: number): FetchState<T> {
  const [state, setState] = useState<FetchState<T>>({ data: null, loading: false, error: null });
  // The fetcher is a new closure on every render; the key alone decides when to ask.
  const latest = useRef(fetcher);
  latest.current = fetcher;
  useEffect(() => {
    if (key === null) { setState({ data: null, loading: false, error: null }); return; }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    const timer = setTimeout(() => {
      latest.current(ctrl.signal).then(
        (data) => setState({ data, loading: false, error: null }),
        (error: unknown) => { if (!ctrl.signal.aborted) setState({ data: null, loading: false, error }); },
      );
    }, delayMs);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [key, delayMs]);
  return state;
}
