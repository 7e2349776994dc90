import { useEffect, useMemo, useRef, useState } from 'react';
import { Select } from 'antd';
import { registryApi } from './registry-api';
import { staffOption } from './staff-options';
import type { StaffOption } from './staff-options';

const SEARCH_DELAY_MS = 300;

/**
 * A searchable person picker (by name) for the registry's forms; works inside Form.Item (id/value/onChange). Typing a
 * name that the loaded list does not hold asks the server's staff list (GET /api/registry/staff?q=), so a long staff
 * list need not be loaded whole; `leaders` keeps those answers to leaders.
 */
export function StaffSelect({ id, value, onChange, options, loading, placeholder, exclude, leaders = false }: {
  id?: string; value?: string; onChange?: (v: string | undefined) => void; options: StaffOption[] | undefined; loading?: boolean; placeholder?: string;
  /** People who may not be chosen here (the other slot of the same shift). */
  exclude?: readonly (string | undefined)[];
  leaders?: boolean;
}) {
  const [found, setFound] = useState<StaffOption[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const aborter = useRef<AbortController | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); aborter.current?.abort(); }, []);

  function search(text: string) {
    const q = text.trim();
    if (timer.current) clearTimeout(timer.current);
    if (!q || (options ?? []).some((o) => o.label.includes(q))) return;
    timer.current = setTimeout(() => {
      aborter.current?.abort();
      const ctrl = new AbortController();
      aborter.current = ctrl;
      setSearching(true);
      registryApi.staff({ q, leaders: leaders || undefined, limit: 50 }, ctrl.signal)
        .then((r) => setFound(r.items.map(staffOption)))
        // Best effort: not an editor (403), offline, or the text changed (abort): the loaded list is all there is.
        .catch(() => undefined)
        .finally(() => { if (aborter.current === ctrl) setSearching(false); });
    }, SEARCH_DELAY_MS);
  }

  const merged = useMemo(() => {
    const byId = new Map((options ?? []).map((o) => [o.value, o]));
    for (const o of found) if (!byId.has(o.value)) byId.set(o.value, o);
    return [...byId.values()];
  }, [options, found]);
  return (
    <Select id={id} value={value} onChange={onChange} showSearch allowClear optionFilterProp="label" loading={loading || searching} placeholder={placeholder}
      onSearch={search} options={merged.map((o) => ({ value: o.value, label: o.label, disabled: exclude?.includes(o.value) ?? false }))} style={{ width: '100%' }} />
  );
}
