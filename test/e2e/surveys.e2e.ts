import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_RULES } from '../../src/server/modules/surveys/ticket';
import { LoginPage } from './page-models/LoginPage';
import { SurveyAnswerPage, SurveyListPage, SurveyPage } from './page-models/SurveyPages';
import { launchBrowser, openPage, screenshot } from './support/browser';
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
    await survey.statCard('K1').locator('canvas').first().waitFor();
    await screenshot(page, 'surveys-demo-stats');
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
});
