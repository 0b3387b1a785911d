import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { ASSIGNABLE_ROLES, DEPARTMENT_ROLES, ROLE_LABELS, type Role } from '../../../shared/roles';
import { DepartmentSelect, OrgUnitSelect } from '../orgs/OrgUnitSelect';
import type { OrgOption } from '../orgs/tree';
import type { UserForm } from './userForm';

interface RoleGrantsEditorProps {
  units: readonly OrgUnitDto[];
  options: OrgOption[];
  /** Only admin may hand out admin. */
  allowAdmin: boolean;
}

interface GrantRowProps extends RoleGrantsEditorProps {
  name: number;
  index: number;
  onRemove: () => void;
}

/** One role at one unit; the department only for reporters and dept reviewers, and only of that unit. */
function GrantRow({ name, index, units, options, allowAdmin, onRemove }: GrantRowProps) {
  const form = Form.useFormInstance<UserForm>();
  const role = Form.useWatch(['roles', name, 'role'], form) as Role | undefined;
  const unitId = Form.useWatch(['roles', name, 'orgUnitId'], form) as number | null | undefined;
  const label = role ? ROLE_LABELS[role] : '角色';
  const roleOptions = ASSIGNABLE_ROLES.filter((r) => allowAdmin || r !== 'admin' || role === 'admin').map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const clearDepartment = () => form.setFieldValue(['roles', name, 'departmentId'], null);

  return (
    <div className="role-grant" role="group" aria-label={`角色分配 ${index + 1}`}>
      <Form.Item className="role-grant__role" label="角色" name={[name, 'role']} rules={[{ required: true, message: '请选择角色' }]}>
        <Select<Role> options={roleOptions} placeholder="选择角色" onChange={clearDepartment} />
      </Form.Item>
      {role === 'admin' ? (
        <p className="role-grant__note">系统管理员管辖全部单位</p>
      ) : (
        <Form.Item className="role-grant__unit" label="单位" name={[name, 'orgUnitId']} rules={[{ required: true, message: `请选择${label}的所属单位` }]}>
          <OrgUnitSelect options={options} onChange={clearDepartment} />
        </Form.Item>
      )}
      {role && DEPARTMENT_ROLES.includes(role) && (
        <Form.Item className="role-grant__department" label="成员单位" name={[name, 'departmentId']} rules={[{ required: true, message: `${label}须选择成员单位` }]}>
          <DepartmentSelect units={units} unitId={unitId} />
        </Form.Item>
      )}
      <Button className="role-grant__remove" type="text" danger icon={<DeleteOutlined />} aria-label={`移除角色分配 ${index + 1}`} onClick={onRemove} />
    </div>
  );
}

/** The user's role assignments, each scoped to a unit (src/shared/policy.ts). */
export function RoleGrantsEditor(props: RoleGrantsEditorProps) {
  const form = Form.useFormInstance<UserForm>();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <section className="role-grants" aria-labelledby="role-grants-title">
          <div className="role-grants__head">
            <h3 id="role-grants-title">角色分配</h3>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ orgUnitId: form.getFieldValue('orgUnitId') ?? null, departmentId: null })}>
              添加角色
            </Button>
          </div>
          {fields.length === 0 && <p className="empty-hint">尚未分配角色：用户登录后不能使用任何管理或填报功能。</p>}
          {fields.map((field, index) => (
            <GrantRow key={field.key} {...props} name={field.name} index={index} onRemove={() => remove(field.name)} />
          ))}
        </section>
      )}
    </Form.List>
  );
}
