import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, multipart, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDemoDictionary } from '../../../../test/support/indicators';
import { testDialect } from '../../../../test/support/testDb';
import type { ImportResultDto, IndicatorDto } from '../../../shared/api/indicators';

describe(`indicator dictionary xlsx (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    const city = await buildDemoDictionary(t.db);
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
  });
  afterEach(async () => t.close());

  const list = () => t.app.inject({ method: 'GET', url: '/api/indicators', headers: { cookie: office.cookie } }).then((r) => r.json<IndicatorDto[]>());
  const exportFile = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/export.xlsx', headers: { cookie: office.cookie } });
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('指标字典-')}`);
    return res.rawPayload;
  };
  const importFile = (bytes: Uint8Array) => {
    const body = multipart({ name: '指标字典.xlsx', bytes });
    return t.app.inject({ method: 'POST', url: '/api/indicators/import', payload: body.payload, headers: { ...body.headers, ...authHeaders(office) } });
  };
  const edited = async (edit: (wb: ExcelJS.Workbook) => void) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportFile()) as unknown as ArrayBuffer);
    edit(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };
  const rowOf = (wb: ExcelJS.Workbook, code: string) => {
    let found: ExcelJS.Row | undefined;
    wb.getWorksheet('指标')!.eachRow((row) => {
      if (row.getCell(1).value === code) found = row;
    });
    return found!;
  };

  it('imports its own export unchanged, writing nothing', async () => {
    const before = await list();
    expect(before.length).toBeGreaterThanOrEqual(40);
    const res = await importFile(await exportFile());
    expect(res.statusCode).toBe(200);
    const result = res.json<ImportResultDto>();
    expect([result.created, result.updated, result.unchanged.length]).toEqual([[], [], before.length]);
    expect(await list()).toEqual(before);
  });

  it('imports edited cells, a new target and a new indicator in one go', async () => {
    const bytes = await edited((wb) => {
      rowOf(wb, 'W01_111').getCell('C').value = '％';
      rowOf(wb, 'W01_111').getCell('AA').value = 3;
      wb.getWorksheet('目标值')!.addRow(['W07_081', 2025, '≥', 92, null]);
      const copy = rowOf(wb, 'W01_021').values as ExcelJS.CellValue[];
      const added = wb.getWorksheet('指标')!.addRow(copy.slice(1));
      added.getCell('A').value = 'W01_099';
      added.getCell('B').value = '产后访视率';
      added.getCell('J').value = 'POSTNATAL_VISITS';
      added.getCell('K').value = '产后访视人数';
    });
    const result = (await importFile(bytes)).json<ImportResultDto>();
    expect([result.created, [...result.updated].sort()]).toEqual([['W01_099'], ['W01_111', 'W07_081']]);

    const after = await list();
    expect(after.find((i) => i.code === 'W01_111')).toMatchObject({ unit: '％', tolerance: 3 });
    expect(after.find((i) => i.code === 'W07_081')!.targets.map((x) => [x.year, x.value])).toEqual([[2025, 92], [2030, 95]]);
    expect(after.find((i) => i.code === 'W01_099')).toMatchObject({
      name: '产后访视率', isDemo: false, planTargetId: null,
      formula: { type: 'ratio', numerator: { code: 'POSTNATAL_VISITS' }, denominator: { code: 'LIVE_BIRTHS' }, factor: 100 },
    });
  });

  it('refuses a file with errors as a list naming sheet, row and column, and writes nothing', async () => {
    const before = await list();
    const bytes = await edited((wb) => {
      rowOf(wb, 'W01_022').getCell('T').value = '组织部';
      rowOf(wb, 'W01_021').getCell('C').value = '单位单位单位单位单位单位单位单位单位单位单位';
      // The denominator WOMEN_35_64 of this ratio cannot be a rate.
      rowOf(wb, 'W01_041').getCell('Q').value = '率/比例';
      rowOf(wb, 'W04_031').getCell('B').value = null;
      wb.getWorksheet('目标值')!.addRow(['X99', 2025, '≥', 1, null]);
    });
    const res = await importFile(bytes);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; details: { message: string }[] }>();
    expect(body).toMatchObject({ code: 'XLSX_INVALID', message: '文件中有 5 处错误，未导入任何内容' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [r21, r22, r41, r431] = ['W01_021', 'W01_022', 'W01_041', 'W04_031'].map((code) => rowOf(workbook, code).number);
    expect(body.details.map((d) => d.message)).toEqual([
      `指标 第 ${r21} 行 C 列（单位）：单位不能超过 20 个字`,
      `指标 第 ${r22} 行 T 列（责任单位）：责任单位“组织部”不是成员单位的简称（如 统计局、卫健委、教育局）`,
      `指标 第 ${r41} 行 Q 列（分母类型）：分母数据元素应为可加总的人数/个数或数量，不能是率/比例`,
      `指标 第 ${r431} 行 B 列（指标名称）：请填写指标名称`,
      `目标值 第 ${workbook.getWorksheet('目标值')!.rowCount} 行 A 列（指标代码）：指标“X99”不在“指标”工作表中`,
    ]);
    expect(await list()).toEqual(before);
  });

  it.each<[string, () => Promise<Uint8Array>, string]>([
    ['a text file', async () => new TextEncoder().encode('not a workbook'), '无法读取文件：不是 .xlsx 格式，或文件已损坏'],
    ['a workbook of something else', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['代码', '名称']);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    }, '不是本系统导出的指标字典文件：缺少“格式版本”工作表'],
    ['an export with a changed header', () => edited((wb) => { wb.getWorksheet('目标值')!.getCell('D1').value = '数值'; }), '不是本系统导出的指标字典文件：“目标值”工作表 D 列的表头应为“目标值”，实为“数值”'],
  ])('refuses %s with the reason', async (_name, file, reason) => {
    const res = await importFile(await file());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'XLSX_UNRECOGNISED', message: reason });
  });
});
