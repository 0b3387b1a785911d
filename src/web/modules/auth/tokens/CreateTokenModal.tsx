import { Form, Input, Select } from 'antd';
import { TOKEN_EXPIRY_CHOICES, TOKEN_NAME_MAX, type ApiTokenCreateInput, type ApiTokenCreated } from '../../../../shared/api/apiTokens';
import { FormModal } from '../../../components/FormModal';
import { tokensApi } from './api';

const EXPIRY_OPTIONS = TOKEN_EXPIRY_CHOICES.map((days) => ({ value: days, label: days === 365 ? '1 年' : `${days} 天` }));
const FIELDS = ['name', 'expiresInDays'] as const;

/** Name and expiry of a new token; the created token goes to `onCreated` to be shown once. */
export function CreateTokenModal({ onCreated, onCancel }: { onCreated: (token: ApiTokenCreated) => void; onCancel: () => void }) {
  const [form] = Form.useForm<ApiTokenCreateInput>();
  return (
    <FormModal title="创建 API 令牌" okText="创建" form={form} fields={FIELDS} onCancel={onCancel} onSave={async (values) => onCreated(await tokensApi.create(values))}>
      <Form form={form} layout="vertical" initialValues={{ expiresInDays: 90 }} requiredMark={false}>
        <Form.Item
          name="name"
          label="令牌名称"
          extra="说明令牌的用途，例如“统计局数据同步脚本”，便于日后辨认和撤销。"
          rules={[{ required: true, whitespace: true, message: '请填写令牌名称' }, { max: TOKEN_NAME_MAX, message: `令牌名称不能超过 ${TOKEN_NAME_MAX} 个字` }]}
        >
          <Input maxLength={TOKEN_NAME_MAX} showCount autoFocus />
        </Form.Item>
        <Form.Item name="expiresInDays" label="有效期" extra="到期后令牌自动失效；最长 1 年。" rules={[{ required: true, message: '请选择有效期' }]}>
          <Select options={EXPIRY_OPTIONS} aria-label="有效期" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
