import type { SubmissionDto } from '../../../../shared/api/reporting';
import type { CompletenessDto } from '../api';

export type CellFilter = 'all' | 'pending' | 'review' | 'approved' | 'overdue';

export const CELL_FILTERS: { value: CellFilter; label: string; matches: (s: SubmissionDto) => boolean }[] = [
  { value: 'all', label: '全部', matches: () => true },
  { value: 'pending', label: '未提交', matches: (s) => s.state === 'draft' || s.state === 'returned' },
  { value: 'review', label: '待审核', matches: (s) => s.state === 'submitted' || s.state === 'reviewed' },
  { value: 'approved', label: '已通过', matches: (s) => s.state === 'approved' },
  { value: 'overdue', label: '逾期', matches: (s) => s.overdue },
];

export const matchesFilter = (filter: CellFilter, s: SubmissionDto): boolean => CELL_FILTERS.find((f) => f.value === filter)!.matches(s);

export interface MatrixRow {
  unit: { id: number; name: string };
  /** By department short name; a unit without that department has no cell. */
  cells: Partial<Record<string, SubmissionDto>>;
}

/** Units × departments, in the server's order; with a filter, only units that have a matching cell. */
export function matrixRows(c: Pick<CompletenessDto, 'units' | 'cells'>, filter: CellFilter = 'all'): MatrixRow[] {
  return c.units
    .map((unit) => ({
      unit,
      cells: Object.fromEntries(c.cells.filter((s) => s.orgUnit.id === unit.id).map((s) => [s.department.shortName, s])),
    }))
    .filter((row) => filter === 'all' || Object.values(row.cells).some((s) => s && matchesFilter(filter, s)));
}

export function countByFilter(cells: readonly SubmissionDto[]): Record<CellFilter, number> {
  return Object.fromEntries(CELL_FILTERS.map((f) => [f.value, cells.filter(f.matches).length])) as Record<CellFilter, number>;
}

/** Submissions that can be reminded (not yet submitted), of the chosen units or of all. */
export function remindable(cells: readonly SubmissionDto[], unitIds?: ReadonlySet<number>): SubmissionDto[] {
  return cells.filter((s) => (s.state === 'draft' || s.state === 'returned') && (!unitIds || unitIds.has(s.orgUnit.id)));
}
