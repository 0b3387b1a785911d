import { Modal, Select } from 'antd';
import { useState } from 'react';
import type { CandidateDto, GenerateBodyDto } from '../../../shared/api/indicators';

const NEW = 0;

interface GenerateConfirmProps {
  candidates: CandidateDto[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (choices: NonNullable<GenerateBodyDto['choices']>) => void;
}

/**
 * Before generating: which targets will link to an existing indicator of the same meaning, which
 * become new indicators, and, for ambiguous ones, which indicator the person picks (or a new one).
 */
export function GenerateConfirm({ candidates, busy, onCancel, onConfirm }: GenerateConfirmProps) {
  const matched = candidates.filter((c) => c.match === 'matched');
  const fresh = candidates.filter((c) => c.match === 'new');
  const ambiguous = candidates.filter((c) => c.match === 'ambiguous');
  const [picks, setPicks] = useState<Record<number, number>>({});
  const missing = ambiguous.filter((c) => picks[c.targetIds[0]!] === undefined).length;

  const confirm = () =>
    onConfirm(ambiguous.map((c) => ({ targetId: c.targetIds[0]!, indicatorId: picks[c.targetIds[0]!] === NEW ? null : picks[c.targetIds[0]!]! })));

  return (
    <Modal
      open
      title="确认生成指标"
      width={720}
      okText={missing > 0 ? `请先选择 ${missing} 个有歧义的指标` : '确认'}
      okButtonProps={{ disabled: missing > 0, loading: busy }}
      cancelText="返回"
      onOk={confirm}
      onCancel={onCancel}
    >
      <section className="generate-confirm" aria-label="关联已有指标">
        <h4>关联已有指标（{matched.length}）</h4>
        <p className="muted">名称或别名相同、单位一致的指标已在字典中，规划目标将直接关联，不再新建。</p>
        <ul>
          {matched.map((c) => (
            <li key={c.indicator}>
              {c.indicator} → {c.matches[0]!.code} {c.matches[0]!.name}
            </li>
          ))}
        </ul>
      </section>
      <section className="generate-confirm" aria-label="新建指标">
        <h4>新建指标（{fresh.length}）</h4>
        <p>{fresh.map((c) => c.indicator).join('、') || '无'}</p>
      </section>
      <section className="generate-confirm" aria-label="有歧义">
        <h4>有歧义，请选择（{ambiguous.length}）</h4>
        {ambiguous.length === 0 && <p>无</p>}
        {ambiguous.map((c) => (
          <div key={c.indicator} className="generate-confirm__pick">
            <label htmlFor={`pick-${c.targetIds[0]}`}>{c.indicator}</label>
            <Select<number>
              id={`pick-${c.targetIds[0]}`}
              placeholder="选择关联的指标或新建"
              style={{ width: 360 }}
              value={picks[c.targetIds[0]!]}
              onChange={(v) => setPicks((p) => ({ ...p, [c.targetIds[0]!]: v }))}
              options={[...c.matches.map((m) => ({ value: m.id, label: `关联 ${m.code} ${m.name}` })), { value: NEW, label: '新建指标' }]}
            />
          </div>
        ))}
      </section>
    </Modal>
  );
}
