import { useState } from 'react';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Report, ReportKind } from './types';

/** The period key the API expects: the Monday of a week, or a month. */
const periodKey = (kind: ReportKind, day: Dayjs) => (kind === 'weekly' ? day.subtract((day.day() + 6) % 7, 'day').format('YYYY-MM-DD') : day.format('YYYY-MM'));

/** Generate a weekly, monthly or petition report for a chosen period (the petition one may carry staff suggestions). */
export function GenerateForm({ onGenerated }: { onGenerated: (r: Report) => void }) {
  const m = useMessages(M);
  const notify = useNotify();
  const [kind, setKind] = useState<ReportKind>('monthly');
  const [day, setDay] = useState<Dayjs>(dayjs().subtract(1, 'month').startOf('month'));
  const [suggestions, setSuggestions] = useState('');
  const [busy, setBusy] = useState(false);

  async function generate() {
    setBusy(true);
    try {
      const lines = suggestions.split('\n').map((s) => s.trim()).filter(Boolean);
      const r = await api.post<Report>('/api/reports', { kind, period: periodKey(kind, day), ...(kind === 'petition' && lines.length ? { suggestions: lines } : {}) });
      notify.success(m('generated', { title: r.title }));
      onGenerated(r);
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap align="center">
        <Select<ReportKind> aria-label={m('kind')} value={kind} style={{ width: 160 }} onChange={(k) => { setKind(k); if (k === 'weekly') setDay(dayjs().subtract(1, 'week')); }}
          options={(['weekly', 'monthly', 'petition'] as const).map((k) => ({ value: k, label: m(k) }))} />
        <DatePicker aria-label={m('period')} picker={kind === 'weekly' ? 'week' : 'month'} allowClear={false} value={day} onChange={(v) => { if (v) setDay(v); }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        <Button type="primary" loading={busy} onClick={() => void generate()} data-testid="report-generate">{m('generate')}</Button>
      </Flex>
      {kind === 'petition' ? <Input.TextArea aria-label={m('suggestions')} placeholder={m('suggestions')} value={suggestions} onChange={(e) => setSuggestions(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} /> : null}
    </Flex>
  );
}
