import { Tag } from 'antd';
import { DIRECTION_LABELS, type Direction } from '../../../shared/indicators/vocabulary';

const COLORS: Record<Direction, string> = { higher: 'green', lower: 'volcano', band: 'geekblue' };

export function DirectionTag({ direction }: { direction: Direction }) {
  return (
    <Tag color={COLORS[direction]} variant="outlined">
      {DIRECTION_LABELS[direction]}
    </Tag>
  );
}
