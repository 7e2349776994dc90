import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useReference } from '../../api/reference';
import type { Category } from '../../api/types';

interface Node { value: string; title: string; children: Node[] }

/** The category tree (诉求分类), searchable by name. */
export function CategorySelect({ id, value, onChange, placeholder, style, activeOnly = false }: {
  id?: string; value?: string; onChange?: (v: string | undefined) => void; placeholder?: string; style?: React.CSSProperties;
  /** Intake and 更正分类 offer only categories in use; search keeps retired ones to find old appeals. */
  activeOnly?: boolean;
}) {
  const { categories } = useReference();
  const tree = useMemo(() => {
    const by = new Map<string | null, Category[]>();
    for (const c of categories) if (!activeOnly || c.active) by.set(c.parentId, [...(by.get(c.parentId) ?? []), c]);
    const build = (parent: string | null): Node[] => (by.get(parent) ?? []).map((c) => ({ value: c.id, title: c.name, children: build(c.id) }));
    return build(null);
  }, [categories, activeOnly]);
  // `id` comes from Form.Item, so the field's label points at this control.
  return <TreeSelect id={id} value={value} onChange={onChange} treeData={tree} showSearch allowClear treeNodeFilterProp="title" placeholder={placeholder}
    style={{ width: '100%', ...style }} popupMatchSelectWidth={false} listHeight={360} />;
}
