import { Table, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { STATE_LABELS } from '../../../../shared/monitoring/workflow';
import type { CompletenessDto } from '../api';
import { dueText, formatDateTime, STATE_COLORS, STATE_SHORT_LABELS } from '../format';
import { matchesFilter, matrixRows, type CellFilter, type MatrixRow } from './completeness';

interface CompletenessMatrixProps {
  data: CompletenessDto;
  filter: CellFilter;
  selected: number[];
  onSelect: (unitIds: number[]) => void;
  /** Rows can be chosen for reminding. */
  selectable: boolean;
}

function StateCell({ s, dimmed }: { s: SubmissionDto; dimmed: boolean }) {
  const tip = (
    <div className="matrix-tip">
      <div>{STATE_LABELS[s.state]}</div>
      <div>
        已填 {s.filled}/{s.expected} 项 · {dueText(s.dueOn, s.overdue)}
      </div>
      {s.returnReason && s.state === 'returned' && <div>退回原因：{s.returnReason}</div>}
      <div>更新于 {formatDateTime(s.updatedAt)}</div>
    </div>
  );
  return (
    <Tooltip title={tip}>
      <Link
        to={`/reporting/submissions/${s.id}`}
        className={`matrix-cell matrix-cell--${STATE_COLORS[s.state]}${s.overdue ? ' is-overdue' : ''}${dimmed ? ' is-dimmed' : ''}`}
        aria-label={`${s.orgUnit.name}${s.department.shortName}：${STATE_LABELS[s.state]}${s.overdue ? '，已逾期' : ''}，已填 ${s.filled}/${s.expected}`}
      >
        <span className="matrix-cell__state">{STATE_SHORT_LABELS[s.state]}</span>
        <span className="matrix-cell__count num">
          {s.filled}/{s.expected}
          {s.overdue && <span className="matrix-cell__late"> · 逾期</span>}
        </span>
      </Link>
    </Tooltip>
  );
}

/** 填报进度: units down, member departments across; each cell links to that submission's grid. */
export function CompletenessMatrix({ data, filter, selected, onSelect, selectable }: CompletenessMatrixProps) {
  const rows = matrixRows(data, filter);
  const columns: TableColumnsType<MatrixRow> = [
    { title: '单位', key: 'unit', fixed: 'start', width: 120, render: (_, row) => <span className="matrix-unit">{row.unit.name}</span> },
    ...data.departments.map((dept) => ({
      title: dept,
      key: dept,
      width: 104,
      align: 'center' as const,
      render: (_: unknown, row: MatrixRow) => {
        const s = row.cells[dept];
        return s ? <StateCell s={s} dimmed={filter !== 'all' && !matchesFilter(filter, s)} /> : <span className="matrix-none">—</span>;
      },
    })),
  ];
  return (
    <Table<MatrixRow>
      className="completeness-matrix"
      rowKey={(row) => row.unit.id}
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="small"
      bordered
      scroll={{ x: 'max-content' }}
      aria-label="填报进度"
      rowSelection={
        selectable
          ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(Number)), columnWidth: 40 }
          : undefined
      }
      locale={{ emptyText: '没有符合条件的填报表' }}
    />
  );
}
