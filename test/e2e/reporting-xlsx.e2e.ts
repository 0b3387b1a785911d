import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridDto, SubmissionDto, TaskDto } from '../../src/shared/api/reporting';
import { FIRST_DATA_ROW, HEADER_ROW } from '../../src/server/modules/reporting/xlsx/layout';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { ReportingEntryPage } from './page-models/ReportingEntryPage';
import { MySubmissionsPage } from './page-models/ReportingListPages';
import { ReportingXlsxPage } from './page-models/ReportingXlsxPage';
import { ApiSession } from './support/apiSession';
import { launchBrowser, openPage, screenshot, settleAnimations, type TestPage } from './support/browser';
import { createIndicators, fillSubmission, findSeat, openTask, submissionOf } from './support/reportingFixture';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

const TASK_NAME = '2025年度妇女儿童发展规划监测数据模板填报';
/** Demo accounts share the administrator's password: 西岗区卫健委's reporter and the city's statistics group. */
const REPORTER = 'xigang_weijian';
const STATISTICS = 'dalian_tongji';

let server: RunningServer;
let browser: Browser;
let dir: string;
let task: TaskDto;
let seat: SubmissionDto;
let reporterApi: ApiSession;
const pages: TestPage[] = [];

async function signIn(username: string): Promise<Page> {
  const opened = await openPage(browser, server.baseUrl);
  pages.push(opened);
  const login = new LoginPage(opened.page);
  await login.goto();
  await login.login(username, ADMIN_PASSWORD);
  await new AppShell(opened.page).banner.waitFor();
  return opened.page;
}

async function saved(download: Download, name: string): Promise<string> {
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return workbook;
}

/** Fills cells found as the server's template tests find them: by the row's 数据项 and the column's header. */
async function fillTemplate(file: string, cells: Record<`${string}|${string}`, ExcelJS.CellValue>, name: string): Promise<string> {
  const workbook = await openWorkbook(file);
  const sheet = workbook.worksheets[0]!;
  for (const [key, value] of Object.entries(cells)) {
    const [item, header] = key.split('|') as [string, string];
    let row = FIRST_DATA_ROW;
    while (sheet.getCell(row, 3).text !== item) if (++row > 100) throw new Error(`no row ${item}`);
    let column = 1;
    while (sheet.getCell(HEADER_ROW, column).text !== header) if (++column > 30) throw new Error(`no column ${header}`);
    sheet.getCell(row, column).value = value;
  }
  const out = join(dir, name);
  await writeFile(out, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return out;
}

/** The stored values of the seat, by “data element code|option”. */
async function storedValues(): Promise<Record<string, number | null>> {
  const grid = await reporterApi.get<GridDto>(`/api/reporting/submissions/${seat.id}/grid`);
  return Object.fromEntries(grid.rows.flatMap((r) => r.cells.map((c) => [`${r.dataElementCode}|${c.option}`, c.value])));
}

beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), 'halfsky-e2e-xlsx-'));
  const admin = await ApiSession.login(server.baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
  const ids = [...(await createIndicators(admin)).values()];
  const health = await findSeat(admin, '西岗区', '卫健委');
  const city = await findSeat(admin, '大连市', '卫健委');
  reporterApi = await ApiSession.login(server.baseUrl, REPORTER, ADMIN_PASSWORD);

  // Last year's figures, so a large change in the upload raises a warning that does not stop it.
  const lastYear = await openTask(admin, {
    orgUnitId: city.orgUnit.id, year: 2024, name: '2024年度妇女儿童发展规划监测数据模板填报', opensOn: '2025-01-06', dueOn: '2099-03-31',
    indicatorIds: ids, orgUnitIds: [health.orgUnit.id],
  });
  const before = await submissionOf(reporterApi, lastYear.id, '西岗区', '卫健委');
  await fillSubmission(reporterApi, before.id, { E2E_MAT_DEATHS: { total: 2 }, E2E_LIVE_BIRTHS: { total: 3210 } });

  task = await openTask(admin, {
    orgUnitId: city.orgUnit.id, year: 2025, name: TASK_NAME, opensOn: '2025-01-06', dueOn: '2099-03-31', indicatorIds: ids, orgUnitIds: [health.orgUnit.id],
  });
  seat = await submissionOf(reporterApi, task.id, '西岗区', '卫健委');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('xlsx templates in the browser', () => {
  let page: Page;
  let template: string;

  it('lets a reporter download the template from 我的填报任务', async () => {
    page = await signIn(REPORTER);
    const mine = new MySubmissionsPage(page);
    await mine.goto();
    await mine.card(TASK_NAME).waitFor();
    await screenshot(page, 'reporting-xlsx-mine');
    const xlsx = new ReportingXlsxPage(page);
    const download = await xlsx.download(mine.card(TASK_NAME).getByRole('link', { name: /下载模板/ }));
    expect(download.suggestedFilename()).toBe(`${TASK_NAME}-西岗区-卫健委.xlsx`);
    template = await saved(download, 'template.xlsx');
    const sheet = (await openWorkbook(template)).getWorksheet('西岗区')!;
    expect(sheet.getCell('A1').text).toBe(`${TASK_NAME}表（西岗区 · 卫健委）`);
  });

  it('uploads the filled template on the entry page: a summary, a warning, the values in the grid', async () => {
    const filled = await fillTemplate(template, {
      '分子：孕产妇死亡数|合计': 5,
      '分母：活产数|合计': 3300,
      '分子：婴儿死亡数|合计': 8,
      '孕产妇系统管理率|合计': 95.2,
    }, 'filled.xlsx');
    await new MySubmissionsPage(page).open(TASK_NAME, '开始填报');
    const entry = new ReportingEntryPage(page);
    await entry.grid.waitFor();
    const xlsx = new ReportingXlsxPage(page);
    await xlsx.open();

    const outcome = await xlsx.upload(filled);
    expect(await outcome.innerText()).toContain('导入完成：新增 4 项，修改 0 项，未变 0 项');
    // 5 deaths in 3,300 births against last year's 2 in 3,210: saved, and flagged at its cell.
    expect(await xlsx.warnings.innerText()).toMatch(/工作表“西岗区”第 \d+ 行 [A-Z]+ 列（合计）：孕产妇死亡率（合计）为 151.52.*请填写说明/);
    await settleAnimations(xlsx.dialog);
    await screenshot(page, 'reporting-xlsx-uploaded');
    await xlsx.close();

    await expect.poll(() => entry.cell('孕产妇死亡数（合计）').inputValue()).toBe('5');
    expect(await entry.cell('活产数（合计）').inputValue()).toBe('3300');
    expect(await entry.cell('孕产妇系统管理率（合计）').inputValue()).toBe('95.2');
    expect(await entry.derived('孕产妇死亡率').innerText()).toBe('151.52');
    await entry.issues.getByText(/孕产妇死亡率（合计）为 151.52.*请填写说明/).waitFor();
    await screenshot(page, 'reporting-xlsx-grid');
  });

  it('refuses a file with bad cells, listing each by sheet, row and column, and saves nothing', async () => {
    const xlsx = new ReportingXlsxPage(page);
    await xlsx.open();
    const download = await xlsx.download(xlsx.downloadLink(/下载本表模板/));
    expect(download.suggestedFilename()).toBe(`${TASK_NAME}-西岗区-卫健委.xlsx`);
    const current = await saved(download, 'current.xlsx');
    const before = await storedValues();
    expect(before).toMatchObject({ 'E2E_MAT_DEATHS|total': 5, 'E2E_MAT_MGMT_RATE|total': 95.2 });

    const bad = await fillTemplate(current, { '孕产妇系统管理率|合计': 96, '分子：婴儿死亡数|合计': '约8', '分母：活产数|合计': -1 }, 'bad.xlsx');
    const outcome = await xlsx.upload(bad);
    expect(await outcome.innerText()).toContain('上传未成功，没有保存任何数据');
    const problems = await xlsx.problems();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual([expect.stringMatching(/^工作表“西岗区”第 \d+ 行 F 列（合计）$/), '不能为负数，实为 -1']);
    expect(problems[1]).toEqual([expect.stringMatching(/^工作表“西岗区”第 \d+ 行 F 列（合计）$/), '应为数字，实为“约8”']);
    await settleAnimations(xlsx.dialog);
    await screenshot(page, 'reporting-xlsx-refused');
    await xlsx.close();

    expect(await storedValues()).toEqual(before);
    expect(await new ReportingEntryPage(page).cell('孕产妇系统管理率（合计）').inputValue()).toBe('95.2');
  });

  it('lets the statistics group download a department’s template for the task and upload it', async () => {
    const statistics = await signIn(STATISTICS);
    await statistics.goto(`/reporting/tasks/${task.id}`);
    const xlsx = new ReportingXlsxPage(statistics);
    await xlsx.open();
    await xlsx.dialog.getByRole('button', { name: '上传并导入' }).waitFor();
    await screenshot(statistics, 'reporting-xlsx-task');
    const download = await xlsx.download(xlsx.downloadLink(/下载卫健委模板/));
    expect(download.suggestedFilename()).toBe(`${TASK_NAME}-卫健委.xlsx`);
    const workbook = await openWorkbook(await saved(download, 'task.xlsx'));
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['西岗区']);

    const filled = await fillTemplate(join(dir, 'task.xlsx'), { '孕产妇系统管理率|乡村': 93.1 }, 'task-filled.xlsx');
    expect(await (await xlsx.upload(filled)).innerText()).toContain('导入完成：新增 1 项，修改 0 项，未变 4 项');
    await xlsx.close();
    expect(await storedValues()).toMatchObject({ 'E2E_MAT_MGMT_RATE|rural': 93.1, 'E2E_MAT_MGMT_RATE|total': 95.2 });
  });

  it('raised no uncaught errors in the pages', () => {
    // A refused upload answers 400, which the browser logs as a failed resource; script errors are not expected.
    const errors = pages.flatMap((p) => p.errors);
    expect(errors.filter((message) => !message.startsWith('Failed to load resource'))).toEqual([]);
  });
});
