import { Select } from 'antd';
import { useApiGet } from '../../http/useApiGet';
import { publicUrls, type PublicUnit } from './api';

/** The city and its districts, from the public list. */
export function UnitPicker({ value, onChange }: { value: number | undefined; onChange: (id: number) => void }) {
  const { data, loading } = useApiGet<PublicUnit[]>(publicUrls.units);
  return (
    <Select<number>
      className="portal-unit"
      loading={loading}
      value={data ? value ?? data[0]?.id : undefined}
      onChange={onChange}
      options={(data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      aria-label="地区"
      placeholder="选择地区"
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
