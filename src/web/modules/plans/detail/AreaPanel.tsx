import type { ReactNode } from 'react';
import type { GoalDto, TargetDto } from '../../../../shared/api/plans';
import type { ItemKind } from '../../../../shared/plans/responsibilityTable';
import { GoalItem } from './GoalItem';
import { MeasureList } from './MeasureList';
import type { AreaDto, MeasureDto } from './types';

interface AreaPanelProps {
  area: AreaDto;
  busy: boolean;
  onEditTarget: (goal: GoalDto, target: TargetDto) => void;
  onAddTarget: (goal: GoalDto) => void;
  onDeleteTarget: (target: TargetDto) => Promise<void>;
  onToggleQualitative: (goal: GoalDto, qualitative: boolean) => Promise<void>;
  onShowGoalSource: (goal: GoalDto) => void;
  onShowMeasureSource: (measure: MeasureDto) => void;
  /** The 牵头/配合 tags (and editor) of a goal or measure. */
  renderResponsibility?: (kind: ItemKind, id: number, label: string) => ReactNode;
}

export function AreaPanel({ area, onShowGoalSource, onShowMeasureSource, renderResponsibility, ...goalHandlers }: AreaPanelProps) {
  const targetCount = area.goals.reduce((n, goal) => n + goal.targets.length, 0);
  return (
    <div className="area-panel">
      <section aria-labelledby={`area-${area.id}-goals`} className="area-section">
        <h2 id={`area-${area.id}-goals`} className="area-section__title">
          主要目标
          <span className="area-section__count">
            {area.goals.length} 条 · {targetCount} 个量化指标
          </span>
        </h2>
        {area.goals.length === 0 ? (
          <p className="empty-hint">本领域未识别到主要目标。</p>
        ) : (
          area.goals.map((goal) => (
            <GoalItem key={goal.id} goal={goal} onShowSource={onShowGoalSource} responsibility={renderResponsibility?.('goal', goal.id, `目标 ${goal.no}`)} {...goalHandlers} />
          ))
        )}
      </section>
      <section aria-labelledby={`area-${area.id}-measures`} className="area-section">
        <h2 id={`area-${area.id}-measures`} className="area-section__title">
          策略措施
          <span className="area-section__count">{area.measures.length} 条</span>
        </h2>
        <MeasureList
          measures={area.measures}
          onShowSource={onShowMeasureSource}
          renderResponsibility={renderResponsibility && ((m) => renderResponsibility('measure', m.id, `措施 ${m.no}`))}
        />
      </section>
    </div>
  );
}
