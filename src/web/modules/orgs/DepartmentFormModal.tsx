import { Form, Input } from 'antd';
import type { DepartmentDto, DepartmentInputDto, OrgUnitDto } from '../../../shared/api/orgs';
import { FormModal } from '../../components/FormModal';
import { requiredText } from '../../components/formRules';
import { orgsApi } from './api';

interface DepartmentFormModalProps {
  unit: OrgUnitDto;
  /** The department to edit, or null to add one. */
  department: DepartmentDto | null;
  onCancel: () => void;
  onSaved: () => void;
}

const FIELDS = ['name', 'shortName'];

export function DepartmentFormModal({ unit, department, onCancel, onSaved }: DepartmentFormModalProps) {
  const [form] = Form.useForm<DepartmentInputDto>();

  const save = async (values: DepartmentInputDto) => {
    const input = { name: values.name.trim(), shortName: values.shortName.trim() };
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
      <Form<DepartmentInputDto> form={form} layout="vertical" initialValues={department ?? undefined} requiredMark="optional">
        <Form.Item label="成员单位名称" name="name" rules={requiredText('成员单位名称', 100)}>
          <Input placeholder={`如：${unit.name}卫生健康委员会`} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="简称"
          name="shortName"
          extra="各级相同部门使用同一简称，如“卫健委”；指标的责任部门按简称对应到各级成员单位。"
          rules={requiredText('成员单位简称', 20)}
        >
          <Input placeholder="如：卫健委" autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
