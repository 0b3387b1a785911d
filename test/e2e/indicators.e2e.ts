import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorListPage } from './page-models/IndicatorListPage';
import { IndicatorPage } from './page-models/IndicatorPage';
import { LoginPage } from './page-models/LoginPage';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';

/** The demo account of the city committee's office; demo accounts share the administrator's password. */
const CITY_OFFICE = 'dalian_office';
const DALIAN_WOMEN = '大连市妇女发展规划（大连市）';

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let dir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await openPage(browser, server.baseUrl));
  dir = await mkdtemp(join(tmpdir(), 'halfsky-e2e-indicators-'));
  const login = new LoginPage(page);
  await login.goto();
  await login.login(CITY_OFFICE, ADMIN_PASSWORD);
  // The office's start page.
  await page.getByRole('heading', { name: '监测概览', level: 1 }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('indicator dictionary in the browser', () => {
  it('lists the demo indicators with their formulas, targets and counts', async () => {
    const list = new IndicatorListPage(page);
    await list.open();
    expect(await list.counts.innerText()).toMatch(/共 78 个指标/); // 53 women's and 25 children's
    const mmr = await list.row('孕产妇死亡率').innerText();
    expect(mmr).toContain('孕产妇死亡人数 ÷ 活产数 × 10万');
    expect(mmr).toContain('≤ 9/10万 · 2025');
    await screenshot(page, 'indicator-list');
  });

  it('generates indicators from the Dalian women’s plan: one selected, then all the rest', async () => {
    const list = new IndicatorListPage(page);
    const before = await list.total();
    await list.openGenerator(DALIAN_WOMEN);
    expect(await list.candidate('孕产妇死亡率').innerText()).toContain('已关联 W01_022');
    await list.candidate('妇女肥胖增长率').getByRole('checkbox').check();
    expect(await list.generate(/生成所选/)).toContain('已新建 1 个指标');
    await expect.poll(() => list.candidate('妇女肥胖增长率').innerText()).toContain('已关联 W01_071');
    await screenshot(page, 'indicator-generate');

    const generated = Number(/已新建 (\d+) 个指标/.exec(await list.generate(/全部生成/))?.[1]);
    expect(generated).toBeGreaterThan(10);
    await expect.poll(() => list.generateDialog.getByRole('button', { name: /全部生成/ }).isDisabled()).toBe(true);
    await list.closeDialog(list.generateDialog);
    await expect.poll(() => list.total()).toBe(before + 1 + generated);
  });

  it('edits a generated indicator into a ratio of counts, and keeps it after a reload', async () => {
    const list = new IndicatorListPage(page);
    await list.openIndicator('妇女肥胖增长率');
    const indicator = new IndicatorPage(page);
    await indicator.heading.filter({ hasText: 'W01_071' }).waitFor();
    expect(await indicator.section('来源').innerText()).toContain('妇女肥胖增长率持续减缓');

    await indicator.chooseRatio();
    await indicator.fillElement('分子', { code: 'OBESE_WOMEN_NEW', name: '新增肥胖妇女人数' });
    await indicator.fillElement('分母', { code: 'POP_F', pick: '女性常住人口数' });
    expect(await indicator.field('分母名称').inputValue()).toBe('女性常住人口数');
    await indicator.field('统计口径').fill('18岁及以上常住妇女，按年度体检数据统计');
    await screenshot(page, 'indicator-edit');
    await indicator.save();

    await page.reload();
    await indicator.field('分子名称').waitFor();
    expect(await indicator.section('计算方法').getByRole('radio', { name: '比率' }).isChecked()).toBe(true);
    expect(await indicator.field('分子名称').inputValue()).toBe('新增肥胖妇女人数');
    expect(await indicator.field('统计口径').inputValue()).toBe('18岁及以上常住妇女，按年度体检数据统计');
  });

  it('exports the dictionary as xlsx and imports it back unchanged', async () => {
    await page.goto('/indicators');
    const list = new IndicatorListPage(page);
    await list.heading.waitFor();
    const download = await list.exportXlsx();
    expect(download.suggestedFilename()).toMatch(/^指标字典-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(dir, 'dictionary.xlsx');
    await download.saveAs(file);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');

    const total = await list.total();
    const result = await list.importXlsx(file);
    expect(await result.innerText()).toContain(`导入完成：新增 0 个，更新 0 个，未变 ${total} 个`);
    await screenshot(page, 'indicator-import');
  });

  it('refuses an edited file with errors, listing them by sheet, row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, 'dictionary.xlsx'))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标')!;
    sheet.getCell('C2').value = '每十万名十五岁至四十九岁常住育龄妇女中的人数';
    sheet.getCell('D3').value = '越多越好';
    const bad = join(dir, 'bad.xlsx');
    await writeFile(bad, new Uint8Array(await workbook.xlsx.writeBuffer()));

    const list = new IndicatorListPage(page);
    const result = await list.importXlsx(bad);
    expect(await result.innerText()).toContain('文件中有 2 处错误，未导入任何内容');
    expect(await list.importDialog.getByRole('list', { name: '导入错误' }).getByRole('listitem').allInnerTexts()).toEqual([
      '指标 第 2 行 C 列（单位）：单位不能超过 20 个字',
      '指标 第 3 行 D 列（方向）：“越多越好”不是可选值，应为 越高越好、越低越好、保持区间 之一',
    ]);
    await screenshot(page, 'indicator-import-errors');
    await list.closeDialog(list.importDialog);
  });

  it('raised no uncaught errors in the page', () => {
    // A refused upload answers 400, which the browser logs as a failed resource; script errors are not expected.
    expect(pageErrors.filter((message) => !message.startsWith('Failed to load resource'))).toEqual([]);
  });
});
