import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { RectificationDto, SiteCheckDto, SiteChecksDto } from '../../../shared/api/evaluationChecks';
import { RECTIFICATION_STATE_LABELS, tallyChecks } from '../../../shared/evaluation/siteChecks';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { evaluationApi, evaluationUrls, type RoundDetailDto } from './api';
import { AnswerModal, SiteCheckModal } from './SiteCheckModals';

const STATE_COLORS: Record<RectificationDto['state'], string> = { pending: 'processing', overdue: 'error', answered: 'success' };

type Editing = { kind: 'check'; check?: SiteCheckDto } | { kind: 'answer'; rectification: RectificationDto } | null;

/** 督导检查 of a round: the visits the user may see (all, or the user's own unit's), filterable by unit; recording, editing and answering. */
export function SiteChecksTab({ round }: { round: RoundDetailDto }) {
  const { data, error, loading, reload } = useApiGet<SiteChecksDto>(evaluationUrls.siteChecks(round.id));
  const [participant, setParticipant] = useState<number | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const { message } = App.useApp();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const { checks: all, canRecord } = data!;
  const checks = all.filter((c) => participant === undefined || c.participant.id === participant);
  const tally = tallyChecks(checks);
  const saved = (text: string) => () => {
    setEditing(null);
    message.success(text);
    reload();
  };
  const remove = async (c: SiteCheckDto) => {
    try {
      await evaluationApi.deleteCheck(c.id);
      message.success('已删除督导检查');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {round.participants.length > 1 && (
          <Select<number> allowClear placeholder="全部参评单位" value={participant} onChange={setParticipant} style={{ width: 240 }} aria-label="督导检查的单位"
            options={round.participants.map((p) => ({ value: p.id, label: p.label }))} />
        )}
        <span className="text-muted">
          检查 {tally.visits} 次，整改要求 {tally.requests} 条，已答复 {tally.answered} 条{tally.overdue ? `，逾期未答复 ${tally.overdue} 条` : ''}
        </span>
        {canRecord && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'check' })}>记录督导检查</Button>}
      </Space>
      {checks.length === 0 && <Empty description={canRecord ? '尚未记录督导检查' : round.oversees ? '本次评估没有督导检查记录' : '暂无对本单位的督导检查'} />}
      {checks.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 12 }} data-testid="site-check"
          title={<span>{c.visitedOn} · {c.participant.label}</span>}
          extra={c.canEdit && (
            <Space>
              <Button size="small" onClick={() => setEditing({ kind: 'check', check: c })}>修改</Button>
              <Popconfirm title="删除这次督导检查？" okText="删除" cancelText="取消" onConfirm={() => void remove(c)}>
                <Button size="small" danger>删除</Button>
              </Popconfirm>
            </Space>
          )}
        >
          <p><strong>检查人员：</strong>{c.inspectors.join('、')}{c.recordedBy && <span className="text-muted"> · 记录人：{c.recordedBy}</span>}</p>
          <p style={{ whiteSpace: 'pre-wrap' }}><strong>检查发现：</strong>{c.findings}</p>
          {c.rectifications.length > 0 && (
            <Table<RectificationDto> rowKey="id" dataSource={c.rectifications} pagination={false} size="small"
              columns={[
                { title: '整改要求', key: 'req', render: (_, r) => `${r.seq}. ${r.requirement}` },
                { title: '期限', dataIndex: 'dueOn', width: 110 },
                { title: '状态', key: 'state', width: 110, render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{RECTIFICATION_STATE_LABELS[r.state]}</Tag> },
                { title: '整改情况', key: 'answer', render: (_, r) => (r.answer ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.answer}<span className="text-muted">（{r.doneOn} 完成{r.answeredBy ? `，${r.answeredBy}答复` : ''}）</span></span> : '—') },
                ...(c.rectifications.some((r) => r.canAnswer)
                  ? [{ title: '', key: 'act', width: 90, render: (_: unknown, r: RectificationDto) => r.canAnswer && <Button size="small" onClick={() => setEditing({ kind: 'answer', rectification: r })}>{r.answer ? '修改答复' : '答复'}</Button> }]
                  : []),
              ]}
            />
          )}
        </Card>
      ))}
      {editing?.kind === 'check' && (
        <SiteCheckModal roundId={round.id} participants={round.participants} check={editing.check} onCancel={() => setEditing(null)} onSaved={saved(editing.check ? '督导检查已修改' : '督导检查已记录')} />
      )}
      {editing?.kind === 'answer' && <AnswerModal rectification={editing.rectification} onCancel={() => setEditing(null)} onSaved={saved('整改情况已答复')} />}
    </>
  );
}
