import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import { STAMP_SHEET } from './layout';
import { readStamp } from './stamp';
import { templateKit, type TemplateKit } from './templateTestKit';

describe(`xlsx template download (${testDialect()})`, () => {
  let kit: TemplateKit;
  beforeEach(async () => {
    kit = await templateKit();
  });
  afterEach(async () => kit.t.close());

  it('lays out one sheet per submission, pre-filled, with last year’s value and the comments', async () => {
    const { t, mmr, care, xigang, reporter, seat } = kit;
    await kit.storePrevious(mmr.numeratorId, xigang.id, 5);
    const saved = await t.app.inject({
      method: 'PUT', url: `/api/reporting/submissions/${seat.id}/values`, headers: authHeaders(reporter),
      payload: { cells: [{ dataElementId: care.valueId, option: 'female', value: 96.5, comment: '含流动人口', expectedVersion: null }] },
    });
    expect(saved.statusCode).toBe(200);

    const res = await kit.download(reporter, kit.seatTemplate);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2024年度妇女发展规划监测数据填报-西岗区-卫健委.xlsx');

    const workbook = await kit.open(res.bytes);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([['西岗区', 'visible'], [STAMP_SHEET, 'veryHidden']]);
    const sheet = workbook.getWorksheet('西岗区')!;
    expect(sheet.getCell('A1').text).toBe('2024年度妇女发展规划监测数据填报表（西岗区 · 卫健委）');
    expect(sheet.getCell('A2').text).toContain('截止日期：2099-03-31');
    expect(sheet.getCell('A2').text).toContain('填写“删除”可删除已有数据');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['指标编码', '指标名称', '数据项', '单位', '上年值', '合计', '女', '男', '说明']);
    const rows = [4, 5, 6, 7, 8].map((r) => [2, 3, 4].map((c) => sheet.getCell(r, c).text));
    expect(rows).toEqual([
      ['孕产妇死亡率', '分子：孕产妇死亡数', '人'],
      ['孕产妇死亡率', '分母：活产数', '人'],
      ['婴儿死亡率', '分子：婴儿死亡数', '人'],
      ['婴儿死亡率', '分母：活产婴儿数', '人'],
      ['孕产妇系统管理率', '孕产妇系统管理率', '%'],
    ]);
    expect(sheet.getCell('E4').value).toBe(5);
    expect(sheet.getCell(kit.address(sheet, '孕产妇系统管理率|女')).value).toBe(96.5);
    expect(sheet.getCell(kit.address(sheet, '孕产妇系统管理率|说明')).value).toBe('含流动人口');
    // The stamp remembers what each input cell held, to tell the cells people changed from the rest.
    expect(readStamp(workbook).cells.filter((c) => c.dataElementId === care.valueId).map((c) => [c.option, c.version, c.filled])).toEqual([
      ['total', null, null], ['female', 1, 96.5], ['male', null, null], [null, null, '含流动人口'],
    ]);
    expect(sheet.getCell('A4').font.name).toBe('宋体');
  });

  it('locks everything but the inputs, validates numbers and stamps the file in a very hidden sheet', async () => {
    const { reporter, seat, task, mmr, care } = kit;
    const workbook = await kit.open((await kit.download(reporter, kit.seatTemplate)).bytes);
    const sheet = workbook.getWorksheet('西岗区')!;
    // exceljs reads the protection back into `sheetProtection`, which its typings leave out.
    expect((sheet as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({ sheet: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, paperSize: 9 });

    const count = kit.address(sheet, '分子：孕产妇死亡数|合计');
    const rate = kit.address(sheet, '孕产妇系统管理率|女');
    const comment = kit.address(sheet, '分子：孕产妇死亡数|说明');
    const unused = kit.address(sheet, '分子：孕产妇死亡数|女');
    for (const input of [count, rate, comment]) expect(sheet.getCell(input).protection).toMatchObject({ locked: false });
    for (const fixed of ['A1', 'C4', 'E4', 'F3', unused]) expect(sheet.getCell(fixed).protection?.locked).not.toBe(false);

    expect(sheet.getCell(count).dataValidation).toMatchObject({
      type: 'custom', showErrorMessage: true, formulae: [`OR(AND(ISNUMBER(${count}),${count}>=0,${count}=INT(${count})),${count}="删除")`],
      error: '请填写不小于 0 的整数；要删除已填的数据，请填写“删除”',
    });
    expect(sheet.getCell(rate).dataValidation).toMatchObject({ formulae: [`OR(AND(ISNUMBER(${rate}),${rate}>=0),${rate}="删除")`] });
    expect(sheet.getCell(comment).dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [500] });
    expect(sheet.getCell(unused).dataValidation).toBeUndefined();

    const stamp = readStamp(workbook);
    expect(stamp).toMatchObject({ formatVersion: 2, taskId: task.id, taskName: task.name, templateVersion: 1, submissionIds: [seat.id] });
    expect(stamp.cells).toContainEqual({
      sheet: '西岗区', submissionId: seat.id, row: 4, column: 6, indicatorCode: expect.any(String), dataElementId: mmr.numeratorId, option: 'total', version: null, filled: null,
    });
    expect(stamp.cells.filter((c) => c.dataElementId === care.valueId).map((c) => c.option)).toEqual(['total', 'female', 'male', null]);
  });

  it('makes one sheet per unit of a department for a task, as far as the user may see', async () => {
    const { statistics, reporter, task } = kit;
    const all = await kit.download(statistics, `/api/reporting/tasks/${task.id}/template.xlsx?department=${encodeURIComponent('卫健委')}`);
    expect(all.status).toBe(200);
    const workbook = await kit.open(all.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['西岗区', '中山区', STAMP_SHEET]);
    expect(workbook.getWorksheet('中山区')!.getCell('A1').text).toBe('2024年度妇女发展规划监测数据填报表（中山区 · 卫健委）');

    const own = await kit.open((await kit.download(reporter, `/api/reporting/tasks/${task.id}/template.xlsx?department=${encodeURIComponent('卫健委')}`)).bytes);
    expect(own.worksheets.map((s) => s.name)).toEqual(['西岗区', STAMP_SHEET]);

    const none = await kit.download(statistics, `/api/reporting/tasks/${task.id}/template.xlsx?department=${encodeURIComponent('教育局')}`);
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ message: expect.stringContaining('没有您可以查看的“教育局”填报表') });
  });

  it('refuses people outside the seat', async () => {
    const other = await kit.seatOf(kit.zhongshanReporter, kit.task.id);
    expect((await kit.download(kit.reporter, `/api/reporting/submissions/${other.id}/template.xlsx`)).status).toBe(403);
    expect((await kit.t.app.inject({ url: kit.seatTemplate })).statusCode).toBe(401);
  });
});
