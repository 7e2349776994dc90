import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Flex, Segmented, Tooltip, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Streets } from './types';

type Metric = 'volume' | 'overdueRate';
type Street = Streets['streets'][number];

/** Light to dark: the same hue for both metrics, so the legend reads the same way ("darker = more"). */
const LOW = [254, 226, 226];
const HIGH = [153, 27, 27];
const NONE = '#f3f4f6';

function shade(t: number): string {
  const c = LOW.map((lo, i) => Math.round(lo + (HIGH[i]! - lo) * Math.min(1, Math.max(0, t))));
  return `rgb(${c.join(',')})`;
}
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/**
 * 街镇分布示意图: one tile per street/town, coloured by its volume or overdue rate as the server counted them. No
 * package with real boundaries is available offline, so this is a tile grid in code order, labelled as schematic.
 * A tile opens the appeal list for that street and period.
 */
export function StreetSchematicMap({ data }: { data: Streets }) {
  const m = useMessages(M);
  const navigate = useNavigate();
  const [metric, setMetric] = useState<Metric>('volume');
  const max = useMemo(() => Math.max(1, ...data.streets.map((s) => s.volume)), [data]);
  // The grid stays wider than tall, like the legend beneath it: 10 streets make 5 × 2.
  const columns = Math.max(1, Math.min(data.streets.length, Math.ceil(Math.sqrt(data.streets.length * 2.5))));

  const valueOf = (s: Street): number | null => (metric === 'volume' ? (s.volume ? s.volume / max : null) : s.overdueRate);
  const open = (s: Street) => navigate(`/appeals?areaCode=${s.areaCode}&createdFrom=${encodeURIComponent(data.period.from)}&createdTo=${encodeURIComponent(data.period.to)}`);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Segmented size="small" value={metric} onChange={(v) => setMetric(v as Metric)} options={[{ value: 'volume', label: m('byVolume') }, { value: 'overdueRate', label: m('byRate') }]} />
        <Flex align="center" gap={6} aria-label="legend">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{metric === 'volume' ? 0 : '0%'}</Typography.Text>
          <div style={{ width: 120, height: 10, borderRadius: 2, background: `linear-gradient(to right, ${shade(0)}, ${shade(1)})` }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{metric === 'volume' ? max : '100%'}</Typography.Text>
          <div style={{ width: 12, height: 10, marginLeft: 8, background: NONE, border: '1px solid #d1d5db' }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('noData')}</Typography.Text>
        </Flex>
      </Flex>
      <div role="list" aria-label={m('mapTitle')} style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 4 }}>
        {data.streets.map((s) => {
          const v = valueOf(s);
          const dark = v !== null && v > 0.55;
          return (
            <Tooltip key={s.areaCode} title={(
              <div>
                <b>{s.name}</b>
                <div>{m('volume')}：{s.volume} · {m('open')}：{s.open}</div>
                <div>{m('overdue')}：{s.overdue} · {m('overdueRate')}：{pct(s.overdueRate)}</div>
              </div>
            )}>
              <div role="listitem" data-area={s.areaCode} onClick={() => open(s)}
                style={{ cursor: 'pointer', minHeight: 64, padding: '6px 8px', borderRadius: 4, background: v === null ? NONE : shade(v), color: dark ? '#fff' : '#1f2937', overflow: 'hidden' }}>
                <div style={{ fontWeight: 600, fontSize: 13, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{s.shortName || s.name}</div>
                <div style={{ fontSize: 12 }}>{m('volume')} {s.volume}</div>
                <div style={{ fontSize: 12 }}>{m('overdueRate')} {pct(s.overdueRate)}</div>
              </div>
            </Tooltip>
          );
        })}
      </div>
      {data.unlocated.volume ? <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>{m('unlocated', { n: data.unlocated.volume })}</Typography.Text> : null}
      <Alert type="info" showIcon style={{ marginTop: 8, fontSize: 12 }} message={m('mapNote')} />
    </>
  );
}
