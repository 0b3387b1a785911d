import { Form, Input, Modal } from 'antd';

/** The address of a link; empty removes it. Only web and mail addresses: the server drops anything else. */
export function LinkDialog({ initial, onDone, onClose }: { initial: string; onDone: (href: string) => void; onClose: () => void }) {
  const [form] = Form.useForm<{ href: string }>();
  const submit = async () => onDone((await form.validateFields()).href.trim());
  return (
    <Modal open title="链接" okText="确定" cancelText="取消" onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ href: initial }} onFinish={() => void submit()}>
        <Form.Item
          name="href"
          label="网址"
          extra="以 http://、https:// 或 mailto: 开头；留空则取消链接。"
          rules={[{ pattern: /^(https?:\/\/\S+|mailto:\S+)?$/, message: '请填写以 http://、https:// 或 mailto: 开头的网址' }]}
        >
          <Input autoFocus placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
