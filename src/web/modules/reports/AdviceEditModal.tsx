import { Button, Form, Input, Modal } from 'antd';
import { ADVICE_LIMITS, type EvaluationContentDto } from '../../../shared/api/reports';
import { useWordingSave } from './useWordingSave';

/** One paragraph per line, as the office writes the 意见建议. */
const fromLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** Edits an evaluation report's 意见建议; “恢复生成的文字” goes back to what the results suggest. */
export function AdviceEditModal({ content, onSave, onClose }: {
  content: EvaluationContentDto;
  onSave: (advice: string[] | null) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ advice: string }>();
  const { busy, save: run } = useWordingSave(onClose);
  const save = async (restore: boolean) => {
    const values = restore ? null : await form.validateFields();
    await run(() => onSave(values ? fromLines(values.advice) : null), restore);
  };
  return (
    <Modal
      open
      width={720}
      title="修改意见建议"
      onCancel={onClose}
      footer={[
        content.adviceEdited && <Button key="restore" onClick={() => save(true)} disabled={busy}>恢复生成的文字</Button>,
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => save(false)}>保存</Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ advice: content.advice.join('\n') }}>
        <Form.Item
          name="advice"
          label="意见建议（每行一段）"
          extra={`生成的文字：${content.generatedAdvice.join('')}`}
          rules={[
            { validator: (_, v: string) => (fromLines(v ?? '').length ? Promise.resolve() : Promise.reject(new Error('至少保留一段'))) },
            { validator: (_, v: string) => (fromLines(v ?? '').length <= ADVICE_LIMITS.paragraphs ? Promise.resolve() : Promise.reject(new Error(`最多 ${ADVICE_LIMITS.paragraphs} 段`))) },
            { validator: (_, v: string) => (fromLines(v ?? '').every((s) => s.length <= ADVICE_LIMITS.paragraph) ? Promise.resolve() : Promise.reject(new Error(`每段不能超过 ${ADVICE_LIMITS.paragraph} 个字`))) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} aria-label="意见建议" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
