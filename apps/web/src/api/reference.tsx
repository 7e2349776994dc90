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
  /** Whether a category is `ancestor` itself or sits below it (a leaf agrees with a suggested top-level category). */
  categoryWithin: (id: string | null | undefined, ancestor: string) => boolean;
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
    /** The category and its ancestors, nearest first (bounded, so a corrupt cycle cannot hang the page). */
    const lineage = (id: string | null | undefined) => {
      const chain: Category[] = [];
      for (let c = id ? catById.get(id) : undefined; c && chain.length < 10; c = c.parentId ? catById.get(c.parentId) : undefined) chain.push(c);
      return chain;
    };
    const categoryPath = (id: string | null | undefined) => {
      const names = lineage(id).map((c) => c.name).reverse();
      return names.length ? names.join(' / ') : id ? id.slice(0, 8) : '—';
    };
    return {
      units, categories, loaded, error, reload, categoryPath,
      categoryWithin: (id, ancestor) => lineage(id).some((c) => c.id === ancestor),
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
