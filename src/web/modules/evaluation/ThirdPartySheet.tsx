import { App, Alert, Button, Input, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import type { ThirdPartySheetDto } from '../../../shared/api/evaluationEvaluators';
import { fullMarks, totalScore } from '../../../shared/evaluation/scoring';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { ApiRequestError, errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { evaluationApi, evaluationUrls } from './api';
import { goalLabel, score } from './labels';

type Row = ThirdPartySheetDto['goals'][number];
type Draft = { scores: Record<string, number | null>; comment: string };

/** The signed-in third-party evaluator's own score per criterion and comment on each goal, kept apart from the 评估组's. */
export function ThirdPartySheet({ roundId }: { roundId: number }) {
  const { data, error, loading, reload } = useApiGet<ThirdPartySheetDto>(evaluationUrls.thirdParty(roundId));
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [saving, setSaving] = useState<number | null>(null);
  const { message } = App.useApp();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const sheet = data!;
  const draftOf = (r: Row): Draft => drafts[r.goal.id] ?? { scores: r.scores ?? {}, comment: r.comment };
  const change = (r: Row, next: Partial<Draft>) => setDrafts((d) => ({ ...d, [r.goal.id]: { ...draftOf(r), ...next } }));
  const given = (d: Draft) => Object.fromEntries(Object.entries(d.scores).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  const save = async (r: Row) => {
    const d = draftOf(r);
    setSaving(r.goal.id);
    try {
      await evaluationApi.scoreThirdParty(roundId, r.goal.id, { scores: given(d), comment: d.comment });
      setDrafts(({ [r.goal.id]: _, ...rest }) => rest);
      message.success(`已保存${goalLabel(r.goal)}的评分`);
      reload();
    } catch (e) {
      message.error(e instanceof ApiRequestError && e.details.length ? e.details.map((x) => x.message).join('；') : errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title={`${sheet.evaluator.organisation} ${sheet.evaluator.displayName}：请对各目标逐项打分并写评价意见（第三方评估，与评估组评分分开统计）。账号有效期至 ${sheet.evaluator.expiresOn}。`} />
      <Table<Row> rowKey={(r) => r.goal.id} dataSource={sheet.goals} pagination={false} size="small"
        columns={[
          { title: '目标', key: 'goal', render: (_, r) => <><div className="text-muted">{goalLabel(r.goal)}</div>{r.goal.text}</> },
          {
            title: '第三方评分', key: 'scores', width: 380, render: (_, r) => (
              <Space wrap size={4}>
                {r.criteria.map((c) => (
                  <InputNumber<number> key={c.key} size="small" min={0} max={fullMarks(c)} step={0.5} disabled={!sheet.canScore} style={{ width: 118 }}
                    aria-label={`${goalLabel(r.goal)} ${c.label}`} placeholder={`${c.label}/${fullMarks(c)}`} value={draftOf(r).scores[c.key] ?? null}
                    onChange={(v) => change(r, { scores: { ...draftOf(r).scores, [c.key]: v } })} />
                ))}
                <span>合计 {score(totalScore(r.criteria, given(draftOf(r))))}</span>
              </Space>
            ),
          },
          { title: '评价意见', key: 'comment', width: 260, render: (_, r) => <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} disabled={!sheet.canScore} aria-label={`${goalLabel(r.goal)} 评价意见`} value={draftOf(r).comment} onChange={(e) => change(r, { comment: e.target.value })} /> },
          { title: '', key: 'save', width: 80, render: (_, r) => sheet.canScore && <Button size="small" type={drafts[r.goal.id] ? 'primary' : 'default'} loading={saving === r.goal.id} onClick={() => void save(r)} aria-label={`保存${goalLabel(r.goal)}`}>保存</Button> },
        ]}
      />
    </>
  );
}
