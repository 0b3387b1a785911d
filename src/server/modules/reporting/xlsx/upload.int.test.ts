import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, type Session } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import { describePlace, STAMP_SHEET } from './layout';
import { templateKit, type CellKey, type TemplateKit } from './templateTestKit';

type ApiError = { code: string; message: string; details: { path?: string; line?: number; message: string }[] };

const FULL: Record<CellKey, ExcelJS.CellValue> = {
  '分子：孕产妇死亡数|合计': 3,
  '分母：活产数|合计': 40000,
  '分子：婴儿死亡数|合计': 10,
  '分子：婴儿死亡数|女': 4,
  '分子：婴儿死亡数|男': 6,
  '分母：活产婴儿数|合计': 40000,
  '分母：活产婴儿数|女': 19000,
  '分母：活产婴儿数|男': 21000,
  '孕产妇系统管理率|合计': 95.5,
  '孕产妇系统管理率|女': 95,
  '孕产妇系统管理率|男': 96,
  '孕产妇系统管理率|说明': '含流动人口',
};

describe(`xlsx template upload (${testDialect()})`, () => {
  let kit: TemplateKit;
  beforeEach(async () => {
    kit = await templateKit();
  });
  afterEach(async () => kit.t.close());

  const template = async (s: Session = kit.reporter, url = kit.seatTemplate) => (await kit.download(s, url)).bytes;
  /** The place of a cell in messages, as the upload names it. */
  const placeOf = async (key: CellKey) => {
    const sheet = (await kit.open(await template())).getWorksheet('西岗区')!;
    const cell = sheet.getCell(kit.address(sheet, key));
    return describePlace({ sheet: '西岗区', row: Number(cell.row), column: Number(cell.col), label: key.split('|')[1]! });
  };

  it('stores a filled template, audits a second change and refuses a stale copy', async () => {
    const first = await kit.fill(await template(), FULL);
    const stored = await kit.upload(kit.reporter, kit.seatUpload, first);
    expect(stored.body).toEqual({ imported: 11, updated: 0, deleted: 0, ignored: 0, dryRun: false, warnings: [] });
    expect(await kit.storedValue(kit.mmr.numeratorId, kit.xigang.id)).toMatchObject({ value: 3, version: 1, created_via: 'xlsx' });
    expect(await kit.storedValue(kit.care.valueId, kit.xigang.id, 'male')).toMatchObject({ value: 96, comment: '含流动人口' });
    expect(await kit.counts()).toEqual({ values: 11, audits: 0 });

    const second = await kit.fill(await template(), { '分子：孕产妇死亡数|合计': 4 });
    expect((await kit.upload(kit.reporter, kit.seatUpload, second)).body).toMatchObject({ imported: 0, updated: 1, ignored: 10 });
    const audits = await kit.t.db.kysely.selectFrom('data_value_audits').selectAll().execute();
    expect(audits.map((a) => [a.action, a.old_value, a.new_value, a.via])).toEqual([['update', 3, 4, 'xlsx']]);

    const stale = await kit.upload(kit.reporter, kit.seatUpload, first);
    expect(stale.status).toBe(409);
    expect((stale.body as ApiError).details[0]!.message).toBe(`${await placeOf('分子：孕产妇死亡数|合计')}：“孕产妇死亡数”已被他人修改为 4，请核对后再保存`);
  });

  it('deletes on 删除, leaves empty cells alone and only checks on a dry run', async () => {
    await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(await template(), FULL));
    const edited = await kit.fill(await template(), { '分子：孕产妇死亡数|合计': '删除', '分母：活产数|合计': null, '孕产妇系统管理率|说明': null });
    const before = await kit.counts();

    const dry = await kit.upload(kit.reporter, `${kit.seatUpload}?dryRun=true`, edited);
    expect(dry.body).toEqual({ imported: 0, updated: 3, deleted: 1, ignored: 6, dryRun: true, warnings: [] });
    expect(await kit.counts()).toEqual(before);

    expect((await kit.upload(kit.reporter, kit.seatUpload, edited)).body).toMatchObject({ updated: 3, deleted: 1, dryRun: false });
    expect(await kit.storedValue(kit.mmr.numeratorId, kit.xigang.id)).toBeUndefined();
    expect(await kit.storedValue(kit.mmr.denominatorId, kit.xigang.id)).toMatchObject({ value: 40000 });
    expect(await kit.storedValue(kit.care.valueId, kit.xigang.id, 'female')).toMatchObject({ value: 95, comment: null });
  });

  it('leaves cells as downloaded alone when others saved since, and still checks the cells changed', async () => {
    await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(await template(), FULL));
    const downloaded = await template();
    const save = (dataElementId: number, value: number, comment?: string) =>
      kit.t.app.inject({
        method: 'PUT', url: `/api/reporting/submissions/${kit.seat.id}/values`, headers: authHeaders(kit.reporter),
        payload: { cells: [{ dataElementId, option: 'total', value, comment, expectedVersion: 1 }] },
      });
    // Since the download, one value got a comment (the same number), another a new number.
    expect((await save(kit.mmr.numeratorId, 3, '已核实')).statusCode).toBe(200);
    expect((await save(kit.mmr.denominatorId, 41000)).statusCode).toBe(200);

    const res = await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(downloaded, { '孕产妇系统管理率|合计': 95.8 }));
    expect(res.body).toEqual({ imported: 0, updated: 1, deleted: 0, ignored: 10, dryRun: false, warnings: [] });
    expect(await kit.storedValue(kit.mmr.numeratorId, kit.xigang.id)).toMatchObject({ value: 3, comment: '已核实', version: 2 });
    expect(await kit.storedValue(kit.mmr.denominatorId, kit.xigang.id)).toMatchObject({ value: 41000, version: 2 });
    expect(await kit.storedValue(kit.care.valueId, kit.xigang.id)).toMatchObject({ value: 95.8, version: 2 });

    const changed = await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(downloaded, { '分母：活产数|合计': 42000 }));
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 409, code: 'VALUE_CONFLICT' });
    expect((changed.body as ApiError).details[0]!.message).toBe(`${await placeOf('分母：活产数|合计')}：“活产数”已被他人修改为 41000，请核对后再保存`);
    const recommented = await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(downloaded, { '分子：孕产妇死亡数|说明': '以户籍统计' }));
    expect({ status: recommented.status, code: recommented.body.code }).toEqual({ status: 409, code: 'VALUE_CONFLICT' });
    expect(await kit.storedValue(kit.mmr.denominatorId, kit.xigang.id)).toMatchObject({ value: 41000, version: 2 });
  });

  it('warns, with the cell, about a large change that has no comment', async () => {
    await kit.t.db.kysely.updateTable('indicators').set({ yoy_threshold: 50 }).where('id', '=', kit.mmr.id).execute();
    await kit.storePrevious(kit.mmr.numeratorId, kit.xigang.id, 3);
    await kit.storePrevious(kit.mmr.denominatorId, kit.xigang.id, 40000);
    const res = await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(await template(), { '分子：孕产妇死亡数|合计': 9, '分母：活产数|合计': 40000 }));
    expect(res.body).toMatchObject({
      imported: 2,
      warnings: [`${await placeOf('分子：孕产妇死亡数|合计')}：孕产妇死亡率（合计）为 22.5，较上年（7.5）变化 +200%，超过 50% 的提示阈值，请填写说明`],
    });
  });

  interface BadUpload {
    name: string;
    cells?: Record<CellKey, ExcelJS.CellValue>;
    change?: (workbook: ExcelJS.Workbook) => void;
    /** Another file than the seat's template. */
    file?: (k: TemplateKit) => Promise<{ bytes: Uint8Array | string; name?: string }>;
    before?: (k: TemplateKit) => Promise<unknown>;
    as?: (k: TemplateKit) => Session;
    status: number;
    code: string;
    /** The expected detail: after the cell's place, when `at` names the cell. */
    detail: string;
    at?: CellKey;
  }

  const cases: BadUpload[] = [
    { name: 'text in a number cell', cells: { '分子：婴儿死亡数|女': '约300' }, status: 400, code: 'XLSX_INVALID', at: '分子：婴儿死亡数|女', detail: '应为数字，实为“约300”' },
    { name: 'a negative number', cells: { '分母：活产数|合计': -5 }, status: 400, code: 'XLSX_INVALID', at: '分母：活产数|合计', detail: '不能为负数，实为 -5' },
    { name: 'a fraction for a count', cells: { '分子：孕产妇死亡数|合计': 2.5 }, status: 400, code: 'XLSX_INVALID', at: '分子：孕产妇死亡数|合计', detail: '应为整数，实为 2.5' },
    {
      name: 'a value in an option column the item does not use', cells: { '分子：孕产妇死亡数|女': 1 }, status: 400, code: 'XLSX_INVALID',
      at: '分子：孕产妇死亡数|女', detail: '“孕产妇死亡数”不按“女”分组填报，此格应留空',
    },
    {
      name: 'a numerator greater than its denominator', cells: { '分子：孕产妇死亡数|合计': 9, '分母：活产数|合计': 5 }, status: 400, code: 'XLSX_INVALID',
      at: '分子：孕产妇死亡数|合计', detail: '孕产妇死亡数（9）不能大于活产数（5）',
    },
    {
      name: 'parts that do not add up', cells: { '分子：婴儿死亡数|合计': 10, '分子：婴儿死亡数|女': 4, '分子：婴儿死亡数|男': 5 }, status: 400, code: 'XLSX_INVALID',
      at: '分子：婴儿死亡数|合计', detail: '婴儿死亡数：女（4）＋男（5）＝9，与合计（10）不一致',
    },
    {
      name: 'a template of another task', status: 400, code: 'XLSX_TEMPLATE_MISMATCH', detail: '该模板属于任务“2023年度妇女发展规划监测数据填报”，不能上传到本任务',
      file: async (k) => {
        const other = await k.seatOf(k.reporter, (await k.createTask(2023, [k.mmr.id])).id);
        return { bytes: await k.fill((await k.download(k.reporter, `/api/reporting/submissions/${other.id}/template.xlsx`)).bytes, { '分子：孕产妇死亡数|合计': 1 }) };
      },
    },
    {
      name: 'a template of an older version of the task', cells: { '分子：孕产妇死亡数|合计': 1 }, status: 409, code: 'XLSX_TEMPLATE_OUTDATED', detail: '模板版本已过期',
      before: (k) => k.t.db.kysely.updateTable('reporting_tasks').set({ template_version: 2 }).where('id', '=', k.task.id).execute(),
    },
    {
      name: 'a workbook without the hidden stamp', cells: { '分子：孕产妇死亡数|合计': 1 }, status: 400, code: 'XLSX_UNRECOGNISED', detail: '不是本系统导出的填报模板',
      change: (wb) => wb.removeWorksheet(wb.getWorksheet(STAMP_SHEET)!.id),
    },
    { name: 'a text file renamed .xlsx', file: async () => ({ bytes: '指标,数值\n孕产妇死亡数,3\n' }), status: 400, code: 'XLSX_UNRECOGNISED', detail: '无法读取文件：不是 .xlsx 格式，或文件已损坏' },
    { name: 'an .xls file', file: async () => ({ bytes: 'x', name: '填报模板.xls' }), status: 400, code: 'XLSX_UNRECOGNISED', detail: '只能上传 .xlsx 格式的填报模板' },
    {
      name: 'inserted rows', cells: { '分子：孕产妇死亡数|合计': 1 }, status: 400, code: 'XLSX_INVALID', detail: '工作表“西岗区”第 5 行 A 列（指标编码）：应为“',
      change: (wb) => wb.getWorksheet('西岗区')!.spliceRows(5, 0, []),
    },
    {
      name: 'an approved submission', cells: { '分子：孕产妇死亡数|合计': 3 }, status: 409, code: 'WORKFLOW_REFUSED', at: '分子：孕产妇死亡数|合计',
      detail: '西岗区2024年“孕产妇死亡数”数据已审核通过并锁定，不能修改；如需更正，请联系统计监测组重新打开',
      before: (k) => k.t.db.kysely.updateTable('submissions').set({ state: 'approved' }).where('id', '=', k.seat.id).execute(),
    },
    {
      name: 'a value someone changed since the download', cells: { '分子：孕产妇死亡数|合计': 3 }, status: 409, code: 'VALUE_CONFLICT', at: '分子：孕产妇死亡数|合计',
      detail: '“孕产妇死亡数”已被他人修改为 2，请核对后再保存',
      before: (k) =>
        k.t.app.inject({
          method: 'PUT', url: `/api/reporting/submissions/${k.seat.id}/values`, headers: authHeaders(k.reporter),
          payload: { cells: [{ dataElementId: k.mmr.numeratorId, option: 'total', value: 2, expectedVersion: null }] },
        }),
    },
    {
      // Refused before the file is read: the office holds no role that writes values.
      name: 'an overseer who may read but not report', cells: { '分子：孕产妇死亡数|合计': 3 }, as: (k) => k.office, status: 403, code: 'AUTH_FORBIDDEN',
      detail: '没有填报数据的权限，未读取上传内容',
    },
  ];

  it.each(cases)('refuses $name and saves nothing', async (c) => {
    const session = c.as?.(kit) ?? kit.reporter;
    const file = c.file ? await c.file(kit) : { bytes: await kit.fill(await template(session), c.cells ?? {}, undefined, c.change) };
    await c.before?.(kit);
    const before = await kit.counts();
    const res = await kit.upload(session, kit.seatUpload, file.bytes, file.name);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: c.status, code: c.code });
    const messages = [res.body.message as string, ...((res.body as ApiError).details ?? []).map((d) => d.message)];
    const expected = c.at ? `${await placeOf(c.at)}：${c.detail}` : c.detail;
    expect(messages.some((m) => m.includes(expected)), `${messages.join('\n')}\n— should contain —\n${expected}`).toBe(true);
    expect(await kit.counts()).toEqual(before);
  });

  it('lists every bad cell in reading order, naming sheet, row, column and reason', async () => {
    const bytes = await kit.fill(await template(), { '孕产妇系统管理率|男': 'n/a', '分子：婴儿死亡数|女': '约300', '分母：活产数|合计': -1 });
    const res = await kit.upload(kit.reporter, kit.seatUpload, bytes);
    expect(res.status).toBe(400);
    const details = (res.body as ApiError).details;
    expect(details.map((d) => [d.path, d.line])).toEqual([['西岗区!F5', 5], ['西岗区!G6', 6], ['西岗区!H8', 8]]);
    expect(details[1]!.message).toBe('工作表“西岗区”第 6 行 G 列（女）：应为数字，实为“约300”');
    expect(res.body.message).toMatch(/^未导入任何数据，共 3 处问题：工作表“西岗区”第 5 行 F 列（合计）：不能为负数/);
  });

  it('passes over the unchanged sheet of a locked submission, saying so', async () => {
    await kit.upload(kit.reporter, kit.seatUpload, await kit.fill(await template(), FULL));
    await kit.t.db.kysely.updateTable('submissions').set({ state: 'approved' }).where('id', '=', kit.seat.id).execute();
    const locked = await template();
    const sheet = (await kit.open(locked)).getWorksheet('西岗区')!;
    expect(sheet.getCell(kit.address(sheet, '分子：孕产妇死亡数|合计')).protection?.locked).not.toBe(false);
    const res = await kit.upload(kit.reporter, kit.seatUpload, locked);
    expect(res.body).toEqual({
      imported: 0, updated: 0, deleted: 0, ignored: 11, dryRun: false,
      warnings: ['工作表“西岗区”：数据已审核通过并锁定，不能修改；如需更正，请联系统计监测组重新打开，本表未导入任何数据'],
    });
  });

  it('imports every unit of a department through the task template, and only there', async () => {
    const url = `/api/reporting/tasks/${kit.task.id}/template.xlsx?department=${encodeURIComponent('卫健委')}`;
    const both = await kit.fill(await kit.fill(await template(kit.statistics, url), { '分子：孕产妇死亡数|合计': 1 }, '西岗区'), { '分子：孕产妇死亡数|合计': 2 }, '中山区');
    const res = await kit.upload(kit.statistics, `/api/reporting/tasks/${kit.task.id}/upload`, both);
    expect(res.body).toMatchObject({ imported: 2, updated: 0 });
    expect(await kit.storedValue(kit.mmr.numeratorId, kit.xigang.id)).toMatchObject({ value: 1 });
    expect(await kit.storedValue(kit.mmr.numeratorId, kit.zhongshan.id)).toMatchObject({ value: 2 });

    const wrongPlace = await kit.upload(kit.reporter, kit.seatUpload, both);
    expect(wrongPlace.body).toMatchObject({ code: 'XLSX_TEMPLATE_MISMATCH', message: '该模板属于“西岗区、中山区”的填报表，不能上传到“西岗区 · 卫健委”的填报表' });
  });
});
