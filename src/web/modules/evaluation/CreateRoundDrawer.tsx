import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PlanSummaryDto } from '../../../shared/api/plans';
import { criteriaProblems, DEFAULT_CRITERIA, type Criterion } from '../../../shared/evaluation/scoring';
import { ApiRequestError, errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { plansUrls } from '../plans/api';
import { evaluationApi, evaluationUrls, type CandidatesDto } from './api';

interface Values {
  planId: number;
  milestone: number;
  title?: string;
  criteria: { label: string; weight: number }[];
  selfDueOn: Dayjs;
  reviewDueOn: Dayjs;
  departmentIds: number[];
  committeeUnitIds: number[];
}

/** A criterion's key: the default's where the label is the default's, else its row. */
const keyOf = (label: string, i: number) => DEFAULT_CRITERIA.find((c) => c.label === label.trim())?.key ?? `c${i + 1}`;

/** Starts a mid-term or final round: plan, year, criteria and weights, timetable, participants (all candidates by default). */
export function CreateRoundDrawer({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const plans = useApiGet<PlanSummaryDto[]>(plansUrls.list);
  const planId = Form.useWatch('planId', form);
  const criteria = Form.useWatch('criteria', form) ?? [];
  const candidates = useApiGet<CandidatesDto>(planId ? evaluationUrls.candidates(planId) : null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sum = criteria.reduce((s, c) => s + (c?.weight ?? 0), 0);

  const c = candidates.data?.plan.id === planId ? candidates.data : undefined;
  // Participants and the year belong to the plan: every candidate and the first year, once they load.
  useEffect(() => {
    if (c) form.setFieldsValue({ departmentIds: c.departments.map((d) => d.department.id), committeeUnitIds: c.committees.map((u) => u.orgUnit.id), milestone: c.milestones[0] });
  }, [c, form]);

  const submit = async (values: Values) => {
    const list: Criterion[] = values.criteria.map((x, i) => ({ key: keyOf(x.label, i), label: x.label.trim(), weight: x.weight }));
    const problems = criteriaProblems(list);
    if (problems.length) return setError(problems.join('；'));
    setSaving(true);
    setError(null);
    try {
      const round = await evaluationApi.create({
        planId: values.planId, milestone: values.milestone, title: values.title?.trim() || undefined, criteria: list,
        selfDueOn: values.selfDueOn.format('YYYY-MM-DD'), reviewDueOn: values.reviewDueOn.format('YYYY-MM-DD'),
        departmentIds: values.departmentIds ?? [], committeeUnitIds: values.committeeUnitIds ?? [],
      });
      message.success(`已发起“${round.title}”，生成自评表 ${round.counts.total} 份`);
      navigate(`/evaluation/rounds/${round.id}`);
    } catch (e) {
      setError(e instanceof ApiRequestError && e.details.length ? e.details.map((d) => d.message).join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open size={640} title="发起规划评估" onClose={onClose} destroyOnHidden
      footer={<Space className="drawer-footer"><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>发起评估</Button></Space>}
    >
      {error && <Alert className="form-error" type="error" showIcon title="评估未能发起" description={error} />}
      <Form<Values> form={form} layout="vertical" requiredMark onFinish={submit}
        initialValues={{ criteria: DEFAULT_CRITERIA.map(({ label, weight }) => ({ label, weight })), selfDueOn: dayjs().add(2, 'month'), reviewDueOn: dayjs().add(4, 'month') }}
      >
        <Form.Item name="planId" label="规划" rules={[{ required: true, message: '请选择规划' }]}>
          <Select<number> loading={plans.loading} placeholder="选择要评估的规划"
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.orgUnit.name}）` }))} />
        </Form.Item>
        <Form.Item name="milestone" label="评估年度" rules={[{ required: true, message: '请选择评估年度' }]} extra="规划期末年份为终期评估，其余为中期评估。">
          <Select<number> disabled={!c} options={(c?.milestones ?? []).map((y) => ({ value: y, label: `${y} 年（${y === c?.plan.periodEnd ? '终期' : '中期'}评估）` }))} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="title" label="评估名称" extra="不填则为“《规划名称》中期评估（2025 年）”。">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={`评估内容与分值（合计 ${sum} 分，应为 100 分）`} required validateStatus={sum === 100 ? undefined : 'warning'}>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: `请填写第 ${i + 1} 项名称` }]}>
                      <Input placeholder="评估内容" aria-label={`第 ${i + 1} 项评估内容`} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} rules={[{ required: true, message: '请填写分值' }]}>
                      <InputNumber<number> min={1} max={100} precision={0} suffix="分" aria-label={`第 ${i + 1} 项分值`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除" disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ label: '', weight: 0 })}>添加评估内容</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Space>
          <Form.Item name="selfDueOn" label="自评截止" rules={[{ required: true, message: '请选择自评截止日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="reviewDueOn" label="评审截止" rules={[{ required: true, message: '请选择评审截止日期' }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="departmentIds" label={`参评成员单位${c ? `（牵头本规划目标指标的 ${c.departments.length} 个单位）` : ''}`}>
          <Checkbox.Group options={(c?.departments ?? []).map((d) => ({ value: d.department.id, label: `${d.department.name}（${d.goals} 项目标）` }))} />
        </Form.Item>
        <Form.Item name="committeeUnitIds" label="参评下级妇儿工委（对规划全部目标自评）">
          <Checkbox.Group options={(c?.committees ?? []).map((u) => ({ value: u.orgUnit.id, label: u.orgUnit.name }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
