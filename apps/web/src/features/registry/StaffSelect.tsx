import { Select } from 'antd';
import type { StaffOption } from './staff-options';

/** A searchable person picker (by name) for the registry's forms; works inside Form.Item (id/value/onChange). */
export function StaffSelect({ id, value, onChange, options, loading, placeholder, exclude }: {
  id?: string; value?: string; onChange?: (v: string | undefined) => void; options: StaffOption[] | undefined; loading?: boolean; placeholder?: string;
  /** People who may not be chosen here (the other slot of the same shift). */
  exclude?: readonly (string | undefined)[];
}) {
  return (
    <Select id={id} value={value} onChange={onChange} showSearch allowClear optionFilterProp="label" loading={loading} placeholder={placeholder}
      options={(options ?? []).map((o) => ({ value: o.value, label: o.label, disabled: exclude?.includes(o.value) ?? false }))} style={{ width: '100%' }} />
  );
}
