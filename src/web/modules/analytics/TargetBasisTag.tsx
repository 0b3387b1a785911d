import { Tag } from 'antd';
import { OWN_TARGETS_LABEL } from '../../../shared/analytics/targetBasis';

/**
 * Whose targets a unit is judged by: 「本级规划目标」 (its own plan) or 「沿用大连市规划目标」 (an
 * ancestor's, where the unit's plan sets none for the indicator). Nothing when there is no target.
 */
export function TargetBasisTag({ label, planTitle }: { label: string | null; planTitle?: string | null }) {
  if (label === null) return null;
  const inherited = label !== OWN_TARGETS_LABEL;
  return (
    <Tag color={inherited ? 'orange' : 'blue'} className="target-basis" title={planTitle ? `目标出自《${planTitle}》` : undefined}>
      {label}
    </Tag>
  );
}
