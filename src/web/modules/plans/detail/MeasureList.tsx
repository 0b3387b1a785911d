import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MeasureDto } from './types';

interface MeasureListProps {
  measures: MeasureDto[];
  onShowSource: (measure: MeasureDto) => void;
  /** 牵头/配合单位 of a measure, shown under its text. */
  renderResponsibility?: (measure: MeasureDto) => ReactNode;
}

export function MeasureList({ measures, onShowSource, renderResponsibility }: MeasureListProps) {
  if (measures.length === 0) return <p className="empty-hint">本领域未识别到策略措施。</p>;
  return (
    <ol className="measures" aria-label="策略措施">
      {measures.map((measure) => (
        <li key={measure.id} className="measure">
          <span className="measure__no">{measure.no}.</span>
          <div className="measure__body">
            <Typography.Paragraph
              className="measure__text"
              ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开全文') }}
            >
              {measure.text}
            </Typography.Paragraph>
            <Button type="link" size="small" className="measure__source" onClick={() => onShowSource(measure)}>
              查看原文
            </Button>
            {renderResponsibility?.(measure)}
          </div>
        </li>
      ))}
    </ol>
  );
}
