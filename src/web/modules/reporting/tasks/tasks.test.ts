import { describe, expect, it } from 'vitest';
import type { IndicatorDto } from '../../../../shared/api/indicators';
import type { OrgUnitDto } from '../../../../shared/api/orgs';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import { nextInQueue, reviewQueue } from '../review/queue';
import { countByFilter, matrixRows, remindable } from './completeness';
import { defaultReportingUnits, defaultTaskName, departmentsOf, estimateSubmissions, indicatorOptions } from './taskForm';

/** Department ids are unit × 100 + place; a district's report along the city's (unit 1) of the same place. */
const unit = (id: number, name: string, parentId: number | null, departments: string[]): OrgUnitDto => ({
  id, code: String(id), name, level: parentId === null ? 'city' : 'district', parentId, isDemo: false, committee: null,
  departments: departments.map((shortName, i) => ({ id: id * 100 + i, name: `${name}${shortName}`, shortName, counterpartId: parentId === null ? null : 100 + i, runsSurveys: false })),
});
const units = [unit(1, '大连市', null, ['卫健委', '教育局']), unit(2, '中山区', 1, ['卫健委']), unit(3, '西岗区', 1, ['卫健委', '教育局']), unit(4, '白云街道', 3, [])];

const submission = (id: number, unitId: number, dept: string, state: SubmissionDto['state'], extra: Partial<SubmissionDto> = {}): SubmissionDto => ({
  id, taskId: 1, taskName: '任务', year: 2025, dueOn: '2099-01-01', orgUnit: { id: unitId, name: units.find((u) => u.id === unitId)!.name },
  department: { id: unitId * 100, name: dept, shortName: dept }, state, returnReason: null, overdue: false, indicatorCount: 1, filled: 0, expected: 1,
  updatedAt: `2026-01-0${id}T00:00:00Z`, ...extra,
});

describe('task form', () => {
  it('names the task after its year and reports from the unit and its children', () => {
    expect(defaultTaskName(2025)).toBe('2025年度妇女儿童发展规划监测数据填报');
    expect(defaultReportingUnits(units, 1)).toEqual([1, 2, 3]);
    expect(defaultReportingUnits(units, 3)).toEqual([3, 4]);
    expect(defaultReportingUnits(units, undefined)).toEqual([]);
  });

  const indicators = [
    { id: 1, code: 'MMR', name: '孕产妇死亡率', responsibleDepartmentId: 100, responsibleDept: '卫健委' },
    { id: 2, code: 'PRE', name: '学前教育毛入园率', responsibleDepartmentId: 101, responsibleDept: '教育局' },
    { id: 3, code: 'NEW', name: '新指标', responsibleDepartmentId: null, responsibleDept: null },
  ] as IndicatorDto[];

  it('groups indicators by department, the unassignable last and disabled', () => {
    expect(indicatorOptions(indicators).map((g) => [g.label, g.options.map((o) => [o.label, o.disabled])])).toEqual([
      ['卫健委', [['孕产妇死亡率（MMR）', false]]],
      ['教育局', [['学前教育毛入园率（PRE）', false]]],
      ['未设责任单位（不能分派）', [['新指标（NEW）', true]]],
    ]);
  });

  it('estimates one submission per unit and assigned department it has', () => {
    const depts = departmentsOf(indicators, [1, 2, 3]);
    expect(depts).toEqual([{ id: 100, shortName: '卫健委' }, { id: 101, shortName: '教育局' }]);
    expect(estimateSubmissions(units, [1, 2, 3, 4], depts)).toBe(5);
    expect(estimateSubmissions(units, [1, 2, 3], [{ id: 100, shortName: '卫健委' }])).toBe(3);
    // A district department renamed, or with the short name of another, still reports what its counterpart answers for.
    const renamed = units.map((u) => (u.id === 3 ? { ...u, departments: u.departments.map((d) => ({ ...d, shortName: d.shortName === '卫健委' ? '教育局' : '卫健委' })) } : u));
    expect(estimateSubmissions(renamed, [3], [{ id: 100, shortName: '卫健委' }])).toBe(1);
  });
});

describe('completeness', () => {
  const cells = [
    submission(1, 1, '卫健委', 'approved'),
    submission(2, 3, '卫健委', 'submitted'),
    submission(3, 3, '教育局', 'draft', { overdue: true }),
    submission(4, 2, '卫健委', 'returned'),
  ];
  const data = { units: [units[0]!, units[2]!, units[1]!].map((u) => ({ id: u.id, name: u.name })), cells };

  it('lays submissions out by unit and department', () => {
    const rows = matrixRows(data);
    expect(rows.map((r) => [r.unit.name, Object.keys(r.cells).sort()])).toEqual([
      ['大连市', ['卫健委']],
      ['西岗区', ['卫健委', '教育局']],
      ['中山区', ['卫健委']],
    ]);
  });

  it('keeps only units with a matching cell when filtered', () => {
    expect(matrixRows(data, 'review').map((r) => r.unit.name)).toEqual(['西岗区']);
    expect(matrixRows(data, 'overdue').map((r) => r.unit.name)).toEqual(['西岗区']);
  });

  it('counts by filter and picks what can be reminded', () => {
    expect(countByFilter(cells)).toEqual({ all: 4, pending: 2, review: 1, approved: 1, overdue: 1 });
    expect(remindable(cells).map((s) => s.id)).toEqual([3, 4]);
    expect(remindable(cells, new Set([3])).map((s) => s.id)).toEqual([3]);
  });
});

describe('review queue', () => {
  const list = [
    submission(3, 3, '卫健委', 'reviewed'),
    submission(1, 1, '卫健委', 'submitted'),
    submission(2, 2, '卫健委', 'approved'),
    submission(4, 3, '教育局', 'submitted'),
  ];

  it('lists what waits for review, the longest-waiting first', () => {
    expect(reviewQueue(list).map((s) => s.id)).toEqual([1, 3, 4]);
  });

  it('goes on to the next one and wraps around', () => {
    const queue = reviewQueue(list);
    expect(nextInQueue(queue, 1)?.id).toBe(3);
    expect(nextInQueue(queue, 4)?.id).toBe(1);
    expect(nextInQueue(queue, 2)?.id).toBe(1);
    expect(nextInQueue(queue.slice(0, 1), 1)).toBeNull();
  });
});
