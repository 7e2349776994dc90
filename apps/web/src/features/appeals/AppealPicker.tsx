import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { AppealDetail, AppealSummary, Page } from '../../api/types';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

const M = defineMessages({ zh: { placeholder: '输入工单编号或关键词查找' }, en: { placeholder: 'Type a number or words to search' } });

/** Find an appeal by number or words (GET /api/appeals?text=) — e.g. the master of a merge (并单). */
export function AppealPicker({ value, onChange, exclude }: { value?: string; onChange?: (id: string) => void; exclude?: string }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const notify = useNotify();
  const { label } = useI18n();
  const m = useMessages(M);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const shown = (a: AppealSummary | AppealDetail) => ({ value: a.id, label: `${a.number} · ${label('status', a.status)} · ${a.title}` });
  // A value set from outside (并入 a suggested duplicate) is named like a searched one.
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    const ctrl = new AbortController();
    api.get<AppealDetail>(`/api/appeals/${value}`, undefined, ctrl.signal).then((a) => setOptions((o) => [shown(a), ...o]), () => {});
    return () => ctrl.abort();
  }, [value]);
  const search = (text: string) => {
    clearTimeout(timer.current);
    if (!text.trim()) return;
    timer.current = setTimeout(() => {
      setLoading(true);
      api.get<Page<AppealSummary>>('/api/appeals', { text: text.trim(), limit: 20 })
        .then((r) => setOptions(r.items.filter((a) => a.id !== exclude).map(shown)))
        .catch(notify.error)
        .finally(() => setLoading(false));
    }, 300);
  };
  return <Select showSearch value={value} onChange={onChange} filterOption={false} onSearch={search} options={options} loading={loading} placeholder={m('placeholder')} style={{ width: '100%' }} />;
}
