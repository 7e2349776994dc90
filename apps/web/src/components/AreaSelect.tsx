import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { loadAreas } from './AreaName';
import { useNotify } from './notify';

interface Option { value: string; label: string; isLeaf: boolean; children?: Option[] }

/** Street → community picker under the jurisdiction (any level may be chosen); the value is the chosen area code. */
export function AreaSelect({ value, onChange, placeholder, style }: { value?: string; onChange?: (code: string | undefined) => void; placeholder?: string; style?: React.CSSProperties }) {
  const { user } = useAuth();
  const notify = useNotify();
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    if (!user) return;
    loadAreas(user.jurisdictionId).then((areas) => setOptions(areas.map((a) => ({ value: a.code, label: a.name, isLeaf: a.code.length >= 12 }))), notify.error);
  }, [user, notify]);
  const path = value ? [value.slice(0, 9), value].filter((v, i, all) => v.length >= 9 && all.indexOf(v) === i) : undefined;
  return (
    <Cascader options={options} value={path} changeOnSelect showSearch={false} placeholder={placeholder} style={{ width: '100%', ...style }}
      onChange={(v) => onChange?.(v?.length ? String(v[v.length - 1]) : undefined)}
      loadData={(selected) => {
        const target = selected[selected.length - 1] as Option | undefined;
        if (!target || target.children) return;
        loadAreas(target.value).then((areas) => {
          target.children = areas.map((a) => ({ value: a.code, label: a.name, isLeaf: true }));
          if (!areas.length) target.isLeaf = true;
          setOptions((o) => [...o]);
        }, notify.error);
      }} />
  );
}
