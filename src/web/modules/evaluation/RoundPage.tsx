import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { DraftEvaluationReportButton } from '../reports/DraftEvaluationReportButton';
import { useApiGet } from '../../http/useApiGet';
import { beijingToday } from '../../../shared/evaluation/siteChecks';
import { CloseRoundButton } from './CloseRoundButton';
import { evaluationUrls, type FormSummaryDto, type RoundDetailDto } from './api';
import { AttainmentTag, FormStateTag, goalLabel, KIND_LABELS, score } from './labels';
import { ResultsView } from './ResultsView';
import { EvaluatorsTab } from './EvaluatorsTab';
import { SiteChecksTab } from './SiteChecksTab';
import { ThirdPartySheet } from './ThirdPartySheet';
import { WeightsTab } from './WeightsTab';

/** One round: its criteria and timetable, the forms the user may see (filterable), its site checks, and for the committee roles its results. */
export default function RoundPage() {
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useApiGet<RoundDetailDto>(evaluationUrls.round(id));
  const [participant, setParticipant] = useState<number | undefined>();
  const [state, setState] = useState<FormSummaryDto['state'] | undefined>();
  // Bumped when the weights change: the results (and the forms' totals) are read anew.
  const [weightsVersion, setWeightsVersion] = useState(0);
  useDemoData(data?.isDemo ?? false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const round = data!;
  const { oversees } = round;
  const forms = round.forms.filter((f) => (participant === undefined || f.participant.id === participant) && (state === undefined || f.state === state));
  const formsTab = (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {round.participants.length > 1 && (
          <Select<number> allowClear placeholder="全部参评单位" value={participant} onChange={setParticipant} style={{ width: 220 }} aria-label="参评单位"
            options={round.participants.map((p) => ({ value: p.id, label: p.label }))} />
        )}
        <Select<FormSummaryDto['state']> allowClear placeholder="全部状态" value={state} onChange={setState} style={{ width: 140 }} aria-label="状态"
          options={[{ value: 'draft', label: '待自评' }, { value: 'returned', label: '已退回' }, { value: 'submitted', label: '待评审' }, { value: 'reviewed', label: '已评审' }]} />
      </Space>
      <Table<FormSummaryDto>
        rowKey="id"
        dataSource={forms}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="middle"
        columns={[
          { title: '目标', key: 'goal', render: (_, f) => <Link to={`/evaluation/forms/${f.id}`}><div className="text-muted">{goalLabel(f.goal)}</div>{f.goal.text}</Link> },
          { title: '参评单位', key: 'participant', width: 180, render: (_, f) => f.participant.label },
          { title: '状态', key: 'state', width: 90, render: (_, f) => <FormStateTag state={f.state} /> },
          { title: '达标情况', key: 'attainment', width: 100, render: (_, f) => <AttainmentTag attainment={f.attainment} /> },
          { title: '自评得分', key: 'self', width: 90, align: 'right', render: (_, f) => score(f.selfTotal) },
          { title: '评估组得分', key: 'review', width: 100, align: 'right', render: (_, f) => score(f.reviewTotal) },
        ]}
      />
    </>
  );
  return (
    <>
      <PageHeader breadcrumb={<Link to="/evaluation">规划评估</Link>} title={<>{round.title}{round.state === 'closed' && <Tag style={{ marginLeft: 8, verticalAlign: 'middle' }}>已结束</Tag>}</>}
        extra={oversees && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={evaluationUrls.report(round.id)} download>评估报告（Word）</Button>
            <DraftEvaluationReportButton roundId={round.id} orgUnitId={round.orgUnit.id} />
            {round.canManage && round.state === 'open' && <CloseRoundButton round={round} onClosed={reload} />}
          </Space>
        )} />
      {round.state === 'closed' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title={`本次评估已于 ${round.closedAt ? beijingToday(new Date(round.closedAt)) : ''}${round.closedBy ? ` 由${round.closedBy}` : ''}结束`}
          description="自评表、评估组评审、督导检查和第三方评分均为只读；评估结果和评估报告仍可查看、下载。" />
      )}
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}
        items={[
          { key: 'k', label: '类型', children: `${KIND_LABELS[round.kind]}（${round.milestone} 年）` },
          { key: 's', label: '自评截止', children: round.selfDueOn },
          { key: 'r', label: '评审截止', children: round.reviewDueOn },
          { key: 'c', label: '评估内容与分值', span: 3, children: `${round.criteria.map((c) => `${c.label} ${c.weight} 分`).join('，')}${oversees ? '（可按领域、目标调整，见“评估权重”）' : ''}` },
        ]}
      />
      <Tabs defaultActiveKey={round.isEvaluator ? 'third-party' : 'forms'} items={[
        ...(round.isEvaluator ? [{ key: 'third-party', label: '第三方评分', children: <ThirdPartySheet roundId={round.id} /> }] : []),
        { key: 'forms', label: `自评表（${round.counts.total}）`, children: formsTab },
        { key: 'checks', label: '督导检查', children: <SiteChecksTab round={round} /> },
        ...(oversees ? [{ key: 'weights', label: '评估权重', children: <WeightsTab roundId={round.id} onChanged={() => { setWeightsVersion((v) => v + 1); reload(); }} /> }] : []),
        ...(oversees ? [{ key: 'results', label: '评估结果', children: <ResultsView key={weightsVersion} roundId={round.id} /> }] : []),
        ...(round.canManageEvaluators ? [{ key: 'evaluators', label: '第三方评估', children: <EvaluatorsTab roundId={round.id} /> }] : []),
      ]} />
    </>
  );
}
