import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Area } from '../api/types';

/** Children of an area code, fetched once per session (GET /api/areas?parent=). */
const childrenOf = new Map<string, Promise<Area[]>>();

/** The parent code of a GB/T 2260 / statistical code: 12 → 9 → 6 → 4 → 2 digits. */
export function parentCode(code: string): string | null {
  const cut = { 12: 9, 9: 6, 6: 4, 4: 2 }[code.length as 12 | 9 | 6 | 4];
  return cut ? code.slice(0, cut) : null;
}

export function loadAreas(parent: string): Promise<Area[]> {
  let hit = childrenOf.get(parent);
  if (!hit) {
    hit = api.get<{ items: Area[] }>('/api/areas', { parent }).then((r) => r.items);
    hit.catch(() => childrenOf.delete(parent));
    childrenOf.set(parent, hit);
  }
  return hit;
}

/** An area's name from its code ("370812003" → 龙桥街道), the code itself until (or unless) it is found. */
export function AreaName({ code }: { code: string | null | undefined }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    setName(null);
    const parent = code ? parentCode(code) : null;
    if (!code || !parent) return;
    let live = true;
    loadAreas(parent).then((areas) => { if (live) setName(areas.find((a) => a.code === code)?.name ?? null); }, () => undefined);
    return () => { live = false; };
  }, [code]);
  if (!code) return <>—</>;
  return <>{name ?? code}</>;
}
