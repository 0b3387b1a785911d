import { Table, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { ScorecardDto } from '../api';
import { formatNumber } from '../format';
import { BETTER_COLOR, STATUS_COLORS, STATUS_LABELS, STATUS_TINTS, WORSE_COLOR } from '../status';

type Row = ScorecardDto['rows'][number];
type Cell = Row['cells'][number];

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;
const TREND_WORDS = { up: '较上年上升', down: '较上年下降', flat: '与上年持平' } as const;

function trendWords(cell: Cell): string {
  if (!cell.trend) return '无上年数据';
  const judged = cell.better === null || cell.trend === 'flat' ? '' : cell.better ? '（向好）' : '（变差）';
  return `${TREND_WORDS[cell.trend]}${judged}`;
}

function ScoreCell({ row, cell, unitName, link }: { row: Row; cell: Cell; unitName: string; link: string }) {
  const { decimals } = row.indicator;
  const value = formatNumber(cell.value, decimals);
  const label = `${unitName}${row.indicator.name}：${value}，${STATUS_LABELS[cell.status]}${cell.targetBasis ? `（${cell.targetBasis}）` : ''}，${trendWords(cell)}${cell.rank ? `，排名第${cell.rank}` : ''}`;
  const arrowColor = cell.better === null || cell.trend === 'flat' ? '#8c8c8c' : cell.better ? BETTER_COLOR : WORSE_COLOR;
  return (
    <Tooltip title={`${STATUS_LABELS[cell.status]}${cell.targetBasis ? `（${cell.targetBasis}）` : ''} · 上年 ${formatNumber(cell.previous, decimals)}`}>
      <Link
        to={link}
        className="score-cell"
        style={{ background: STATUS_TINTS[cell.status], borderLeftColor: STATUS_COLORS[cell.status] }}
        aria-label={label}
      >
        <span className="score-cell__value num">{value}</span>
        {cell.trend && (
          <span className="score-cell__arrow" style={{ color: arrowColor }} aria-hidden="true">
            {ARROWS[cell.trend]}
          </span>
        )}
        {cell.rank !== null && <span className="score-cell__rank">第{cell.rank}</span>}
      </Link>
    </Tooltip>
  );
}

/** Indicators down, units across; each cell coloured by status with the value, the change and the rank. */
export function ScorecardTable({ data, link }: { data: ScorecardDto; link: (indicatorId: number, orgUnitId: number) => string }) {
  const columns: TableColumnsType<Row> = [
    {
      title: '指标',
      key: 'indicator',
      fixed: 'start',
      width: 240,
      render: (_, row) => (
        <span className="score-indicator">
          {row.indicator.name}
          {row.indicator.unit && <span className="score-indicator__unit">（{row.indicator.unit}）</span>}
        </span>
      ),
    },
    ...data.units.map((unit) => ({
      title: unit.name,
      key: String(unit.id),
      width: 112,
      align: 'center' as const,
      onCell: () => ({ className: 'score-td' }),
      render: (_: unknown, row: Row) => {
        const cell = row.cells.find((c) => c.orgUnitId === unit.id);
        return cell ? <ScoreCell row={row} cell={cell} unitName={unit.name} link={link(row.indicator.id, unit.id)} /> : '—';
      },
    })),
  ];
  return (
    <Table<Row>
      className="scorecard"
      rowKey={(row) => row.indicator.id}
      columns={columns}
      dataSource={data.rows}
      pagination={false}
      size="small"
      bordered
      scroll={{ x: 'max-content' }}
      aria-label="评估记分卡"
      locale={{ emptyText: '暂无可比较的指标' }}
    />
  );
}
