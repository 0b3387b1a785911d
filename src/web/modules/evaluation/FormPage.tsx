import { Alert, Card, Descriptions, Table, Timeline } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { FormDto } from '../../../shared/api/evaluation';
import { ATTAINMENT_LABELS } from '../../../shared/evaluation/attainment';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { StatusTag } from '../analytics/StatusTag';
import { evaluationUrls } from './api';
import { fullMarks } from '../../../shared/evaluation/scoring';
import { AttainmentTag, FormStateTag, goalLabel, score, weightNote } from './labels';
import { ReviewPanel } from './ReviewPanel';
import { SelfEvaluationForm } from './SelfEvaluationForm';

const EVENT_LABELS: Record<FormDto['events'][number]['action'], string> = { save: '保存', submit: '提交', return: '退回', review: '评审' };

/** One self-evaluation: the goal's data, the unit's answer (editable while a draft or returned), the 评估组's review. */
export default function FormPage() {
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useApiGet<FormDto>(evaluationUrls.form(id));
  useDemoData(data?.isDemo ?? false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const f = data!;
  const scores = (which: 'selfScores' | 'reviewScores') => f.round.criteria.map((c) => `${c.label} ${score(f[which]?.[c.key] ?? null)}/${fullMarks(c)}${weightNote(c) && `（${weightNote(c)}）`}`).join('，');
  return (
    <>
      <PageHeader breadcrumb={<><Link to="/evaluation">规划评估</Link> / <Link to={`/evaluation/rounds/${f.round.id}`}>{f.round.title}</Link></>} title={`${f.participant.label}自评：${goalLabel(f.goal)}`} description={f.goal.text} />
      {f.round.state === 'closed' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本次评估已结束，自评表和评审结果均为只读" />}
      {f.round.state === 'open' && f.state === 'returned' && f.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="评估组退回，请补充后重新提交" description={f.returnReason} />}
      <Card size="small" title={<>数据给出的达标建议：<AttainmentTag attainment={f.suggested} /></>} style={{ marginBottom: 16 }}>
        <Table rowKey={(r) => `${r.indicatorId}-${r.targetYear}`} dataSource={f.indicators} pagination={false} size="small" locale={{ emptyText: '本目标没有关联指标，请根据工作情况自评' }}
          columns={[
            { title: '指标', dataIndex: 'name' },
            { title: '目标', key: 't', width: 160, render: (_, r) => (r.targetYear ? `${r.targetYear} 年 ${r.target}` : r.target) },
            { title: '进展', key: 's', width: 110, render: (_, r) => <StatusTag status={r.status} /> },
          ]}
        />
        <div className="text-muted" style={{ marginTop: 8 }}>按监测分析的评估：全部目标已实现为达标；半数以上已实现、其余进展顺利为基本达标；中期评估时向 {f.round.milestone} 年以后目标进展顺利的视为达标。</div>
      </Card>
      {f.canEdit ? (
        <SelfEvaluationForm form={f} onSaved={reload} />
      ) : (
        <Card size="small" title={<>单位自评 <FormStateTag state={f.state} /></>} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}
            items={[
              { key: 'a', label: '达标情况', children: <><AttainmentTag attainment={f.attainment} />{f.attainmentReason && `（与数据建议“${ATTAINMENT_LABELS[f.suggested]}”不同：${f.attainmentReason}）`}</> },
              { key: 'e', label: '佐证说明', children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.evidence || '—'}</div> },
              { key: 'f', label: '佐证材料', children: f.attachments.length ? f.attachments.map((a) => <div key={a.id}><a href={a.url} target="_blank" rel="noreferrer">{a.name}</a></div>) : '—' },
              ...(f.problems ? [{ key: 'p', label: '存在问题及原因', children: f.problems }] : []),
              ...(f.rectification ? [{ key: 'r', label: '整改措施及承诺', children: f.rectification }] : []),
              { key: 's', label: `自评得分 ${score(f.selfTotal)}`, children: scores('selfScores') },
            ]}
          />
        </Card>
      )}
      {(f.state === 'reviewed' || f.canReview) && (
        <Card size="small" title="评估组评审" style={{ marginBottom: 16 }}>
          {f.state === 'reviewed' && (
            <Descriptions size="small" column={1} style={{ marginBottom: f.canReview ? 16 : 0 }}
              items={[
                { key: 's', label: `评估组得分 ${score(f.reviewTotal)}`, children: scores('reviewScores') },
                { key: 'c', label: '评审意见', children: f.reviewComment || '—' },
                { key: 'b', label: '评审人', children: `${f.reviewedBy ?? '—'} ${f.reviewedAt?.slice(0, 10) ?? ''}` },
              ]}
            />
          )}
          {f.canReview && <ReviewPanel form={f} onSaved={reload} />}
        </Card>
      )}
      {f.events.length > 0 && (
        <Card size="small" title="办理记录">
          <Timeline items={f.events.map((e, i) => ({ key: i, content: `${e.at.slice(0, 16).replace('T', ' ')} ${e.actor ?? ''} ${EVENT_LABELS[e.action]}：${e.text}` }))} />
        </Card>
      )}
    </>
  );
}
