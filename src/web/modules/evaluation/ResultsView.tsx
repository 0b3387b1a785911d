import { Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import { ATTAINMENT_LABELS } from '../../../shared/evaluation/attainment';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { evaluationUrls, type ResultsDto } from './api';
import { AttainmentTag, goalLabel, percent, score } from './labels';

type AreaRow = ResultsDto['areas'][number];
type GoalRow = ResultsDto['goals'][number];
type UnitRow = ResultsDto['units'][number];
type NotMetRow = ResultsDto['notMet'][number];

/** A round's results: 达标率 and scores (under the round's weights) of the plan and its areas, each goal, the units ranked by the 评估组's score, the goals not met with 整改. */
export function ResultsView({ roundId }: { roundId: number }) {
  const { data, error, loading, reload } = useApiGet<ResultsDto>(evaluationUrls.results(roundId));
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const r = data!;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Card size="small"><Statistic title="目标达标率" value={percent(r.overall.rate)} /><div className="text-muted">达标 {r.overall.met} / 可评估 {r.overall.assessable} 项</div></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="规划总分（评估组）" value={score(r.score.review)} /><div className="text-muted">自评 {score(r.score.self)} 分，按“评估权重”计算</div></Card></Col>
      </Row>
      <section aria-label="各领域达标率和得分">
        <h3>各领域达标率和得分</h3>
        <Table<AreaRow> rowKey="id" dataSource={r.areas} pagination={false} size="small" style={{ marginBottom: 24 }}
          columns={[
            { title: '领域', dataIndex: 'title' },
            { title: '达标率', key: 'rate', width: 180, align: 'right', render: (_, a) => `${percent(a.rate.rate)}（${a.rate.met} / ${a.rate.assessable} 项）` },
            { title: '总分权重', key: 'weight', width: 100, align: 'right', render: (_, a) => a.weight },
            { title: '自评得分', key: 's', width: 90, align: 'right', render: (_, a) => score(a.selfScore) },
            { title: '评估组得分', key: 'r', width: 100, align: 'right', render: (_, a) => score(a.reviewScore) },
          ]}
        />
      </section>
      <h3>各目标达标情况</h3>
      {r.thirdParty.length > 0 && (
        <p className="text-muted">第三方评估：{r.thirdParty.map((e) => `${e.organisation}（${e.name}，评 ${e.scored} 项目标，平均 ${score(e.mean)} 分）`).join('；')}</p>
      )}
      <Table<GoalRow> rowKey={(g) => g.goal.id} dataSource={r.goals} pagination={false} size="small" style={{ marginBottom: 24 }}
        columns={[
          { title: '目标', key: 'goal', render: (_, g) => <><div className="text-muted">{goalLabel(g.goal)}</div>{g.goal.text}</> },
          { title: '达标情况', key: 'a', width: 100, render: (_, g) => <AttainmentTag attainment={g.attainment} /> },
          { title: '自评得分', key: 's', width: 90, align: 'right', render: (_, g) => score(g.selfScore) },
          { title: '评估组得分', key: 'r', width: 100, align: 'right', render: (_, g) => score(g.reviewScore) },
          { title: '第三方评估', key: 't', width: 100, align: 'right', render: (_, g) => score(g.thirdPartyScore) },
          { title: '参评单位', key: 'u', width: 220, render: (_, g) => g.units.join('、') || '—' },
        ]}
      />
      <h3>单位得分与排名（目标管理责任制考核）</h3>
      <Table<UnitRow> rowKey={(u) => u.participant.id} dataSource={r.units} pagination={false} size="small" style={{ marginBottom: 24 }}
        columns={[
          { title: '排名', key: 'rank', width: 70, align: 'center', render: (_, u) => u.rank ?? '—' },
          { title: '参评单位', key: 'p', render: (_, u) => u.participant.label },
          { title: '自评表', key: 'f', width: 200, render: (_, u) => `${u.forms} 份，已提交 ${u.submitted}，已评审 ${u.reviewed}` },
          { title: '自评平均分', key: 's', width: 110, align: 'right', render: (_, u) => score(u.selfScore) },
          { title: '评估组平均分', key: 'r', width: 120, align: 'right', render: (_, u) => score(u.reviewScore) },
          { title: '督导检查', key: 'c', width: 220, render: (_, u) => (u.checks.visits ? `${u.checks.visits} 次，整改要求 ${u.checks.requests} 条（已答复 ${u.checks.answered}${u.checks.overdue ? `，逾期 ${u.checks.overdue}` : ''}）` : '—') },
        ]}
      />
      <h3>未完全达标的目标及整改</h3>
      <Table<NotMetRow> rowKey="formId" dataSource={r.notMet} pagination={false} size="small" locale={{ emptyText: '没有自评为未达标或基本达标的目标' }}
        columns={[
          { title: '目标', key: 'goal', render: (_, n) => <Link to={`/evaluation/forms/${n.formId}`}>{n.goal.text}</Link> },
          { title: '单位', key: 'p', width: 160, render: (_, n) => n.participant.label },
          { title: '自评', key: 'a', width: 90, render: (_, n) => ATTAINMENT_LABELS[n.attainment] },
          { title: '存在问题及原因', dataIndex: 'problems' },
          { title: '整改措施及承诺', dataIndex: 'rectification' },
        ]}
      />
    </>
  );
}
