import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FIRST_DATA_ROW, HEADER_ROW } from '../../src/server/modules/reporting/xlsx/layout';
import type { IndicatorDto } from '../../src/shared/api/indicators';
import type { PlanDetailDto, PlanImportDto, TargetDto } from '../../src/shared/api/plans';
import type { SubmissionDto, TaskDto } from '../../src/shared/api/reporting';
import { seedText } from '../../src/shared/plan-text/testTexts';
import { authHeaders, buildOrgUnit, buildUser, login, multipart } from './appHarness';
import { buildDepartment, buildRatioIndicator } from './monitoringFactories';
import { buildDalian } from './orgFixture';
import type { TestDb } from './testDb';

export const PLAN_TEXT = seedText('dalian');

/** A request the matrix sends; `headers` add to the actor's session headers. */
export interface Req {
  url: string;
  payload?: string | object | Buffer;
  headers?: Record<string, string>;
}

let sequence = 0;
/** Unique names and years for rows that create something on every call. */
export const unique = (prefix: string) => `${prefix}${++sequence}`;

/**
 * What the RBAC matrix acts on, twice over: once in 西岗区 (where the district actors hold their
 * roles) and once in 中山区. Each district has 卫健委 and 教育局, a plan with a target and an
 * indicator made from it, its own overdue 2022 task, a seat in the city's open 2024 task, and a
 * reporter to manage. Everything is made through the API as admin where the API can make it.
 */
export async function buildRbacWorld(app: FastifyInstance, db: TestDb) {
  const org = await buildDalian(db);
  const admin = await login(app, (await buildUser(db, { role: 'admin', orgUnitId: null })).username);
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object | Buffer, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, payload, headers: { ...authHeaders(admin), ...headers } });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const bytesOf = async (url: string) => (await app.inject({ url, headers: authHeaders(admin) })).rawPayload;

  const mmr = await buildRatioIndicator(db);
  await db.kysely.updateTable('indicators').set({ published: 1 }).where('id', '=', mmr.id).execute();
  const numerator = await db.kysely.selectFrom('data_elements').select('code').where('id', '=', mmr.numeratorId).executeTakeFirstOrThrow();

  const task = (unit: { id: number }, year: number, dueOn: string, orgUnitIds: number[]) =>
    call<TaskDto>('POST', '/api/reporting/tasks', { orgUnitId: unit.id, year, name: unique('监测任务'), opensOn: `${year}-01-01`, dueOn, indicatorIds: [mmr.id], orgUnitIds });
  const cityTask = await task(org.city, 2024, '2099-12-31', [org.xigang.id, org.zhongshan.id]);
  // Years no other task of the world collects the indicator in: a task of its own for each request that closes or deletes one.
  let freeYear = 2040;
  const seats = await call<SubmissionDto[]>('GET', '/api/reporting/submissions');
  const seatOf = (taskId: number, unitId: number) => seats.find((s) => s.taskId === taskId && s.orgUnit.id === unitId)!;

  /** A filled copy of an xlsx template as admin downloads it now: the first data row's 合计 changed. */
  async function filledTemplate(url: string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(url)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let column = 1;
    while (sheet.getCell(HEADER_ROW, column).text !== '合计') if (++column > 30) throw new Error(`no 合计 column in ${url}`);
    // Different from what is stored: an unchanged value writes nothing, so no right would be checked.
    const cell = sheet.getCell(FIRST_DATA_ROW, column);
    cell.value = (typeof cell.value === 'number' ? cell.value : 0) + 1;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function district(unit: { id: number; name: string; code: string }, departments: { health: { id: number; name: string } }) {
    // Its own task, past its due date: the seat is overdue, which raises a warning to acknowledge.
    const own = await task(unit, 2022, '2022-06-30', [unit.id]);
    const seats2022 = await call<SubmissionDto[]>('GET', `/api/reporting/submissions?taskId=${own.id}`);
    const form = multipart({ name: 'plan.txt', bytes: PLAN_TEXT }, { orgUnitId: String(unit.id) });
    const imported = await call<PlanImportDto>('POST', '/api/plans/import', form.payload, form.headers);
    const planId = imported.outcomes[0]!.planId!;
    const plan = await call<PlanDetailDto>('GET', `/api/plans/${planId}`);
    const goal = plan.areas[0]!.goals.find((g) => g.targets.length > 0)!;
    const freshTarget = () =>
      call<TargetDto>('POST', `/api/goals/${goal.id}/targets`, { indicator: unique(`${unit.name}测试指标`), comparator: '>=', value: 90, unit: '%', year: 2030, baseYear: null });
    const freshIndicator = async () => (await call<IndicatorDto>('POST', `/api/targets/${(await freshTarget()).id}/indicator`)).id;
    const seat = seatOf(cityTask.id, unit.id);
    return {
      unit,
      health: departments.health,
      task: own,
      seat,
      workflowSeat: seats2022[0]!,
      warningKey: `overdue:${seats2022[0]!.id}`,
      planId,
      goalId: goal.id,
      target: await freshTarget(),
      indicatorId: await freshIndicator(),
      freshTarget,
      freshIndicator,
      freshStreet: async () => (await buildOrgUnit(db, { level: 'street', parentId: unit.id, name: unique(`${unit.name}街道`) })).id,
      freshDepartment: () => buildDepartment(db, unit.id, unique('部门')),
      freshTask: () => task(unit, freeYear++, '2099-12-31', [unit.id]),
      user: await buildUser(db, { role: 'reporter', orgUnitId: unit.id, departmentId: departments.health.id }),
      // Downloaded when sent: a template older than the last save is refused as a stale copy.
      seatTemplate: () => filledTemplate(`/api/reporting/submissions/${seat.id}/template.xlsx`),
      taskTemplate: () => filledTemplate(`/api/reporting/tasks/${own.id}/template.xlsx?department=${encodeURIComponent('卫健委')}`),
      /**
       * The numerator's 2024 total at this unit as stored now, and a value that changes it: a save
       * of the same value writes nothing, so no right would be checked.
       */
      numerator: async () => {
        const row = await db.kysely
          .selectFrom('data_values').select(['version', 'value'])
          .where('data_element_id', '=', mmr.numeratorId).where('org_unit_id', '=', unit.id).where('period', '=', 2024)
          .executeTakeFirst();
        return { version: row?.version ?? null, next: (row?.value ?? 0) + 1 };
      },
    };
  }

  return {
    org,
    admin,
    mmr,
    numeratorCode: numerator.code,
    loginUser: await buildUser(db, { role: 'leader', orgUnitId: org.xigang.id }),
    xg: await district({ ...org.xigang, code: '210203' }, org.xg),
    zs: await district({ ...org.zhongshan, code: '210202' }, org.zs),
  };
}
export type RbacWorld = Awaited<ReturnType<typeof buildRbacWorld>>;
export type District = RbacWorld['xg'];

/** A multipart upload of one file as a request. */
export function upload(url: string, name: string, bytes: Buffer | string, fields?: Record<string, string>): Req {
  const form = multipart({ name, bytes }, fields);
  return { url, payload: form.payload, headers: form.headers };
}

export const jsonOf = <T>(res: LightMyRequestResponse) => res.json<T>();
