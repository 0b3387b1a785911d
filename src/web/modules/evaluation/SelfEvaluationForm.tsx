import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Radio, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { FormDto } from '../../../shared/api/evaluation';
import { ATTAINMENT_LABELS, ATTAINMENTS, type Attainment } from '../../../shared/evaluation/attainment';
import { fullMarks, totalScore } from '../../../shared/evaluation/scoring';
import { ApiRequestError, errorMessage } from '../../http/client';
import { evaluationApi } from './api';
import { criterionLabel, score } from './labels';

interface Values {
  attainment: Attainment | null;
  attainmentReason: string;
  evidence: string;
  problems: string;
  rectification: string;
  scores: Record<string, number | null>;
}

/**
 * The unit's answer: attainment (the data's suggestion first), evidence text and files (a file attached
 * by mistake is taken off with the draft saved as it stands), problems and 整改 where not met, a score per criterion.
 */
export function SelfEvaluationForm({ form: f, onSaved }: { form: FormDto; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attainment = Form.useWatch('attainment', form);
  const scores = Form.useWatch('scores', form) ?? {};
  const given = Object.fromEntries(Object.entries(scores).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  const total = totalScore(f.round.criteria, given);
  const lacking = attainment === 'not_met' || attainment === 'partly';

  const save = async (submit: boolean, removed?: { id: number; name: string }) => {
    const values = form.getFieldsValue(true) as Values;
    setSaving(submit ? 'submit' : 'draft');
    setError(null);
    try {
      const attachmentIds: number[] = [];
      for (const file of files) attachmentIds.push((await evaluationApi.uploadEvidence(file.originFileObj as File)).id);
      await evaluationApi.save(f.id, {
        attainment: values.attainment ?? null, attainmentReason: values.attainmentReason ?? '', evidence: values.evidence ?? '',
        problems: values.problems ?? '', rectification: values.rectification ?? '',
        scores: Object.fromEntries(Object.entries(values.scores ?? {}).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
        attachmentIds, removeAttachmentIds: removed ? [removed.id] : [], submit,
      });
      setFiles([]);
      message.success(submit ? '自评已提交，等待评估组评审' : removed ? `已移除“${removed.name}”，草稿已保存` : '草稿已保存');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiRequestError && e.details.length ? e.details.map((d) => d.message).join('；') : errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card size="small" title="单位自评" style={{ marginBottom: 16 }}>
      {error && <Alert className="form-error" type="error" showIcon title="未能保存" description={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical"
        initialValues={{
          attainment: f.attainment ?? f.suggested, attainmentReason: f.attainmentReason ?? '', evidence: f.evidence, problems: f.problems, rectification: f.rectification,
          scores: f.selfScores ?? {},
        }}
      >
        <Form.Item name="attainment" label="达标情况" required>
          <Radio.Group options={ATTAINMENTS.map((a) => ({ value: a, label: a === f.suggested ? `${ATTAINMENT_LABELS[a]}（数据建议）` : ATTAINMENT_LABELS[a] }))} />
        </Form.Item>
        {attainment && attainment !== f.suggested && (
          <Form.Item name="attainmentReason" label={`与数据建议“${ATTAINMENT_LABELS[f.suggested]}”不同的理由`} required>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item name="evidence" label="佐证说明" extra="目标落实情况、主要数据和工作举措；可另附佐证材料。">
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
        <Form.Item label="佐证材料" extra="图片、PDF、Word、Excel、PowerPoint 或 ZIP，单个文件最大 10 MB。">
          {f.attachments.map((a) => (
            <div key={a.id}>
              <a href={a.url} target="_blank" rel="noreferrer">{a.name}</a>
              <Popconfirm title={`移除佐证材料“${a.name}”？`} description="同时保存当前填写的草稿。" okText="移除" cancelText="取消" okButtonProps={{ danger: true }}
                onConfirm={() => save(false, a)}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`移除佐证材料 ${a.name}`} disabled={saving !== null} />
              </Popconfirm>
            </div>
          ))}
          <Upload fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} multiple>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        {lacking && (
          <>
            <Form.Item name="problems" label="存在问题及原因" required><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
            <Form.Item name="rectification" label="整改措施及承诺" required><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          </>
        )}
        <Form.Item label={`自评打分（合计 ${score(total)} / 100）`} required>
          <Space wrap>
            {f.round.criteria.map((c) => (
              <Form.Item key={c.key} name={['scores', c.key]} label={criterionLabel(c)} style={{ marginBottom: 0 }}>
                <InputNumber<number> min={0} max={fullMarks(c)} step={0.5} aria-label={`自评${c.label}`} style={{ width: 120 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Space>
          <Button loading={saving === 'draft'} disabled={saving !== null} onClick={() => void save(false)}>保存草稿</Button>
          <Button type="primary" loading={saving === 'submit'} disabled={saving !== null} onClick={() => void save(true)}>提交自评</Button>
        </Space>
      </Form>
    </Card>
  );
}
