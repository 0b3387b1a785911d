import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { KeyItemPages } from './page-models/KeyItemPages';
import { WorkPointsPage } from './page-models/WorkPointsPage';
import { ApiSession } from './support/apiSession';
import { screenshot, settleAnimations } from './support/browser';
import { useDemoServer } from './support/demoServer';
import { createUser, findSeat } from './support/reportingFixture';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server';

const demo = useDemoServer();

/** The 发出督办 dialog's fields as a person sees them. */
async function dialogValues(page: Page) {
  const dialog = page.getByRole('dialog', { name: '发出督办' });
  await dialog.waitFor();
  await settleAnimations(dialog);
  return {
    dialog,
    department: (await dialog.locator('.ant-select-content, .ant-select-selection-item').first().textContent())?.trim() ?? '',
    subject: await dialog.getByLabel('督办事由').inputValue(),
    request: await dialog.getByLabel('督办要求').inputValue(),
  };
}

describe('督办 from where the office meets a lag', () => {
  it('the office puts a lagging indicator under 督办 from the warnings list; the list links back to the indicator', async () => {
    const { page } = await demo.signIn('xigang_office');
    await page.goto('/analytics/warnings?scope=all&kind=lagging');
    const table = page.getByRole('table', { name: '预警列表' });
    const button = table.getByRole('button', { name: /^督办：/ }).first();
    await button.waitFor({ timeout: 30_000 });
    const indicator = (await button.getAttribute('aria-label'))!.replace(/^督办：西岗区/, '');
    await button.click();
    const { dialog, department, subject, request } = await dialogValues(page);
    // Prefilled: the indicator's responsible department at 西岗区 (by id), the warning as subject and reason.
    expect(department).toMatch(/^西岗区/);
    expect(subject).toBe(`${indicator}预计达标困难`);
    expect(request).toMatch(/^预警：/);
    await screenshot(page, 'supervision-indicator-dialog');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await page.getByText('督办已发出').waitFor();

    await page.goto('/workitems/supervisions');
    const entry = page.getByRole('listitem').filter({ hasText: subject });
    await entry.getByText(`承办：${department}`).waitFor();
    await screenshot(page, 'supervision-indicator-list');
    await entry.getByRole('link', { name: indicator }).click();
    await page.getByRole('heading', { name: new RegExp(indicator) }).waitFor();

    // The indicator's page offers 督办 too, and says one is open already.
    await page.getByRole('button', { name: `督办：西岗区${indicator}` }).click();
    const again = await dialogValues(page);
    await again.dialog.getByText(`西岗区“${indicator}”已有 1 项未办结的督办`).waitFor();
    expect(again.department).toBe(department);
    await screenshot(page, 'supervision-indicator-page');
    await again.dialog.getByRole('button', { name: '取消' }).click();
  });

  it('the office sees a 实事项目 under 督办 on the work points and puts another point under 督办', async () => {
    const { page } = await demo.signIn('dalian_office');
    const points = new WorkPointsPage(page);
    await points.goto(2026);
    // The demo's unfiled 实事项目 is under 督办.
    const relief = '完善建立“两癌”贫困患病妇女救助长效机制';
    await points.rowOf(relief).getByRole('button', { name: `${relief}的督办` }).click();
    const list = page.getByRole('dialog', { name: /^督办：/ });
    await list.getByText(`实事项目“${relief}”尚未备案`).waitFor();
    await settleAnimations(list);
    await screenshot(page, 'supervision-workpoint-list');
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });

    const checks = '进一步推动党委政府加大“两癌”检查力度';
    await page.getByRole('button', { name: `督办 ${checks}` }).click();
    const { dialog, department, subject } = await dialogValues(page);
    // Prefilled with the point's lead department, by id.
    expect([department, subject]).toEqual(['大连市卫生健康委员会', `实事项目“${checks}”推进滞后`]);
    await dialog.getByLabel('督办要求').fill('下半年检查进度落后于计划，请说明原因和措施。');
    await screenshot(page, 'supervision-workpoint-dialog');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await page.getByText('督办已发出').waitFor();
    await points.rowOf(checks).getByRole('button', { name: `${checks}的督办` }).getByText('督办中 1').waitFor();
    await screenshot(page, 'supervision-workpoint-tree');
  });

  it('the office puts a late key item under 督办 from its page; the lead unit replies and the office closes it', async () => {
    // The demo has no account at 大连市教育局, the lead unit of the late item: the admin adds one.
    const admin = await ApiSession.login(demo.baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
    const education = await findSeat(admin, '大连市', '教育局');
    await createUser(admin, { username: 'dalian_jiaoyu_e2e', displayName: '市教育局填报员', password: ADMIN_PASSWORD, role: 'reporter', orgUnitId: education.orgUnit.id, departmentId: education.departmentId });

    const office = new KeyItemPages((await demo.signIn('dalian_office')).page);
    await office.gotoList();
    const name = await office.openLateItem();
    const dialog = await office.openIssueDialog();
    const subject = `${name}进度滞后`;
    // The demo's 督办 of this item is still open; prefilled: the item's lead unit (by id) and the subject.
    await dialog.getByText('该事项已有 1 项未办结的督办，见本页“督办”。').waitFor();
    expect(await dialog.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toBe('大连市教育局');
    expect(await dialog.getByLabel('督办事由').inputValue()).toBe(subject);
    await dialog.getByLabel('督办要求').fill('请在12月20日前补齐上半年未办的4场公益大讲堂，并报送补齐安排。');
    await screenshot(office.page, 'supervision-keyitem-dialog');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await office.page.getByText('督办已发出').waitFor();
    const issued = office.supervision(subject);
    await issued.getByText('承办：大连市教育局').waitFor();
    await issued.getByText('待答复').waitFor();
    await issued.scrollIntoViewIfNeeded();
    await screenshot(office.page, 'supervision-keyitem-issued');

    const unit = new KeyItemPages((await demo.signIn('dalian_jiaoyu_e2e')).page);
    await unit.page.goto(office.page.url());
    await unit.act(subject, '答复', '已与场地方协调，12月18日前补办4场公益大讲堂。');
    await unit.supervision(subject).getByText('已与场地方协调，12月18日前补办4场公益大讲堂。').waitFor();
    expect(await unit.supervision(subject).getByRole('button', { name: /^办\s*结$/ }).count()).toBe(0);
    await unit.supervision(subject).scrollIntoViewIfNeeded();
    await screenshot(unit.page, 'supervision-keyitem-replied');

    await office.page.reload();
    await office.act(subject, '办结', '补办安排可行，予以办结。');
    await issued.getByText('已办结').waitFor();
    expect(await issued.textContent()).toMatch(/发出督办.*答复.*已与场地方协调.*办结.*补办安排可行/);
    await issued.scrollIntoViewIfNeeded();
    await screenshot(office.page, 'supervision-keyitem-closed');
  });

  it('two people edit one work point: the second save is refused with who saved first, and the page reloads', async () => {
    const first = new WorkPointsPage((await demo.signIn('dalian_office')).page);
    const second = new WorkPointsPage((await demo.signIn('dalian_office')).page);
    const title = '组织开展妇女儿童专题调研';
    for (const p of [first, second]) {
      await p.goto(2026);
      await p.openEdit(title);
    }
    const saveAs = async (p: WorkPointsPage, newTitle: string) => {
      const dialog = p.page.getByRole('dialog');
      await dialog.getByLabel('标题').fill(newTitle);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
    };
    await saveAs(first, `${title}（第一人）`);
    await first.page.getByRole('dialog').waitFor({ state: 'hidden' });
    await saveAs(second, `${title}（第二人）`);
    const refused = second.page.getByRole('dialog').filter({ hasText: '该要点已被他人修改' });
    await refused.getByText(`“${title}（第一人）”已被市妇儿工委办公室（演示）于`).waitFor();
    await refused.getByText('请刷新后再改（您的修改尚未保存）').waitFor();
    await settleAnimations(refused);
    await screenshot(second.page, 'workpoints-edit-conflict');
    await refused.getByRole('button', { name: '重新加载' }).click();
    await second.rowOf(`${title}（第一人）`).first().waitFor();
    expect(await second.page.getByText(`${title}（第二人）`).count()).toBe(0);
  });
});
