import { Button, Form, Input, Modal } from 'antd';
import { FINDING_LIMITS, type ReportFindingDto } from '../../../shared/api/reports';
import { useWordingSave } from './useWordingSave';

interface Values {
  headline: string;
  sentences: string;
  note: string;
}

/** One sentence per line: how the office reads and writes a finding's paragraph. */
const toLines = (sentences: readonly string[]) => sentences.join('\n');
const fromLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** Edits a finding's headline, sentences and note; “恢复生成的文字” goes back to what the data says. */
export function FindingEditModal({ finding, onSave, onClose }: {
  finding: ReportFindingDto;
  onSave: (text: { headline: string; sentences: string[] } | null, note: string | null) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { busy, save: run } = useWordingSave(onClose);
  const save = async (restore: boolean) => {
    const values = await form.validateFields();
    await run(() => onSave(restore ? null : { headline: values.headline.trim(), sentences: fromLines(values.sentences) }, values.note.trim() || null), restore);
  };
  return (
    <Modal
      open
      width={720}
      title={`修改监测结果：${finding.name}`}
      onCancel={onClose}
      footer={[
        finding.edited && <Button key="restore" onClick={() => save(true)} disabled={busy}>恢复生成的文字</Button>,
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => save(false)}>保存</Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ headline: finding.text.headline, sentences: toLines(finding.text.sentences), note: finding.note ?? '' }}>
        <Form.Item name="headline" label="标题句" rules={[{ required: true, whitespace: true, message: '请填写标题句' }, { max: FINDING_LIMITS.headline, message: `标题句不能超过 ${FINDING_LIMITS.headline} 个字` }]}>
          <Input aria-label="标题句" />
        </Form.Item>
        <Form.Item
          name="sentences"
          label="正文（每行一句）"
          extra={`生成的文字：${finding.generated.sentences.join('')}`}
          rules={[
            { validator: (_, v: string) => (fromLines(v ?? '').length ? Promise.resolve() : Promise.reject(new Error('至少保留一句'))) },
            { validator: (_, v: string) => (fromLines(v ?? '').every((s) => s.length <= FINDING_LIMITS.sentence) ? Promise.resolve() : Promise.reject(new Error(`每句不能超过 ${FINDING_LIMITS.sentence} 个字`))) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} aria-label="正文" />
        </Form.Item>
        <Form.Item name="note" label="附注（印在本条之后）" rules={[{ max: FINDING_LIMITS.note, message: `附注不能超过 ${FINDING_LIMITS.note} 个字` }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} aria-label="附注" placeholder="如：数据经市卫健委复核。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
