import { Checkbox, Form, Input, Select } from 'antd';
import { useRef } from 'react';
import type { DepartmentDto, DepartmentInputDto, OrgUnitDto } from '../../../shared/api/orgs';
import { FormModal } from '../../components/FormModal';
import { requiredText } from '../../components/formRules';
import { orgsApi } from './api';

interface DepartmentFormModalProps {
  unit: OrgUnitDto;
  /** The parent unit, whose departments this one may report along; null at the top. */
  parent: OrgUnitDto | null;
  /** The department to edit, or null to add one. */
  department: DepartmentDto | null;
  onCancel: () => void;
  onSaved: () => void;
}

const FIELDS = ['name', 'shortName', 'counterpartId', 'runsSurveys'];

export function DepartmentFormModal({ unit, parent, department, onCancel, onSaved }: DepartmentFormModalProps) {
  const [form] = Form.useForm<DepartmentInputDto>();
  // Once the person picks a counterpart, typing the short name no longer suggests one.
  const picked = useRef(false);

  const save = async (values: DepartmentInputDto) => {
    const input = { name: values.name.trim(), shortName: values.shortName.trim(), counterpartId: parent ? (values.counterpartId ?? null) : null, runsSurveys: values.runsSurveys ?? false };
    if (department) await orgsApi.updateDepartment(department.id, input);
    else await orgsApi.addDepartment(unit.id, input);
    onSaved();
  };

  return (
    <FormModal
      title={department ? `编辑成员单位“${department.name}”` : `为${unit.committee?.name ?? unit.name}添加成员单位`}
      form={form}
      fields={FIELDS}
      onSave={save}
      onCancel={onCancel}
    >
      <Form<DepartmentInputDto>
        form={form}
        layout="vertical"
        initialValues={department ?? undefined}
        requiredMark="optional"
        onValuesChange={(changed: Partial<DepartmentInputDto>) => {
          // A new department usually reports along the parent's department of the same short name.
          if (department || changed.shortName === undefined || !parent || picked.current) return;
          form.setFieldValue('counterpartId', parent.departments.find((d) => d.shortName === changed.shortName?.trim())?.id);
        }}
      >
        <Form.Item label="成员单位名称" name="name" rules={requiredText('成员单位名称', 100)}>
          <Input placeholder={`如：${unit.name}卫生健康委员会`} autoComplete="off" />
        </Form.Item>
        <Form.Item label="简称" name="shortName" extra="在表格和列表中显示，修改简称会留下变更记录。" rules={requiredText('成员单位简称', 20)}>
          <Input placeholder="如：卫健委" autoComplete="off" />
        </Form.Item>
        {parent && (
          <Form.Item
            label={`对口${parent.name}成员单位`}
            name="counterpartId"
            extra="指标的责任单位是上级成员单位时，由本单位填报；不选则本单位不承担上级指标的填报。"
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="选择对口的上级成员单位"
              onChange={() => (picked.current = true)}
              options={parent.departments.map((d) => ({ value: d.id, label: `${d.shortName}（${d.name}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="runsSurveys" valuePropName="checked" extra="授权后，该成员单位的填报员可以在“问卷调查”中发起、发布和统计本单位的问卷；撤销授权后仍可查看已有问卷的结果。">
          <Checkbox>可发起问卷调查</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
