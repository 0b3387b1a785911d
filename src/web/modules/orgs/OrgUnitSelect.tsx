import { Select, TreeSelect, type SelectProps, type TreeSelectProps } from 'antd';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import type { OrgOption } from './tree';

/** A searchable unit picker over the whole tree; takes a Form.Item's value and onChange. */
export function OrgUnitSelect({ options, ...props }: Omit<TreeSelectProps<number | null>, 'treeData'> & { options: OrgOption[] }) {
  return (
    <TreeSelect<number | null>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder="选择单位"
      {...props}
      treeData={options}
    />
  );
}

/** The member departments of one unit's committee; a street has none. */
export function DepartmentSelect({ units, unitId, ...props }: Omit<SelectProps<number | null>, 'options'> & { units: readonly OrgUnitDto[]; unitId: number | null | undefined }) {
  const departments = units.find((u) => u.id === unitId)?.departments ?? [];
  return (
    <Select<number | null>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={unitId ? '选择成员单位' : '请先选择单位'}
      notFoundContent={unitId ? '该单位不设成员单位' : '请先选择单位'}
      {...props}
      options={departments.map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
