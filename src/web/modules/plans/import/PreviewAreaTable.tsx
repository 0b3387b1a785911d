import { Table, type TableColumnsType } from 'antd';
import { areaLabel } from '../format';
import { TargetChip, TargetChipList } from '../TargetChip';
import type { PreviewArea } from './previewTypes';

const COLUMNS: TableColumnsType<PreviewArea> = [
  { title: '发展领域', key: 'title', render: (_, area) => areaLabel(area.no, area.title) },
  { title: '主要目标', key: 'goals', align: 'right', width: 110, render: (_, area) => `${area.goals.length} 条` },
  { title: '策略措施', key: 'measures', align: 'right', width: 110, render: (_, area) => `${area.measures.length} 条` },
  {
    title: '量化指标',
    key: 'targets',
    align: 'right',
    width: 110,
    render: (_, area) => `${area.goals.reduce((n, goal) => n + goal.targets.length, 0)} 个`,
  },
];

function AreaGoals({ area }: { area: PreviewArea }) {
  return (
    <ol className="preview-goals" aria-label={`${area.title}的主要目标`}>
      {area.goals.map((goal) => (
        <li key={goal.no} className="preview-goal">
          <div className="preview-goal__head">
            <span className="goal-no">目标 {goal.no}</span>
            <span className="preview-goal__lines">
              第 {goal.lineStart}
              {goal.lineEnd !== goal.lineStart ? `—${goal.lineEnd}` : ''} 行
            </span>
          </div>
          <p className="preview-goal__text">{goal.text}</p>
          {goal.targets.length > 0 && (
            <TargetChipList label="量化指标">
              {goal.targets.map((target, index) => (
                <TargetChip key={index} target={target} />
              ))}
            </TargetChipList>
          )}
        </li>
      ))}
    </ol>
  );
}

export function PreviewAreaTable({ areas }: { areas: PreviewArea[] }) {
  return (
    <Table<PreviewArea>
      size="middle"
      rowKey="no"
      columns={COLUMNS}
      dataSource={areas}
      pagination={false}
      expandable={{ expandedRowRender: (area) => <AreaGoals area={area} /> }}
      locale={{ emptyText: '未识别到发展领域' }}
    />
  );
}
