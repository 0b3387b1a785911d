import { App, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FeedRow } from '../../../shared/api/surveys';
import { allQuestions } from '../../../shared/surveys/model';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { surveysApi, surveyUrls, type FeedDto, type FeedInput, type SurveyDto } from './api';

const STATUS: Record<FeedRow['status'], { color: string; label: string }> = {
  ready: { color: 'blue', label: '可写入' },
  written: { color: 'green', label: '已写入' },
  small: { color: 'default', label: '样本不足' },
  refused: { color: 'red', label: '不能写入' },
};

/** Survey results as indicator values: which question and answers, for which indicator and year, per unit. */
export function FeedsTab({ survey }: { survey: SurveyDto }) {
  const { data, error, reload } = useApiGet<FeedDto[]>(surveyUrls.feeds(survey.id));
  const [shown, setShown] = useState<FeedDto[] | null>(null);
  const { message } = App.useApp();
  const feeds = shown ?? data;
  if (error) return <LoadError error={error} onRetry={reload} />;
  const write = async (feed: FeedDto) => {
    try {
      const done = await surveysApi.writeFeed(survey.id, feed.id);
      setShown((feeds ?? []).map((f) => (f.id === done.id ? done : f)));
      const n = done.rows.filter((r) => r.status === 'written').length;
      message.success(`已写入 ${n} 个单位的“${done.indicator.name}”`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        把一道题中选择某些选项（如“知道”）的人占有效回答的比例，作为指标的年度值写入：按“所在地区”题分到各区县，全部答卷计入问卷所属单位。
        写入走与网页填报相同的规则（须有包含该指标的填报任务且未锁定，由统计监测组写入，修改留痕），数据说明中注明“问卷调查”和有效样本量。
      </Typography.Paragraph>
      {(feeds ?? []).map((f) => (
        <Card key={f.id} size="small" title={`${f.questionCode} → ${f.indicator.name}（${f.year}年）`} className="survey-feed"
          extra={
            <Space>
              <Button type="primary" onClick={() => void write(f)}>写入指标</Button>
              <Popconfirm title="删除这个对应关系？已写入的指标值保留。" okText="删除" cancelText="取消" onConfirm={() => void surveysApi.removeFeed(survey.id, f.id).then(() => { setShown(null); reload(); })}>
                <Button danger>删除</Button>
              </Popconfirm>
            </Space>
          }>
          <Typography.Text type="secondary">计入的选项：{f.optionKeys.map((k) => allQuestions(survey.definition).find((q) => q.code === f.questionCode)?.options?.find((o) => o.code === k)?.label ?? k).join('、')}；有效样本少于 {f.minSample} 份的单位不写入</Typography.Text>
          <Table<FeedRow>
            size="small"
            rowKey={(r) => r.orgUnit.id}
            pagination={false}
            dataSource={f.rows}
            columns={[
              { title: '单位', dataIndex: ['orgUnit', 'name'] },
              { title: '知晓人数', dataIndex: 'positive', align: 'right' },
              { title: '有效样本', dataIndex: 'sampleSize', align: 'right' },
              { title: '比例（%）', dataIndex: 'value', align: 'right', render: (v: number | null) => v ?? '—' },
              { title: '状态', dataIndex: 'status', render: (s: FeedRow['status'], r) => <><Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>{r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}</> },
              { title: '上次写入', dataIndex: 'stored', render: (s: FeedRow['stored']) => (s ? `${s.value}%（样本 ${s.sampleSize}，${s.writtenAt.slice(0, 16).replace('T', ' ')}）` : '—') },
            ]}
          />
        </Card>
      ))}
      <NewFeed survey={survey} onAdded={(list) => setShown(list)} />
    </Space>
  );
}

function NewFeed({ survey, onAdded }: { survey: SurveyDto; onAdded: (feeds: FeedDto[]) => void }) {
  const { data: indicators } = useApiGet<{ id: number; code: string; name: string; unit: string | null }[]>('/api/indicators');
  const [form] = Form.useForm<FeedInput>();
  const question = Form.useWatch('questionCode', form);
  const { message } = App.useApp();
  const questions = allQuestions(survey.definition);
  const choice = questions.filter((q) => q.type === 'single' || q.type === 'multiple');
  const add = async () => {
    const v = await form.validateFields();
    try {
      onAdded(await surveysApi.addFeed(survey.id, { ...v, regionQuestionCode: v.regionQuestionCode ?? null }));
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title="新建指标对应">
      <Form form={form} layout="inline" initialValues={{ year: new Date().getFullYear() - 1, minSample: 30, regionQuestionCode: questions.find((q) => q.type === 'region')?.code }}>
        <Form.Item name="questionCode" label="题目" rules={[{ required: true, message: '请选择题目' }]}>
          <Select style={{ width: 220 }} options={choice.map((q) => ({ value: q.code, label: `${q.code} ${q.title}` }))} />
        </Form.Item>
        <Form.Item name="optionKeys" label="计入的选项" rules={[{ required: true, message: '请选择' }]}>
          <Select mode="multiple" style={{ minWidth: 160 }} options={(choice.find((q) => q.code === question)?.options ?? []).map((o) => ({ value: o.code, label: o.label }))} />
        </Form.Item>
        <Form.Item name="regionQuestionCode" label="分地区">
          <Select allowClear style={{ width: 160 }} placeholder="不分地区" options={questions.filter((q) => q.type === 'region').map((q) => ({ value: q.code, label: `${q.code} ${q.title}` }))} />
        </Form.Item>
        <Form.Item name="indicatorId" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={(indicators ?? []).filter((i) => i.unit === '%').map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="year" label="年份" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="minSample" label="最少样本" rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <Button onClick={() => void add()}>添加</Button>
      </Form>
    </Card>
  );
}
