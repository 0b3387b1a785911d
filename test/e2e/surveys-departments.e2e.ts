import { describe, expect, it } from 'vitest';
import { OrgTreePage } from './page-models/OrgTreePage';
import { SurveyListPage, SurveyPage } from './page-models/SurveyPages';
import { screenshot } from './support/browser';
import { useDemoServer } from './support/demoServer';

/** Demo accounts (same password as admin): 西岗区's office and the reporter of its 卫健委, not authorised in the demo. */
const OFFICE = 'xigang_office';
const REPORTER = 'xigang_weijian';
const TITLE = '西岗区孕产妇健康知识小调查';

const demo = useDemoServer();

describe('surveys built by an authorised member department, in the browser', () => {
  it('a department without the authorisation has no 问卷调查 in its menu', async () => {
    const { page } = await demo.signIn(REPORTER);
    await page.getByRole('menu', { name: '主导航' }).waitFor();
    expect(await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '问卷调查' }).count()).toBe(0);
  });

  it('the office authorises its 卫健委 in 成员单位 management', async () => {
    const { page } = await demo.signIn(OFFICE);
    const orgs = new OrgTreePage(page);
    await orgs.goto();
    await orgs.select('西岗区');
    // The demo's 教育局 is authorised already; the 卫健委 is not yet.
    await expect.poll(() => orgs.department('教育局').getByText('可发起问卷调查').count()).toBe(1);
    const dialog = await orgs.editDepartment('卫健委');
    await dialog.getByRole('checkbox', { name: '可发起问卷调查' }).check();
    await screenshot(page, 'surveys-departments-authorise');
    await orgs.saveDepartment(dialog);
    await expect.poll(() => orgs.department('卫健委').getByText('可发起问卷调查').count()).toBe(1);
    await screenshot(page, 'surveys-departments-authorised');
  });

  it('its reporter builds and publishes a survey of its own, seeing none of the office’s', async () => {
    const { page } = await demo.signIn(REPORTER);
    await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '问卷调查' }).click();
    const list = new SurveyListPage(page);
    await list.heading.waitFor();
    await page.getByRole('button', { name: '新建问卷' }).click();
    const dialog = page.getByRole('dialog', { name: '新建问卷' });
    await dialog.getByLabel('问卷标题').fill(TITLE);
    await dialog.getByText('西岗区卫生健康委员会').waitFor();
    await screenshot(page, 'surveys-departments-create');
    await dialog.getByRole('button', { name: '创建' }).click();
    const survey = new SurveyPage(page);
    await survey.heading(TITLE).waitFor();
    await page.getByText('发起单位：西岗区卫生健康委员会').waitFor();
    await survey.publish();
    await screenshot(page, 'surveys-departments-published');
    await list.goto();
    await list.link(TITLE).waitFor();
    expect(await list.link('2025年妇女儿童健康知识知晓情况调查').count()).toBe(0);
    expect(await list.link('2025年西岗区中小学家长家庭教育知识调查').count()).toBe(0);
  });

  it('the office sees the survey with its owner, and filters by it', async () => {
    const { page } = await demo.signIn(OFFICE);
    const list = new SurveyListPage(page);
    await list.goto();
    const row = page.getByRole('row').filter({ has: list.link(TITLE) });
    await expect.poll(() => row.getByText('西岗区卫生健康委员会').count()).toBe(1);
    await expect.poll(() => page.getByRole('row').filter({ hasText: '2025年西岗区中小学家长家庭教育知识调查' }).getByText('西岗区教育局').count()).toBe(1);
    await screenshot(page, 'surveys-departments-office-list');
    // 发起单位 filters by the owner: the 卫健委's survey alone.
    await page.getByRole('columnheader', { name: '发起单位' }).getByRole('button').click();
    const filter = page.locator('.ant-table-filter-dropdown:visible');
    await filter.getByText('西岗区卫生健康委员会').click();
    await filter.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '2025年西岗区中小学家长家庭教育知识调查' }).count()).toBe(0);
    await expect.poll(() => row.count()).toBe(1);
    await screenshot(page, 'surveys-departments-office-filtered');
  });

  it('after the office withdraws the authorisation, the department still finds its surveys in the menu, read only', async () => {
    const office = await demo.signIn(OFFICE);
    const orgs = new OrgTreePage(office.page);
    await orgs.goto();
    await orgs.select('西岗区');
    const dialog = await orgs.editDepartment('卫健委');
    await dialog.getByRole('checkbox', { name: '可发起问卷调查' }).uncheck();
    await orgs.saveDepartment(dialog);
    await expect.poll(() => orgs.department('卫健委').getByText('可发起问卷调查').count()).toBe(0);

    const { page } = await demo.signIn(REPORTER);
    await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '问卷调查' }).click();
    const list = new SurveyListPage(page);
    await list.heading.waitFor();
    await list.link(TITLE).waitFor();
    expect(await page.getByRole('button', { name: '新建问卷' }).count()).toBe(0);
    await screenshot(page, 'surveys-departments-withdrawn-list');
    // Its results stay readable from the list.
    await list.link(TITLE).click();
    const survey = new SurveyPage(page);
    await survey.heading(TITLE).waitFor();
    await survey.tab('统计分析').click();
    await screenshot(page, 'surveys-departments-withdrawn-stats');
  });
});
