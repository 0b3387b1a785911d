import { Alert, Button, Col, Drawer, Form, Input, Row, Space } from 'antd';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import type { UserCreatedDto, UserDto } from '../../../shared/api/users';
import '../../components/forms.css';
import { requiredText } from '../../components/formRules';
import { useFormSave } from '../../http/useFormSave';
import { DepartmentSelect, OrgUnitSelect } from '../orgs/OrgUnitSelect';
import type { OrgOption } from '../orgs/tree';
import { usersApi } from './api';
import { RoleGrantsEditor } from './RoleGrantsEditor';
import { formOf, toCreateInput, toUpdateInput, USER_FORM_FIELDS, type UserForm } from './userForm';

interface UserDrawerProps {
  /** The user to edit, or null to create one. */
  user: UserDto | null;
  units: readonly OrgUnitDto[];
  options: OrgOption[];
  allowAdmin: boolean;
  onClose: () => void;
  /** `password` is set when the server generated one. */
  onSaved: (result: UserCreatedDto) => void;
}

/** Create or edit a user with their role assignments; saved in one request. Mount it only while open. */
export function UserDrawer({ user, units, options, allowAdmin, onClose, onSaved }: UserDrawerProps) {
  const [form] = Form.useForm<UserForm>();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const { saving, error, save } = useFormSave(form, USER_FORM_FIELDS, async (values) => {
    onSaved(user ? { user: await usersApi.update(user.id, toUpdateInput(values)), password: null } : await usersApi.create(toCreateInput(values)));
  });

  return (
    <Drawer
      open
      title={user ? `编辑用户“${user.displayName}”` : '新建用户'}
      size={640}
      onClose={onClose}
      footer={
        <Space className="user-drawer__footer">
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert className="form-error" type="error" showIcon title={error} />}
      <Form<UserForm> form={form} layout="vertical" initialValues={user ? formOf(user) : { roles: [] }} requiredMark="optional">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="用户名"
              name="username"
              extra={user ? '用户名创建后不能修改。' : '用于登录，字母、数字、下划线、点或连字符。'}
              rules={[
                ...requiredText('用户名', 32),
                { min: 2, message: '用户名至少 2 个字符' },
                { pattern: /^[A-Za-z0-9_.-]*$/, message: '用户名只能包含字母、数字、下划线、点和连字符' },
              ]}
            >
              <Input disabled={user !== null} autoComplete="off" placeholder="如：xg_wjw_wangfang" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="姓名" name="displayName" rules={requiredText('姓名', 50)}>
              <Input autoComplete="off" placeholder="如：王芳" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="所属单位" name="orgUnitId" rules={[{ required: true, message: '请选择所属单位' }]}>
              <OrgUnitSelect options={options} onChange={() => form.setFieldValue('departmentId', null)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="成员单位" name="departmentId">
              <DepartmentSelect units={units} unitId={orgUnitId} allowClear />
            </Form.Item>
          </Col>
        </Row>
        {!user && (
          <Form.Item
            label="初始密码"
            name="password"
            extra="留空则由系统生成，保存后显示一次。"
            rules={[
              { min: 8, message: '初始密码至少 8 位' },
              { max: 128, message: '初始密码不能超过 128 位' },
            ]}
          >
            <Input.Password autoComplete="new-password" placeholder="留空自动生成" />
          </Form.Item>
        )}
        <RoleGrantsEditor units={units} options={options} allowAdmin={allowAdmin} />
      </Form>
    </Drawer>
  );
}
