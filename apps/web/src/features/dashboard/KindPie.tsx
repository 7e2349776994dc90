import { useMemo } from 'react';
import { Empty } from 'antd';
import { EChart } from '../../components/EChart';
import { useI18n, useMessages } from '../../i18n';
import { M } from './messages';
import type { Breakdown } from './types';

/** 诉求类型: the period's appeals by kind (咨询、求助、投诉…), as counted by the server. */
export function KindPie({ data }: { data: Breakdown }) {
  const m = useMessages(M);
  const { label } = useI18n();
  const option = useMemo(() => {
    const rows = data.byKind.map((k) => ({ name: label('kind', k.kind), value: k.count }));
    const counts = new Map(rows.map((r) => [r.name, r.value]));
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      // Counts in the legend, not around the ring: outside labels collide and get clipped on a narrow card.
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', formatter: (name: string) => `${name}  ${counts.get(name) ?? 0}` },
      series: [{
        type: 'pie', radius: ['38%', '68%'], center: ['38%', '50%'], avoidLabelOverlap: true,
        label: { show: false },
        data: rows,
      }],
    };
  }, [data, label]);
  if (!data.total) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('empty')} />;
  return <EChart option={option} height={300} />;
}
