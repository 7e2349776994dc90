import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api } from './client';
import type { Category, Unit } from './types';

/** Units and categories every screen needs to show names for ids; loaded once per session. */
export interface Reference {
  units: Unit[];
  categories: Category[];
  unitName: (id: string | null | undefined) => string;
  categoryName: (id: string | null | undefined) => string;
  /** Category path "市容环境 / 噪声扰民 / 施工噪音". */
  categoryPath: (id: string | null | undefined) => string;
  loaded: boolean;
  error: unknown;
  reload: () => void;
}

const ReferenceContext = createContext<Reference | null>(null);

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([api.get<{ items: Unit[] }>('/api/units'), api.get<{ items: Category[] }>('/api/categories')]).then(
      ([u, c]) => { if (live) { setUnits(u.items); setCategories(c.items); setLoaded(true); setError(null); } },
      (e: unknown) => { if (live) { setError(e); setLoaded(true); } },
    );
    return () => { live = false; };
  }, [tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const value = useMemo<Reference>(() => {
    const unitById = new Map(units.map((u) => [u.id, u]));
    const catById = new Map(categories.map((c) => [c.id, c]));
    const categoryPath = (id: string | null | undefined) => {
      const names: string[] = [];
      for (let c = id ? catById.get(id) : undefined, guard = 0; c && guard < 10; c = c.parentId ? catById.get(c.parentId) : undefined, guard++) names.unshift(c.name);
      return names.length ? names.join(' / ') : id ? id.slice(0, 8) : '—';
    };
    return {
      units, categories, loaded, error, reload, categoryPath,
      unitName: (id) => (id ? unitById.get(id)?.name ?? id.slice(0, 8) : '—'),
      categoryName: (id) => (id ? catById.get(id)?.name ?? id.slice(0, 8) : '—'),
    };
  }, [units, categories, loaded, error, reload]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const ref = useContext(ReferenceContext);
  if (!ref) throw new Error('useReference outside ReferenceProvider');
  return ref;
}
