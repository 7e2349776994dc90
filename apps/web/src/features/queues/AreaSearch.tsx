import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../api/client';
import type { Area } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { loadAreas } from '../../components/AreaName';
import { useNotify } from '../../components/notify';

interface Option { value: string; label: string }

const option = (a: Area, parents: Map<string, string>) => ({
  value: a.code, label: a.parentCode && parents.has(a.parentCode) && a.level !== 'street' ? `${parents.get(a.parentCode)} / ${a.name}` : a.name,
});

/**
 * 区域 for the keyboard: type part of a street or community name (GET /api/areas?q=), arrows and Enter to pick.
 * Before typing it offers the jurisdiction's streets and towns (GET /api/areas?parent=).
 */
export function AreaSearch({ value, onChange, id, placeholder }: { value?: string; onChange?: (code: string | undefined) => void; id?: string; placeholder?: string }) {
  const { user } = useAuth();
  const notify = useNotify();
  const [streets, setStreets] = useState<Area[]>([]);
  const [found, setFound] = useState<Area[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    if (user) loadAreas(user.jurisdictionId).then(setStreets, notify.error);
  }, [user, notify]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const parents = new Map(streets.map((s) => [s.code, s.name]));
  const shown: Option[] = (found ?? streets).map((a) => option(a, parents));
  if (value && !shown.some((o) => o.value === value)) shown.unshift({ value, label: value });

  function search(q: string) {
    clearTimeout(timer.current);
    const text = q.trim();
    if (!text) { setFound(null); return; }
    timer.current = setTimeout(() => {
      api.get<{ items: Area[] }>('/api/areas', { q: text.slice(0, 20) }).then((r) => setFound(r.items), notify.error);
    }, 200);
  }
  return (
    <Select id={id} value={value} onChange={(v: string | undefined) => onChange?.(v)} options={shown} showSearch filterOption={false} onSearch={search}
      allowClear placeholder={placeholder} onClear={() => setFound(null)} notFoundContent={null} style={{ width: '100%' }} defaultActiveFirstOption />
  );
}
