import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_RULES } from '../../src/server/modules/surveys/ticket';
import { LoginPage } from './page-models/LoginPage';
import { SurveyAnswerPage, SurveyListPage, SurveyPage } from './page-models/SurveyPages';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { resultsDir } from './support/paths';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

const TITLE = '社区妇女健康知识小调查';

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let publicUrl: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await openPage(browser, server.baseUrl));
  const login = new LoginPage(page);
  await login.goto();
  await login.login(ADMIN_USERNAME, ADMIN_PASSWORD);
  await page.waitForURL(/\/plans$/);
  // The login page's session probe answers 401 before signing in: expected, not a fault of the pages under test.
  pageErrors.length = 0;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('surveys in the browser', () => {
  it('lists the demo survey with its answers and shows its statistics', async () => {
    const list = new SurveyListPage(page);
    await list.goto();
    await list.link('2025年妇女儿童健康知识知晓情况调查').waitFor();
    await screenshot(page, 'surveys-list');
    await list.link('2025年妇女儿童健康知识知晓情况调查').click();
    const survey = new SurveyPage(page);
    await survey.total.filter({ hasText: '共 2,400 份答卷' }).waitFor();
    // Single choice is drawn as a pie unless bars are picked; the report follows the pick.
    await survey.statCard('K1').locator('canvas').first().waitFor();
    await survey.pickChart('K3', '条形图');
    await survey.statCard('K3').locator('canvas').first().waitFor();
    await screenshot(page, 'surveys-demo-stats');
    await survey.statCard('K1').scrollIntoViewIfNeeded();
    await screenshot(page, 'surveys-demo-pie');
    // The button's address carries the pick; the report takes a while to draw, so it is fetched, not waited for as a navigation.
    const href = await page.getByRole('link', { name: /调查报告 docx/ }).getAttribute('href');
    expect(href).toBe('/api/surveys/1/report.docx?charts=K3%3Abar');
    const report = await page.request.get(href!, { timeout: 180_000 });
    expect(report.headers()['content-disposition']).toContain(encodeURIComponent('2025年妇女儿童健康知识知晓情况调查-调查报告.docx'));
    const bytes = await report.body();
    const docx = await JSZip.loadAsync(bytes);
    const text = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('共回收答卷 2,400 份');
    expect(Object.keys(docx.files).filter((n) => n.startsWith('word/media/')).length).toBeGreaterThanOrEqual(8);
    // Kept beside the screenshots, to print and look at.
    await writeFile(join(resultsDir, 'surveys-report.docx'), bytes);
    await survey.tab('写入指标').click();
    await page.getByText('K1 → 妇女营养健康知识知晓率（2025年）').waitFor();
    await screenshot(page, 'surveys-demo-feeds');
  });

  it('builds a survey with a skip rule and publishes it', async () => {
    const list = new SurveyListPage(page);
    await list.goto();
    await list.create(TITLE, '大连市');
    const survey = new SurveyPage(page);
    await survey.heading(TITLE).waitFor();
    const knows = await survey.addQuestion('单选题', '您是否知道孕前孕期要补充叶酸？', 'Q3');
    await survey.setOptions(knows, ['知道', '不知道']);
    const where = await survey.addQuestion('填空题', '您是从哪里知道的？', 'Q4');
    await survey.showOnlyIf(where, 'Q3', '知道');
    // The phone preview follows the rule: the follow-up appears only after 知道.
    await expect(survey.preview.locator('fieldset[data-code="Q4"]').count()).resolves.toBe(0);
    await survey.preview.locator('fieldset[data-code="Q3"]').getByText('知道', { exact: true }).click();
    await survey.preview.locator('fieldset[data-code="Q4"]').waitFor();
    await survey.save();
    await screenshot(page, 'surveys-builder');
    await survey.publish();
    publicUrl = await survey.publicLink();
    expect(publicUrl).toMatch(/\/s\/[\w-]+$/);
    await page.getByRole('img', { name: '问卷二维码' }).evaluate((img: HTMLImageElement) => img.decode());
    await screenshot(page, 'surveys-share');
  });

  it('answers it on a phone without logging in', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const mobile = await phone.newPage();
    const errors: string[] = [];
    mobile.on('pageerror', (e) => errors.push(e.message));
    await mobile.goto(publicUrl);
    const form = new SurveyAnswerPage(mobile);
    await form.question('Q1').waitFor();
    await expect(form.question('Q4').count()).resolves.toBe(0);
    await form.submit.click();
    await mobile.getByText('还有 3 道题需要填写或修改，已用红色标出').waitFor();
    await screenshot(mobile, 'surveys-phone-errors');
    await form.selectRegion('Q1', '西岗区');
    await form.choose('Q2', '女');
    await form.choose('Q3', '知道');
    await form.fillText('Q4', '社区医院的宣传栏');
    await screenshot(mobile, 'surveys-phone-form');
    // Progress is kept on the phone: a reload keeps the answers.
    await mobile.reload();
    await expect(form.question('Q4').getByRole('textbox').inputValue()).resolves.toBe('社区医院的宣传栏');
    // A person takes longer than the bot check's minimum; a script has to wait for it.
    await mobile.waitForTimeout(TICKET_RULES.minSeconds * 1000 + 200);
    await form.submit.click();
    await form.thanks.waitFor();
    await screenshot(mobile, 'surveys-phone-done');
    expect(errors).toEqual([]);
    await phone.close();
  });

  it('sees the answer in the statistics and exports the answers as xlsx', async () => {
    const survey = new SurveyPage(page);
    await survey.tab('统计分析').click();
    await survey.total.filter({ hasText: '共 1 份答卷' }).waitFor();
    await expect(survey.statCard('Q3').getByRole('row', { name: /知道 1 100\.0%/ }).count()).resolves.toBe(1);
    await screenshot(page, 'surveys-stats');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /原始答卷 xlsx/ }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('答卷（文字）')!;
    const header = sheet.getRow(1).values as string[];
    const row = sheet.getRow(2).values as string[];
    const at = (text: string) => header.findIndex((h) => typeof h === 'string' && h.startsWith(text));
    expect([row[at('Q1 ')], row[at('Q2 ')], row[at('Q3 ')], row[at('Q4 ')]]).toEqual(['西岗区', '女', '知道', '社区医院的宣传栏']);
    expect(pageErrors).toEqual([]);
  });

  it('saves a question to the bank of its unit and inserts a copy from it', async () => {
    const survey = new SurveyPage(page);
    await survey.tab('设计').click();
    await survey.saveToBank(survey.question('Q3'));
    const dialog = await survey.searchBank('叶酸');
    await dialog.getByText('您是否知道孕前孕期要补充叶酸？').waitFor();
    await screenshot(page, 'surveys-bank');
    await dialog.getByRole('button', { name: '插入：您是否知道孕前孕期要补充叶酸？' }).click();
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect(survey.question('Q5').getByLabel('题目', { exact: true }).inputValue()).resolves.toBe('您是否知道孕前孕期要补充叶酸？');
    expect(pageErrors).toEqual([]);
  });
});
