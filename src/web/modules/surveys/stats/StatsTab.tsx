import { DownloadOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ChoiceChart } from '../../../../shared/charts/surveys';
import { allQuestions } from '../../../../shared/surveys/model';
import { LoadError } from '../../../components/LoadError';
import { useApiGet } from '../../../http/useApiGet';
import { chartsParam, surveyUrls, type StatsDto, type SurveyDto } from '../api';
import { QuestionStatsCard } from './QuestionStatsCard';

/** Refreshed this often while the page is open: statistics follow answers as they arrive. */
const REFRESH_MS = 15_000;

export function StatsTab({ survey }: { survey: SurveyDto }) {
  const [filterQuestion, setFilterQuestion] = useState<string>();
  const [filterKeys, setFilterKeys] = useState<string[]>([]);
  const [rows, setRows] = useState<string>();
  const [columns, setColumns] = useState<string>();
  // Bar or pie per choice question, as picked here; the report draws the same.
  const [charts, setCharts] = useState<Record<string, ChoiceChart>>({});
  const params = { filter: filterQuestion && filterKeys.length ? `${filterQuestion}:${filterKeys.join(',')}` : undefined, rows, columns: rows ? columns : undefined };
  const { data, error, reload, loading } = useApiGet<StatsDto>(surveyUrls.stats(survey.id, params));
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const countable = useMemo(() => allQuestions(survey.definition).filter((q) => ['single', 'multiple', 'rating', 'region'].includes(q.type)), [survey.definition]);
  const filterCategories = data?.questions.find((q) => q.code === filterQuestion);
  if (error) return <LoadError error={error} onRetry={reload} />;
  const qOptions = countable.map((q) => ({ value: q.code, label: `${q.code} ${q.title}` }));
  return (
    <div className="survey-stats">
      <Card size="small">
        <Space wrap>
          <span>筛选：</span>
          <Select aria-label="筛选题目" allowClear placeholder="全部答卷" style={{ width: 220 }} value={filterQuestion} options={qOptions} onChange={(v?: string) => { setFilterQuestion(v); setFilterKeys([]); }} />
          {filterCategories?.kind === 'choice' && (
            <Select aria-label="筛选选项" mode="multiple" style={{ minWidth: 200 }} placeholder="选择选项" value={filterKeys} options={filterCategories.categories.map((c) => ({ value: c.key, label: c.label }))} onChange={setFilterKeys} />
          )}
          <span>交叉分析：</span>
          <Select aria-label="交叉分析的题目" allowClear placeholder="题目" style={{ width: 200 }} value={rows} options={qOptions} onChange={setRows} />
          <span>按</span>
          <Select aria-label="交叉分析的分组" allowClear placeholder="分组（如地区、性别）" style={{ width: 200 }} value={columns} options={qOptions} onChange={setColumns} />
          <Button icon={<ReloadOutlined />} loading={loading} onClick={reload}>刷新</Button>
        </Space>
        <div className="survey-stats__head">
          <Typography.Text strong>{data ? `共 ${data.total.toLocaleString('zh-CN')} 份答卷${params.filter ? `，筛选后 ${data.responses.toLocaleString('zh-CN')} 份` : ''}` : '正在统计…'}</Typography.Text>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={surveyUrls.responses(survey.id, 'xlsx')}>原始答卷 xlsx</Button>
            <Button icon={<DownloadOutlined />} href={surveyUrls.responses(survey.id, 'csv', 'labels')}>CSV（文字）</Button>
            <Button icon={<DownloadOutlined />} href={surveyUrls.responses(survey.id, 'csv', 'codes')}>CSV（编码）</Button>
            <Button icon={<DownloadOutlined />} href={surveyUrls.summary(survey.id, params)}>统计汇总 xlsx</Button>
            <Button icon={<FileWordOutlined />} href={surveyUrls.report(survey.id, { ...params, charts: chartsParam(charts) })}>调查报告 docx</Button>
          </Space>
        </div>
      </Card>
      {data?.crossTab && <CrossTable data={data} />}
      {data && data.total === 0 && <Empty description="还没有答卷" />}
      {data && data.total > 0 && data.questions.map((q, i) => <QuestionStatsCard key={q.code} stats={q} index={i} chart={charts[q.code]} onChart={(code, chart) => setCharts((c) => ({ ...c, [code]: chart }))} />)}
    </div>
  );
}

function CrossTable({ data }: { data: StatsDto }) {
  const t = data.crossTab!;
  const title = (code: string) => data.questions.find((q) => q.code === code)?.title ?? code;
  return (
    <Card size="small" title={`交叉分析：${title(t.rowQuestion)} × ${title(t.columnQuestion)}`} className="survey-crosstab">
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={(r) => r.key}
        dataSource={t.rows.map((r, i) => ({ ...r, i }))}
        columns={[
          { title: title(t.rowQuestion), dataIndex: 'label', fixed: 'left' },
          ...t.columns.map((c, ci) => ({
            title: `${c.label}（${c.total}）`,
            key: c.key,
            align: 'right' as const,
            render: (_: unknown, r: { i: number }) => `${t.counts[r.i]![ci]}（${(t.shares[r.i]![ci]! * 100).toFixed(1)}%）`,
          })),
        ]}
      />
    </Card>
  );
}
