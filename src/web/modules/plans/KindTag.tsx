import { Tag } from 'antd';
import type { PlanKind } from '../../../shared/plan-text/types';
import { KIND_LABELS } from './format';

export function KindTag({ kind }: { kind: PlanKind }) {
  return (
    <Tag color={kind === 'women' ? 'magenta' : 'cyan'} variant="outlined">
      {KIND_LABELS[kind]}
    </Tag>
  );
}
