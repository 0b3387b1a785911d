import { Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { analyticsApi, type WarningDto } from '../api';

interface AcknowledgeForm {
  comment: string;
}

const FIELDS = ['comment'];

/** 确认预警 (one or several with the same note): asks what was done about it. Mount it only while open. */
export function AcknowledgeModal({ warnings, onClose, onDone }: { warnings: WarningDto[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<AcknowledgeForm>();
  const save = async ({ comment }: AcknowledgeForm) => {
    await analyticsApi.acknowledge(warnings.map((w) => w.key), comment.trim());
    onDone();
  };
  return (
    <FormModal title={warnings.length > 1 ? `确认预警（${warnings.length} 条）` : '确认预警'} form={form} fields={FIELDS} onSave={save} onCancel={onClose} okText="确认">
      {warnings.length === 1 && (
        <p className="ack-intro">
          {warnings[0]!.orgUnit.name}
          {warnings[0]!.indicator ? ` · ${warnings[0]!.indicator.name}` : warnings[0]!.department ? ` · ${warnings[0]!.department}` : ''}：{warnings[0]!.reason}
        </p>
      )}
      <Form<AcknowledgeForm> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          label="处理说明"
          name="comment"
          rules={[
            { required: true, whitespace: true, message: '请填写处理说明' },
            { max: 500, message: '说明不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：已核实原因，已督促责任单位整改" showCount maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
