import { Alert, Button, Modal, Typography } from 'antd';
import type { ApiTokenCreated } from '../../../../shared/api/apiTokens';

/** The new token, shown this once: the server keeps only its hash. */
export function TokenOnceModal({ created, onClose }: { created: ApiTokenCreated; onClose: () => void }) {
  const example = `curl -H 'Authorization: ApiToken ${created.token}' '${window.location.origin}/api/auth/me'`;
  return (
    <Modal
      open
      title={`令牌“${created.name}”已创建`}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
      footer={
        <Button type="primary" onClick={onClose}>
          我已复制保存
        </Button>
      }
    >
      <Alert type="warning" showIcon title="令牌只显示这一次，关闭后无法再次查看。请立即复制并妥善保存；它拥有与您账号相同的权限，切勿写入代码仓库或发给他人。" />
      <dl className="token-once">
        <dt>令牌</dt>
        <dd>
          <Typography.Text className="token-once__value" code copyable={{ text: created.token, tooltips: ['复制令牌', '已复制'] }} aria-label="新令牌">
            {created.token}
          </Typography.Text>
        </dd>
        <dt>用法示例</dt>
        <dd>
          <Typography.Paragraph className="token-once__example" code copyable={{ text: example, tooltips: ['复制命令', '已复制'] }}>
            {example}
          </Typography.Paragraph>
        </dd>
      </dl>
    </Modal>
  );
}
