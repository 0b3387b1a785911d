import { Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';
import { authApi } from './api';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['oldPassword', 'newPassword'];

/** The signed-in user's own password; the server ends their other sessions. Mount it only while open. */
export function ChangePasswordModal({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const [form] = Form.useForm<PasswordForm>();
  const save = async ({ oldPassword, newPassword }: PasswordForm) => {
    await authApi.changePassword({ oldPassword, newPassword });
    onChanged();
  };

  return (
    <FormModal title="修改密码" form={form} fields={FIELDS} onSave={save} onCancel={onClose} okText="确认修改">
      <Form<PasswordForm> form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="至少 8 位；修改后，您在其他设备上的登录将失效。"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 8, message: '新密码至少 8 位' },
            { max: 128, message: '新密码不能超过 128 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
