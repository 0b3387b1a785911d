import type { ReactNode } from 'react';
import { DeleteOutlined, EditOutlined, FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Switch, Tag, Tooltip } from 'antd';
import type { GoalDto, TargetDto } from '../../../../shared/api/plans';
import { TargetChip, TargetChipList } from '../TargetChip';

interface GoalItemProps {
  goal: GoalDto;
  onEditTarget: (goal: GoalDto, target: TargetDto) => void;
  onAddTarget: (goal: GoalDto) => void;
  onDeleteTarget: (target: TargetDto) => Promise<void>;
  onToggleQualitative: (goal: GoalDto, qualitative: boolean) => Promise<void>;
  onShowSource: (goal: GoalDto) => void;
  busy: boolean;
  /** 牵头/配合单位 of the goal, shown under its text. */
  responsibility?: ReactNode;
}

export function GoalItem(props: GoalItemProps) {
  const { goal, onEditTarget, onAddTarget, onDeleteTarget, onToggleQualitative, onShowSource, busy, responsibility } = props;
  const label = `目标 ${goal.no}`;

  return (
    <article className="goal" aria-label={label}>
      <div className="goal__head">
        <span className="goal-no">{label}</span>
        {goal.qualitative && <Tag color="purple">定性目标</Tag>}
        <div className="goal__actions">
          <Tooltip title="定性目标不设量化指标，评估时按进展趋势判断">
            <label className="goal__switch">
              <Switch
                size="small"
                checked={goal.qualitative}
                disabled={busy}
                onChange={(checked) => onToggleQualitative(goal, checked)}
              />
              <span>标记为定性目标</span>
            </label>
          </Tooltip>
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            disabled={busy}
            onClick={() => onAddTarget(goal)}
            aria-label={`为${label}添加指标`}
          >
            添加指标
          </Button>
          <Button type="link" size="small" icon={<FileSearchOutlined />} onClick={() => onShowSource(goal)}>
            查看原文
          </Button>
        </div>
      </div>
      <p className="goal__text">{goal.text}</p>
      {responsibility}
      {goal.targets.length > 0 ? (
        <TargetChipList label="量化指标">
          {goal.targets.map((target) => (
            <TargetChip
              key={target.id}
              target={target}
              edited={target.edited}
              actions={
                <span className="target-chip__actions">
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    disabled={busy}
                    aria-label={`编辑指标：${target.indicator}`}
                    onClick={() => onEditTarget(goal, target)}
                  />
                  <Popconfirm
                    title="删除该量化指标？"
                    description="删除后可通过“添加指标”重新录入。"
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onDeleteTarget(target)}
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={busy}
                      aria-label={`删除指标：${target.indicator}`}
                    />
                  </Popconfirm>
                </span>
              }
            />
          ))}
        </TargetChipList>
      ) : (
        !goal.qualitative && <p className="goal__hint">未识别到量化指标，可添加指标或标记为定性目标。</p>
      )}
    </article>
  );
}
