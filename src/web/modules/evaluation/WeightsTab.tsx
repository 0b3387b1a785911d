import { Alert, App, Button, Checkbox, Form, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Criterion } from '../../../shared/evaluation/scoring';
import { MAX_SHARE, type WeightScope } from '../../../shared/evaluation/weights';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { ApiRequestError, errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { evaluationApi, evaluationUrls, type WeightsDto } from './api';

type Area = WeightsDto['areas'][number];
type Goal = Area['goals'][number];
type Row = { key: string; scope: WeightScope; id: number; name: string; goalNo?: number; text?: string; weights: Record<string, number>; source: Goal['source'] | null; own: boolean; criteria: Record<string, number> | null; share: number | null; effectiveShare: number; percent?: number; children?: Row[] };
type Editing = { row: Row };

const SOURCE: Record<Goal['source'], [string, string]> = { round: ['默认', 'default'], area: ['按领域', 'blue'], goal: ['按目标', 'purple'] };
const areaName = (a: Area) => `领域“${a.title}”`;

/**
 * 评估权重: per area and goal the criterion weights that apply and their weights in the totals; the
 * office sets an override by area (按领域设置) or goal (按目标设置) or resets it (恢复默认).
 */
export function WeightsTab({ roundId, onChanged }: { roundId: number; onChanged: () => void }) {
  const { data, error, loading, reload } = useApiGet<WeightsDto>(evaluationUrls.weights(roundId));
  const [editing, setEditing] = useState<Editing | null>(null);
  const { message, modal } = App.useApp();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const w = data!;
  const rows: Row[] = w.areas.map((a) => {
    const weights = a.criteria ?? Object.fromEntries(w.criteria.map((c) => [c.key, c.weight]));
    return {
      key: `a${a.id}`, scope: 'area', id: a.id, name: areaName(a), weights, source: a.criteria ? 'area' : 'round', own: a.criteria !== null || a.share !== null,
      criteria: a.criteria, share: a.share, effectiveShare: a.effectiveShare, percent: a.percent,
      children: a.goals.map((g) => ({
        key: `g${g.id}`, scope: 'goal', id: g.id, name: `${areaName(a)}目标 ${g.no}`, goalNo: g.no, text: g.text, weights: g.weights, source: g.source, own: g.criteria !== null || g.share !== null,
        criteria: g.criteria, share: g.share, effectiveShare: g.effectiveShare,
      })),
    };
  });
  const done = (text: string) => {
    message.success(text);
    reload();
    onChanged();
  };
  const reset = (row: Row) => modal.confirm({
    title: `恢复${row.name}的默认权重？`, content: '已有的打分不变，评估结果按恢复后的权重重新计算。', okText: '恢复默认', cancelText: '取消',
    onOk: async () => {
      try {
        await evaluationApi.resetWeights(roundId, row.scope, row.id);
        done(`已恢复${row.name}的默认权重`);
      } catch (e) {
        message.error(errorMessage(e));
      }
    },
  });

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="评估权重"
        description={<>
          各项评估内容按本轮分值打分（{w.criteria.map((c) => `${c.label} ${c.weight} 分`).join('，')}）。可按领域或按目标调整分值（合计 100，某项为 0 即不计分），目标的设置优先于领域的；
          打分保存为原始分，按适用的分值折算，调整后评估结果随即重新计算。领域得分为各目标得分的加权平均（目标权重缺省为 1），规划总分为各领域得分的加权平均（领域权重缺省为该领域的目标数）。
        </>} />
      <Table<Row> rowKey="key" dataSource={rows} pagination={false} size="small" expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: '领域 / 目标', key: 'name', render: (_, r) => (r.goalNo !== undefined ? <><div className="text-muted">目标 {r.goalNo}</div>{r.text}</> : <strong>{r.name}</strong>) },
          ...w.criteria.map((c) => ({ title: `${c.label}`, key: c.key, width: 90, align: 'right' as const, render: (_: unknown, r: Row) => <span style={r.weights[c.key] === c.weight ? undefined : { fontWeight: 600, color: '#1677ff' }}>{r.weights[c.key] ?? 0}</span> })),
          { title: '分值来源', key: 'source', width: 90, render: (_, r) => r.source && <Tag color={SOURCE[r.source][1]}>{SOURCE[r.source][0]}</Tag> },
          { title: '总分权重', key: 'share', width: 130, align: 'right', render: (_, r) => <>{r.effectiveShare}{r.share === null ? '（默认）' : ''}{r.percent !== undefined && <div className="text-muted">占规划总分 {r.percent}%</div>}</> },
          ...(w.canEdit ? [{
            title: '操作', key: 'actions', width: 190, render: (_: unknown, r: Row) => (
              <Space size={4}>
                <Button size="small" aria-label={`${r.scope === 'area' ? '按领域设置' : '按目标设置'} ${r.name}`} onClick={() => setEditing({ row: r })}>{r.scope === 'area' ? '按领域设置' : '按目标设置'}</Button>
                {r.own && <Button size="small" type="link" aria-label={`恢复默认 ${r.name}`} onClick={() => reset(r)}>恢复默认</Button>}
              </Space>
            ),
          }] : []),
        ]}
      />
      {editing && <WeightsModal roundId={roundId} criteria={w.criteria} row={editing.row} onClose={() => setEditing(null)} onSaved={(text) => { setEditing(null); done(text); }} />}
    </>
  );
}

type Values = { adjust: boolean; weights: Record<string, number | null>; share: number | null };

function WeightsModal({ roundId, criteria, row, onClose, onSaved }: { roundId: number; criteria: readonly Criterion[]; row: Row; onClose: () => void; onSaved: (text: string) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const adjust = Form.useWatch('adjust', form) ?? row.criteria !== null;
  const weights = Form.useWatch('weights', form) ?? row.weights;
  const sum = criteria.reduce((s, c) => s + (weights[c.key] ?? 0), 0);
  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      await evaluationApi.setWeights(roundId, {
        scope: row.scope, targetId: row.id, share: v.share ?? null,
        criteria: v.adjust ? Object.fromEntries(criteria.map((c) => [c.key, v.weights[c.key] ?? 0])) : null,
      });
      onSaved(`已保存${row.name}的权重`);
    } catch (e) {
      message.error(e instanceof ApiRequestError && e.details.length ? e.details.map((x) => x.message).join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${row.scope === 'area' ? '按领域设置' : '按目标设置'}：${row.name}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ adjust: row.criteria !== null, weights: row.weights, share: row.share }}>
        <Form.Item name="adjust" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{row.scope === 'area' ? '本领域各目标另定评估内容分值' : '本目标另定评估内容分值'}</Checkbox>
        </Form.Item>
        <Form.Item label={`评估内容分值（合计 ${adjust ? sum : 100} / 100）`} help={adjust && sum !== 100 ? `各项分值合计应为 100，现为 ${sum}` : '某项为 0 即该项不计分'} validateStatus={adjust && sum !== 100 ? 'error' : undefined}>
          <Space wrap>
            {criteria.map((c) => (
              <Form.Item key={c.key} name={['weights', c.key]} label={c.label} style={{ marginBottom: 0 }}>
                <InputNumber<number> min={0} max={100} precision={0} disabled={!adjust} aria-label={`${c.label}分值`} style={{ width: 110 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="share" label={row.scope === 'area' ? '领域在规划总分中的权重（留空为该领域的目标数）' : '目标在领域得分中的权重（留空为 1）'}>
          <InputNumber<number> min={1} max={MAX_SHARE} precision={0} aria-label="总分权重" placeholder="默认" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
