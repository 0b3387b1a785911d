import { Alert, Button, Form, Modal, Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState, type Key } from 'react';
import { Link } from 'react-router-dom';
import type { CandidateDto, GenerateBodyDto, GenerateResultDto } from '../../../shared/api/indicators';
import type { PlanSummaryDto } from '../../../shared/api/plans';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { plansUrls } from '../plans/api';
import { areaLabel, formatTarget } from '../plans/format';
import { indicatorsApi, indicatorUrls } from './api';
import { GenerateConfirm } from './GenerateConfirm';

const COLUMNS: TableColumnsType<CandidateDto> = [
  { title: '领域', key: 'area', width: 170, render: (_, c) => areaLabel(c.areaNo, c.areaTitle) },
  {
    title: '目标',
    key: 'goal',
    width: 76,
    render: (_, c) => (
      <Tooltip title={c.goalText}>
        <span className="goal-no">目标 {c.goalNo}</span>
      </Tooltip>
    ),
  },
  { title: '指标', key: 'indicator', render: (_, c) => c.indicator },
  {
    title: '规划目标',
    key: 'targets',
    width: 200,
    render: (_, c) => (
      <span className="indicator-targets">
        {c.targets.map((t, i) => (
          <span key={i}>{formatTarget(t)}</span>
        ))}
      </span>
    ),
  },
  {
    title: '状态',
    key: 'linked',
    width: 140,
    className: 'nowrap',
    render: (_, c) =>
      c.linked ? (
        <Link to={`/indicators/${c.linked.id}`}>已关联 {c.linked.code}</Link>
      ) : c.match === 'matched' ? (
        <Tooltip title={`字典中已有同义指标 ${c.matches[0]!.code} ${c.matches[0]!.name}，生成时将直接关联`}>
          <Tag color="blue">可关联 {c.matches[0]!.code}</Tag>
        </Tooltip>
      ) : c.match === 'ambiguous' ? (
        <Tag color="orange">有歧义（{c.matches.length}）</Tag>
      ) : (
        <Tag variant="outlined">未生成</Tag>
      ),
  },
];

interface GenerateDialogProps {
  onClose: () => void;
  onGenerated: () => void;
}

/** Pick a plan, see the indicators its targets name, and make dictionary indicators of some or all. */
export function GenerateDialog({ onClose, onGenerated }: GenerateDialogProps) {
  const plans = useApiGet<PlanSummaryDto[]>(plansUrls.list);
  const [planId, setPlanId] = useState<number | null>(null);
  const candidates = useApiGet<CandidateDto[]>(planId === null ? null : indicatorUrls.candidates(planId));
  const [selected, setSelected] = useState<Key[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GenerateResultDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = (candidates.data ?? []).filter((c) => !c.linked);

  // The candidates a click on 生成所选 / 全部生成 is about, shown for confirmation first.
  const [confirming, setConfirming] = useState<{ all: boolean; candidates: CandidateDto[] } | null>(null);

  const ask = (all: boolean) => {
    const chosen = all ? open : open.filter((c) => selected.includes(c.indicator));
    setConfirming({ all, candidates: chosen });
  };

  const generate = async (all: boolean, choices: NonNullable<GenerateBodyDto['choices']>) => {
    if (planId === null || !confirming) return;
    const targetIds = all ? undefined : confirming.candidates.flatMap((c) => c.targetIds);
    setBusy(true);
    setError(null);
    try {
      setResult(await indicatorsApi.generate(planId, { targetIds, choices }));
      setSelected([]);
      setConfirming(null);
      candidates.reload();
      onGenerated();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="从规划生成指标"
      width={980}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="selected" disabled={selected.length === 0} loading={busy} onClick={() => ask(false)}>
          生成所选（{selected.length}）
        </Button>,
        <Button key="all" type="primary" disabled={open.length === 0} loading={busy} onClick={() => ask(true)}>
          全部生成（{open.length}）
        </Button>,
      ]}
    >
      <p className="dialog-intro">
        字典中已有名称或别名相同、单位一致的指标时，规划目标直接关联该指标；其余每个量化指标生成一个“直接取值”指标，目标值取自规划（未写年份的按规划期末年），可随后改为比率并补充口径。生成前会列出将关联、将新建和有歧义的指标供确认。
      </p>
      <Form layout="inline" className="generate-form">
        <Form.Item label="规划" htmlFor="generate-plan">
          <Select<number>
            id="generate-plan"
            placeholder="请选择规划"
            loading={plans.loading}
            value={planId ?? undefined}
            onChange={(id) => {
              setPlanId(id);
              setSelected([]);
              setResult(null);
            }}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.orgUnit.name}）` }))}
            style={{ width: 420 }}
          />
        </Form.Item>
      </Form>
      {error && <Alert className="dialog-alert" type="error" showIcon title={error} />}
      {result && (
        <Alert
          className="dialog-alert"
          type="success"
          showIcon
          title={`已新建 ${result.created.length} 个指标，关联已有指标 ${result.linked.length} 个${result.skipped.length > 0 ? `，跳过 ${result.skipped.length} 个` : ''}`}
          description={[...result.created, ...result.linked].map((c) => `${c.code} ${c.name}`).join('、') || undefined}
        />
      )}
      {planId !== null && (
        <Table<CandidateDto>
          rowKey="indicator"
          size="small"
          columns={COLUMNS}
          dataSource={candidates.data ?? []}
          loading={candidates.loading}
          pagination={false}
          scroll={{ y: 420 }}
          aria-label="规划中的量化指标"
          rowSelection={{
            selectedRowKeys: selected,
            onChange: setSelected,
            getCheckboxProps: (c) => ({ disabled: c.linked !== null, 'aria-label': `选择 ${c.indicator}` }),
          }}
        />
      )}
      {confirming && (
        <GenerateConfirm
          candidates={confirming.candidates}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={(choices) => generate(confirming.all, choices)}
        />
      )}
    </Modal>
  );
}
