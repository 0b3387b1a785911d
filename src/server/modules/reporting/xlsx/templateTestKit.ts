/**
 * Test setup for the template integration tests: a city with two districts, their 卫健委, a task of
 * three indicators (a ratio, a ratio by sex, a rate by sex), people, and helpers that download,
 * fill (as Excel would, by code) and upload templates.
 */
import ExcelJS from 'exceljs';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session } from '../../../../../test/support/appHarness';
import { buildDepartment, buildDirectIndicator, buildRatioIndicator } from '../../../../../test/support/monitoringFactories';
import type { SubmissionDto, TaskDto } from '../../../../shared/api/reporting';
import { FIRST_DATA_ROW, HEADER_ROW } from './layout';

/** A cell by the text of its row's 数据项 and its column's header: “分子：婴儿死亡数|女”. */
export type CellKey = `${string}|${string}`;

export async function templateKit() {
  const t = await buildTestApp();
  const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
  const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
  const zhongshan = await buildOrgUnit(t.db, { name: '中山区', parentId: city.id });
  const xigangHealth = await buildDepartment(t.db, xigang.id, '卫健委', '西岗区卫生健康局');
  const zhongshanHealth = await buildDepartment(t.db, zhongshan.id, '卫健委', '中山区卫生健康局');
  const mmr = await buildRatioIndicator(t.db);
  const imr = await buildRatioIndicator(t.db, { name: '婴儿死亡率', numerator: '婴儿死亡数', denominator: '活产婴儿数', unit: '‰', factor: 1000, categories: 'sex' });
  const care = await buildDirectIndicator(t.db, { name: '孕产妇系统管理率', dept: '卫健委', categories: 'sex' });
  const as = async (role: 'office' | 'statistics' | 'reporter', orgUnitId: number, departmentId?: number) =>
    login(t.app, (await buildUser(t.db, { role, orgUnitId, departmentId })).username);
  const office = await as('office', city.id);
  const statistics = await as('statistics', city.id);
  const reporter = await as('reporter', xigang.id, xigangHealth);
  const zhongshanReporter = await as('reporter', zhongshan.id, zhongshanHealth);

  const createTask = async (year: number, indicatorIds: number[]) => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reporting/tasks', headers: authHeaders(office),
      payload: { orgUnitId: city.id, year, name: `${year}年度妇女发展规划监测数据填报`, opensOn: '2025-01-01', dueOn: '2099-03-31', indicatorIds, orgUnitIds: [xigang.id, zhongshan.id] },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json<TaskDto>();
  };
  const seatOf = async (s: Session, taskId: number) =>
    (await t.app.inject({ url: `/api/reporting/submissions?mine=true&taskId=${taskId}`, headers: { cookie: s.cookie } })).json<SubmissionDto[]>()[0]!;

  const task = await createTask(2024, [mmr.id, imr.id, care.id]);
  const seat = await seatOf(reporter, task.id);

  async function download(s: Session, url: string) {
    const res = await t.app.inject({ url, headers: { cookie: s.cookie } });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: res.statusCode === 200 ? null : res.json() };
  }

  async function open(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return workbook;
  }

  /** The address of a cell by its row's 数据项 and its column's header. */
  function address(sheet: ExcelJS.Worksheet, key: CellKey) {
    const [item, header] = key.split('|') as [string, string];
    let row = FIRST_DATA_ROW;
    while (sheet.getCell(row, 3).text !== item) if (++row > 100) throw new Error(`no row ${item}`);
    let column = 1;
    while (sheet.getCell(HEADER_ROW, column).text !== header) if (++column > 30) throw new Error(`no column ${header}`);
    return sheet.getCell(row, column).address;
  }

  /** A template with cells filled in, per sheet (the first one by default), as Excel would save it. */
  async function fill(bytes: Uint8Array, cells: Record<CellKey, ExcelJS.CellValue>, sheetName?: string, change?: (wb: ExcelJS.Workbook) => void) {
    const workbook = await open(bytes);
    const sheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0]!;
    for (const [key, value] of Object.entries(cells)) sheet.getCell(address(sheet, key as CellKey)).value = value;
    change?.(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  async function upload(s: Session, url: string, bytes: Uint8Array | string, name = '填报模板.xlsx') {
    const form = multipart({ name, bytes });
    const res = await t.app.inject({ method: 'POST', url, headers: { ...authHeaders(s), ...form.headers }, payload: form.payload });
    return { status: res.statusCode, body: res.json() };
  }

  const counts = async () => {
    const [values, audits] = await Promise.all([
      t.db.kysely.selectFrom('data_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      t.db.kysely.selectFrom('data_value_audits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { values: Number(values.n), audits: Number(audits.n) };
  };

  const storedValue = (dataElementId: number, orgUnitId: number, option = 'total') =>
    t.db.kysely
      .selectFrom('data_values as v')
      .innerJoin('category_options as o', 'o.id', 'v.option_id')
      .select(['v.value', 'v.comment', 'v.version', 'v.created_via'])
      .where('v.data_element_id', '=', dataElementId)
      .where('v.org_unit_id', '=', orgUnitId)
      .where('o.code', '=', option)
      .executeTakeFirst();

  /** A stored value of 2023, the year before the task's. */
  async function storePrevious(dataElementId: number, orgUnitId: number, value: number) {
    const option = await t.db.kysely.selectFrom('category_options').select('id').where('code', '=', 'total').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('data_values')
      .values({
        data_element_id: dataElementId, org_unit_id: orgUnitId, period: 2023, option_id: option.id, value, comment: null, department_id: null,
        version: 1, created_by: null, created_at: now, created_via: 'system', updated_by: null, updated_at: now,
      })
      .execute();
  }

  return {
    t, city, xigang, zhongshan, mmr, imr, care, office, statistics, reporter, zhongshanReporter, task, seat,
    createTask, seatOf, download, open, address, fill, upload, counts, storedValue, storePrevious,
    seatTemplate: `/api/reporting/submissions/${seat.id}/template.xlsx`,
    seatUpload: `/api/reporting/submissions/${seat.id}/upload`,
  };
}
export type TemplateKit = Awaited<ReturnType<typeof templateKit>>;
