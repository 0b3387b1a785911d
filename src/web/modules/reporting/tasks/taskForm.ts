import type { IndicatorDto } from '../../../../shared/api/indicators';
import type { OrgUnitDto } from '../../../../shared/api/orgs';
import type { Me } from '../../../../shared/api/auth';

export const defaultTaskName = (year: number): string => `${year}年度妇女儿童发展规划监测数据填报`;

/** The units that report by default: the publishing unit and its direct children (the server's default too). */
export function defaultReportingUnits(units: readonly OrgUnitDto[], rootId: number | null | undefined): number[] {
  if (!rootId) return [];
  return [rootId, ...units.filter((u) => u.parentId === rootId).map((u) => u.id)];
}

/** Units whose office may publish a task: admin anywhere; an office at its own unit. */
export function publishingUnits(user: Me, units: readonly OrgUnitDto[]): OrgUnitDto[] {
  if (user.roles.some((r) => r.role === 'admin')) return [...units];
  const own = new Set(user.roles.filter((r) => r.role === 'office').map((r) => r.orgUnitId));
  return units.filter((u) => own.has(u.id));
}

export interface IndicatorGroup {
  label: string;
  options: { value: number; label: string; disabled: boolean }[];
}

/** Select options grouped by responsible department, in dictionary order; indicators without one cannot be assigned. */
export function indicatorOptions(indicators: readonly IndicatorDto[]): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const i of indicators) {
    const dept = i.responsibleDept ?? '';
    const label = dept || '未设责任单位（不能分派）';
    if (!groups.has(label)) groups.set(label, { label, options: [] });
    groups.get(label)!.options.push({ value: i.id, label: `${i.name}（${i.code}）`, disabled: !dept });
  }
  // The dictionary's order, which follows the plans; what cannot be assigned goes last.
  return [...groups.values()].sort((a, b) => Number(a.label.startsWith('未设')) - Number(b.label.startsWith('未设')));
}

export interface AssignedDepartment {
  /** The top committee's department the indicators name. */
  id: number;
  shortName: string;
}

/** The departments the chosen indicators assign, for the “生成 N 张填报表” estimate. */
export function departmentsOf(indicators: readonly IndicatorDto[], ids: readonly number[]): AssignedDepartment[] {
  const chosen = new Map<number, AssignedDepartment>();
  for (const i of indicators) {
    if (ids.includes(i.id) && i.responsibleDepartmentId !== null) chosen.set(i.responsibleDepartmentId, { id: i.responsibleDepartmentId, shortName: i.responsibleDept ?? '' });
  }
  return [...chosen.values()];
}

/**
 * How many submissions a task would create: each unit × each of its departments that reports for
 * an assigned one, following counterparts up (西岗区卫健局 → 大连市卫健委), as the server does.
 */
export function estimateSubmissions(units: readonly OrgUnitDto[], unitIds: readonly number[], departments: readonly AssignedDepartment[]): number {
  const counterpartOf = new Map(units.flatMap((u) => u.departments.map((d) => [d.id, d.counterpartId] as const)));
  const topOf = (id: number): number => {
    let at = id;
    for (let hops = 0; hops < 8 && counterpartOf.get(at); hops++) at = counterpartOf.get(at)!;
    return at;
  };
  const wanted = new Set(departments.map((d) => d.id));
  const chosen = new Set(unitIds);
  return units.filter((u) => chosen.has(u.id)).reduce((n, u) => n + u.departments.filter((d) => wanted.has(topOf(d.id))).length, 0);
}
