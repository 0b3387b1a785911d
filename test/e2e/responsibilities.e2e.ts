import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pickTag } from './support/antd';
import { ResponsibilityPages } from './page-models/ResponsibilityPages';
import { screenshot, settleAnimations } from './support/browser';
import { useDemoServer } from './support/demoServer';

const demo = useDemoServer();

const signIn = demo.signIn;

const WOMEN = /西岗区妇女发展规划/;
/** Failed requests are expected (the refused import, the sign-in page's session check); script errors are not. */
const scriptErrors = (errors: string[]) => errors.filter((message) => !message.startsWith('Failed to load resource'));

/** The downloaded template with 目标1 of （一） set to 卫健委 leading, 教育局 and 妇联 supporting; `bad` names a stranger too. */
async function filledTemplate(bytes: Buffer, bad: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('责任分解')!;
  const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).text.startsWith('（一）') && r.getCell(2).text === '目标1')!;
  row.getCell(3).value = '卫健委';
  row.getCell(4).value = '教育局、西岗区妇女联合会';
  if (bad) sheet.getRow(row.number + 1).getCell(3).value = '区体育中心';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('责任分解 and 实施方案 in the browser', () => {
  it('the office imports the filled template, 教育局 sees 我的责任目标 and files its 实施方案, the office accepts it', async () => {
    const office = await signIn('xigang_office');
    const pages = new ResponsibilityPages(office.page);
    await office.page.goto('/plans');
    await office.page.getByRole('link', { name: WOMEN }).click();
    await pages.bar.waitFor();
    const planId = Number(new URL(office.page.url()).pathname.split('/').pop());
    const template = await office.page.request.get(`/api/plans/${planId}/responsibilities/template.xlsx`);
    expect(template.status()).toBe(200);
    const bytes = await template.body();

    // A bad row: nothing is imported, the row and column are named.
    await pages.importTable('责任分解表.xlsx', await filledTemplate(bytes, true));
    await pages.importDialog.getByText(/第 \d+ 行 C 列（牵头单位）：“区体育中心”不是西岗区妇儿工委的成员单位/).waitFor();
    await settleAnimations(pages.importDialog);
    await screenshot(office.page, 'responsibilities-import-errors');
    await pages.importDialog.getByRole('button', { name: /取\s*消/ }).click();

    await pages.importTable('责任分解表.xlsx', await filledTemplate(bytes, false));
    await office.page.getByText(/已导入 \d+ 条目标、措施的责任单位/).waitFor();
    const goal1 = pages.goal(1).getByLabel('目标 1责任单位');
    await goal1.getByText('卫健委', { exact: true }).waitFor();
    await goal1.getByText('教育局', { exact: true }).waitFor();
    await screenshot(office.page, 'responsibilities-plan-page');

    // The compact editor: 教育局 joins 目标 2 as a 配合单位.
    await pages.goal(2).getByRole('button', { name: '设置目标 2的责任单位' }).click();
    await pickTag(office.page.getByLabel('目标 2配合单位'), '教育局', '西岗区教育局');
    // Close the option list (it covers the buttons) by clicking the editor's title.
    await office.page.getByText('设置目标 2的责任单位', { exact: true }).click();
    await office.page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await screenshot(office.page, 'responsibilities-editor');
    await office.page.locator('.responsibility-editor').getByRole('button', { name: /保\s*存/ }).click();
    await office.page.getByText('目标 2的责任单位已保存').waitFor();
    await pages.goal(2).getByLabel('目标 2责任单位').getByText('教育局', { exact: true }).waitFor();

    // 教育局's reporter: 我的责任目标, then files the overdue 实施方案 with a file.
    const education = await signIn('xigang_jiaoyu');
    const mine = new ResponsibilityPages(education.page);
    await mine.gotoMine();
    const card = mine.planCard(WOMEN);
    await card.getByText('逾期未报').waitFor();
    await card.getByText('目标1', { exact: true }).first().waitFor();
    await expect(card.getByText('配合', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await screenshot(education.page, 'responsibilities-mine');
    await card.getByRole('button', { name: '报送实施方案' }).click();
    const dialog = education.page.getByRole('dialog');
    await dialog.getByLabel('实施方案主要内容').fill('一、工作目标：落实规划教育领域目标。\n二、主要措施：推进女性职业教育和终身学习。');
    await dialog.locator('input[type=file]').setInputFiles({ name: '教育局实施方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 实施方案\n') });
    await dialog.getByRole('button', { name: /报\s*送/ }).click();
    await card.getByText('已报送待审').waitFor();
    await card.getByText('逾期报送').waitFor();
    await screenshot(education.page, 'responsibilities-filed');

    // The office accepts it.
    await office.page.goto(`/plans/${planId}/implementation`);
    const row = pages.implementationRow('教育局');
    await row.getByText('已报送待审').waitFor();
    await office.page.getByText(/逾期未报 \d+/).waitFor();
    await screenshot(office.page, 'responsibilities-implementation');
    await row.getByRole('button', { name: /接\s*收/ }).click();
    await row.getByText('已接收').waitFor();
    await row.getByRole('link', { name: /教育局实施方案\.pdf/ }).waitFor();
    expect(scriptErrors([...office.errors, ...education.errors])).toEqual([]);
  });
});
