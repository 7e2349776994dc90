import { useMemo } from 'react';
import { Empty, Typography } from 'antd';
import { EChart } from '../../components/EChart';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Breakdown, CategoryCount } from './types';

interface TreemapNode { name: string; value: number; children?: TreemapNode[] }

/**
 * 分类构成 as a treemap: the server's category tree with counts summed upwards. Appeals filed directly under a
 * category that has sub-categories become a child of their own, so every tile's area is a real count.
 */
export function CategoryTreemap({ data }: { data: Breakdown }) {
  const m = useMessages(M);
  const option = useMemo(() => {
    const node = (c: CategoryCount): TreemapNode => {
      if (!c.children.length) return { name: c.name, value: c.count };
      const children = c.children.map(node);
      if (c.direct) children.push({ name: m('undivided', { name: c.name }), value: c.direct });
      return { name: c.name, value: c.count, children };
    };
    const roots = data.categories.map(node);
    if (data.uncategorised) roots.push({ name: m('uncategorised'), value: data.uncategorised });
    return {
      tooltip: { formatter: (p: { name: string; value: number; treePathInfo?: { name: string }[] }) => `${(p.treePathInfo ?? []).slice(1).map((x) => x.name).join(' / ') || p.name}：${p.value}` },
      series: [{
        type: 'treemap', name: m('allCategories'), data: roots, roam: false, nodeClick: 'zoomToNode', leafDepth: 2,
        top: 4, left: 4, right: 4, bottom: 30, breadcrumb: { bottom: 2, height: 20, itemStyle: { color: '#e5e7eb', textStyle: { color: '#374151' } } },
        label: { show: true, formatter: '{b}\n{c}', fontSize: 11, overflow: 'truncate' },
        upperLabel: { show: true, height: 20, fontSize: 11, color: '#1f2937', fontWeight: 600 },
        levels: [
          { itemStyle: { borderColor: '#f3f4f6', borderWidth: 3, gapWidth: 3 }, upperLabel: { show: false } },
          { itemStyle: { borderColor: '#f3f4f6', borderWidth: 2, gapWidth: 1 }, colorSaturation: [0.35, 0.6] },
          { colorSaturation: [0.3, 0.5], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 } },
        ],
      }],
    };
  }, [data, m]);
  if (!data.total) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('empty')} />;
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('treemapHint')}</Typography.Text>
      <EChart option={option} height={300} />
    </>
  );
}
