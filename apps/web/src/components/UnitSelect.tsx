import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useReference } from '../api/reference';
import type { Unit } from '../api/types';
import { useI18n } from '../i18n';

interface Node { value: string; title: string; children: Node[]; disabled?: boolean }

/** Unit tree for forms (派单, 联席会议, filters): searchable by name, inactive units hidden. */
export function UnitSelect({ id, value, onChange, multiple = false, placeholder, allowClear = true, style, filter }: {
  /** From Form.Item, so the field's label points at this control. */
  id?: string;
  value?: string | string[]; onChange?: (v: never) => void; multiple?: boolean; placeholder?: string; allowClear?: boolean;
  style?: React.CSSProperties; filter?: (u: Unit) => boolean;
}) {
  const { units } = useReference();
  const { label } = useI18n();
  const tree = useMemo(() => {
    const shown = units.filter((u) => u.active && (!filter || filter(u)));
    const byParent = new Map<string | null, Unit[]>();
    const ids = new Set(shown.map((u) => u.id));
    for (const u of shown) {
      const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
    }
    const build = (parent: string | null): Node[] => (byParent.get(parent) ?? []).map((u) => ({
      value: u.id, title: `${u.name}（${label('unitKind', u.kind)}）`, children: build(u.id),
    }));
    return build(null);
  }, [units, filter, label]);
  return (
    <TreeSelect id={id} value={value} onChange={onChange as (v: unknown) => void} treeData={tree} multiple={multiple} showSearch allowClear={allowClear}
      treeNodeFilterProp="title" treeDefaultExpandAll={false} treeDefaultExpandedKeys={tree.map((n) => n.value)} placeholder={placeholder}
      style={{ width: '100%', ...style }} popupMatchSelectWidth={false} listHeight={360} />
  );
}
