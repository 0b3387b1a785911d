import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { formatTarget, type TargetLike } from './format';
import './targetChips.css';

interface TargetChipProps {
  target: TargetLike & { indicator: string; quote: string };
  edited?: boolean;
  /** Edit/delete buttons shown inside the chip. */
  actions?: ReactNode;
}

/** One quantified target: indicator name and “≥ 95% · 2025”, with the source quote on hover. */
export function TargetChip({ target, edited = false, actions }: TargetChipProps) {
  const text = formatTarget(target);
  return (
    <li className={edited ? 'target-chip target-chip--edited' : 'target-chip'}>
      <Tooltip title={target.quote ? `原文：${target.quote}` : undefined}>
        <span className="target-chip__body">
          <span className="target-chip__indicator">{target.indicator}</span>
          <span className="target-chip__value">{text}</span>
          {edited && <span className="target-chip__edited">已修改</span>}
        </span>
      </Tooltip>
      {actions}
    </li>
  );
}

export function TargetChipList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="target-chips" aria-label={label}>
      {children}
    </ul>
  );
}
