import { Alert, App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import type { FormDto } from '../../../shared/api/evaluation';
import { fullMarks, totalScore } from '../../../shared/evaluation/scoring';
import { ApiRequestError, errorMessage } from '../../http/client';
import { evaluationApi } from './api';
import { criterionLabel, score } from './labels';

interface Values {
  scores: Record<string, number | null>;
  comment: string;
  reason: string;
}

/** The 评估组's score per criterion and comment, or a return for more evidence with its reason. */
export function ReviewPanel({ form: f, onSaved }: { form: FormDto; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scores = Form.useWatch('scores', form) ?? {};
  const total = totalScore(f.round.criteria, Object.fromEntries(Object.entries(scores).filter(([, v]) => typeof v === 'number')) as Record<string, number>);

  const act = async (action: 'review' | 'return') => {
    const values = form.getFieldsValue(true) as Values;
    setSaving(true);
    setError(null);
    try {
      if (action === 'review') {
        const given = Object.fromEntries(Object.entries(values.scores ?? {}).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
        await evaluationApi.review(f.id, { action, scores: given, comment: values.comment ?? '' });
        message.success('评审已保存');
      } else {
        await evaluationApi.review(f.id, { action, reason: values.reason ?? '' });
        message.success('已退回单位补充材料');
      }
      onSaved();
    } catch (e) {
      setError(e instanceof ApiRequestError && e.details.length ? e.details.map((d) => d.message).join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ scores: f.reviewScores ?? f.selfScores ?? {}, comment: f.reviewComment ?? '', reason: '' }}>
      {error && <Alert className="form-error" type="error" showIcon title="未能办理" description={error} style={{ marginBottom: 12 }} />}
      <Form.Item label={`评估组打分（合计 ${score(total)} / 100，默认为单位自评分）`} required>
        <Space wrap>
          {f.round.criteria.map((c) => (
            <Form.Item key={c.key} name={['scores', c.key]} label={criterionLabel(c)} style={{ marginBottom: 0 }}>
              <InputNumber<number> min={0} max={fullMarks(c)} step={0.5} aria-label={`评估组${c.label}`} style={{ width: 120 }} />
            </Form.Item>
          ))}
        </Space>
      </Form.Item>
      <Form.Item name="comment" label="评审意见"><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      <Button type="primary" loading={saving} onClick={() => void act('review')} style={{ marginBottom: 16 }}>保存评审</Button>
      {f.state === 'submitted' && (
        <>
          <Form.Item name="reason" label="退回补充材料的理由"><Input.TextArea rows={2} maxLength={2000} placeholder="如：请补充分区县统计表" /></Form.Item>
          <Button danger loading={saving} onClick={() => void act('return')}>退回补充材料</Button>
        </>
      )}
    </Form>
  );
}
