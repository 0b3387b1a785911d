import type { IndicatorDto, IndicatorInputDto, IndicatorMetaDto } from '../../../src/shared/api/indicators';
import type { GridDto, SubmissionDto, TaskDto } from '../../../src/shared/api/reporting';
import type { OrgUnitDto } from '../../../src/shared/api/orgs';
import type { ApiSession } from './apiSession';

type Element = { code: string; name: string; unit: string | null; valueType: 'count' | 'amount' | 'rate'; categories: '' | 'sex' | 'area' | 'sex,area' };

const element = (code: string, name: string, unit: string | null, valueType: Element['valueType'], categories: Element['categories'] = ''): Element => ({
  code, name, unit, valueType, categories,
});

const LIVE_BIRTHS = element('E2E_LIVE_BIRTHS', '活产数', '人', 'count');

/** An indicator to create, its responsible department named by the city department's short name. */
export type E2eIndicator = Omit<IndicatorInputDto, 'responsibleDepartmentId'> & { dept: string };

function indicator(fields: Partial<E2eIndicator> & Pick<E2eIndicator, 'code' | 'name' | 'unit' | 'formula' | 'dept'>): E2eIndicator {
  return {
    direction: 'lower', definition: null, caliber: null, categories: '', dataSource: null, baselineYear: null, baselineValue: null,
    minValue: null, maxValue: null, yoyThreshold: null, tolerance: null, decimals: 2, published: true, targets: [], ...fields,
  };
}

/** Indicators of the reporting tests: two ratios sharing a denominator, rates by area and by sex, and one for 教育局. */
export const E2E_INDICATORS: E2eIndicator[] = [
  indicator({
    code: 'E2E_MMR', name: '孕产妇死亡率', unit: '/10万', dept: '卫健委', yoyThreshold: 50,
    formula: { type: 'ratio', numerator: element('E2E_MAT_DEATHS', '孕产妇死亡数', '人', 'count'), denominator: LIVE_BIRTHS, factor: 100_000 },
  }),
  indicator({
    code: 'E2E_IMR', name: '婴儿死亡率', unit: '‰', dept: '卫健委',
    formula: { type: 'ratio', numerator: element('E2E_INF_DEATHS', '婴儿死亡数', '人', 'count'), denominator: LIVE_BIRTHS, factor: 1000 },
  }),
  indicator({
    code: 'E2E_MAT_MGMT', name: '孕产妇系统管理率', unit: '%', dept: '卫健委', direction: 'higher', categories: 'area',
    formula: { type: 'direct', value: element('E2E_MAT_MGMT_RATE', '孕产妇系统管理率', '%', 'rate', 'area') },
  }),
  indicator({
    code: 'E2E_STUNTING', name: '5岁以下儿童生长迟缓率', unit: '%', dept: '卫健委', categories: 'sex',
    formula: { type: 'direct', value: element('E2E_STUNTING_RATE', '5岁以下儿童生长迟缓率', '%', 'rate', 'sex') },
  }),
  indicator({
    code: 'E2E_PRESCHOOL', name: '学前教育毛入园率', unit: '%', dept: '教育局', direction: 'higher',
    formula: { type: 'direct', value: element('E2E_PRESCHOOL_RATE', '学前教育毛入园率', '%', 'rate') },
  }),
];

/** Creates one indicator through the indicator API, naming its responsible department by id as the API asks. */
export async function createIndicator(admin: ApiSession, { dept, ...input }: E2eIndicator): Promise<IndicatorDto> {
  const meta = await admin.get<IndicatorMetaDto>('/api/indicators/meta');
  const department = meta.departments.find((d) => d.shortName === dept);
  if (!department) throw new Error(`no city department ${dept}`);
  return admin.post<IndicatorDto>('/api/indicators', { ...input, responsibleDepartmentId: department.id });
}

/** Creates the test indicators through the indicator API; returns their ids by code. */
export async function createIndicators(admin: ApiSession): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const input of E2E_INDICATORS) ids.set(input.code, (await createIndicator(admin, input)).id);
  return ids;
}

export interface Seat {
  orgUnit: OrgUnitDto;
  departmentId: number;
}

export async function findSeat(admin: ApiSession, unitName: string, department: string): Promise<Seat> {
  const units = await admin.get<OrgUnitDto[]>('/api/org-units');
  const orgUnit = units.find((u) => u.name === unitName);
  const dept = orgUnit?.departments.find((d) => d.shortName === department);
  if (!orgUnit || !dept) throw new Error(`no ${unitName} ${department} in the demo organisation`);
  return { orgUnit, departmentId: dept.id };
}

export async function createUser(
  admin: ApiSession,
  user: { username: string; displayName: string; password: string; role: 'reporter' | 'statistics' | 'dept_reviewer' | 'office'; orgUnitId: number; departmentId?: number },
): Promise<void> {
  const departmentId = user.departmentId ?? null;
  await admin.post('/api/users', {
    username: user.username,
    displayName: user.displayName,
    password: user.password,
    orgUnitId: user.orgUnitId,
    departmentId,
    roles: [{ role: user.role, orgUnitId: user.orgUnitId, departmentId }],
  });
}

export async function openTask(
  admin: ApiSession,
  input: { orgUnitId: number; year: number; name: string; opensOn: string; dueOn: string; indicatorIds: number[]; orgUnitIds?: number[] },
): Promise<TaskDto> {
  return admin.post<TaskDto>('/api/reporting/tasks', input);
}

export async function submissionOf(session: ApiSession, taskId: number, unitName: string, department: string): Promise<SubmissionDto> {
  const list = await session.get<SubmissionDto[]>(`/api/reporting/submissions?taskId=${taskId}`);
  const found = list.find((s) => s.orgUnit.name === unitName && s.department.shortName === department);
  if (!found) throw new Error(`no submission of ${unitName} ${department} in task ${taskId}`);
  return found;
}

/** Fills a submission through the API: `values` by data element code, then option. */
export async function fillSubmission(session: ApiSession, submissionId: number, values: Record<string, Partial<Record<string, number>>>): Promise<void> {
  const grid = await session.get<GridDto>(`/api/reporting/submissions/${submissionId}/grid`);
  const cells = grid.rows.flatMap((row) =>
    row.cells
      .filter((c) => values[row.dataElementCode]?.[c.option] !== undefined)
      .map((c) => ({ dataElementId: row.dataElementId, option: c.option, value: values[row.dataElementCode]![c.option]!, expectedVersion: c.version })),
  );
  await session.put(`/api/reporting/submissions/${submissionId}/values`, { cells });
}
