import { Alert, Button, Modal, Typography } from 'antd';

export interface ShownPassword {
  title: string;
  username: string;
  password: string;
}

/** A generated password, shown this once: the server keeps only its hash. */
export function PasswordOnceModal({ shown, onClose }: { shown: ShownPassword; onClose: () => void }) {
  return (
    <Modal
      open
      title={shown.title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      <Alert type="warning" showIcon title="此密码只显示这一次，关闭后无法再次查看。请复制后通过安全渠道告知本人，并提醒其登录后修改密码。" />
      <dl className="password-once">
        <dt>用户名</dt>
        <dd>{shown.username}</dd>
        <dt>密码</dt>
        <dd>
          <Typography.Text className="password-once__value" code copyable={{ text: shown.password, tooltips: ['复制密码', '已复制'] }}>
            {shown.password}
          </Typography.Text>
        </dd>
      </dl>
    </Modal>
  );
}
