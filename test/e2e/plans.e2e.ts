import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './page-models/AppShell';
import { LoginPage } from './page-models/LoginPage';
import { OrgTreePage } from './page-models/OrgTreePage';
import { PlanImportPage } from './page-models/PlanImportPage';
import { PlanListPage } from './page-models/PlanListPage';
import { PlanPage } from './page-models/PlanPage';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { repoRoot, seedsDir } from './support/paths';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type RunningServer } from './support/server';

const DALIAN_WOMEN_SEED = resolve(seedsDir, 'dalian-women-2021-2030.txt');
const DALIAN_WOMEN = /大连市妇女发展规划/;
const CHINESE = /[\u4e00-\u9fff]/;

/** A goal's target chips as read on screen: indicator, then the target (“≥ 95%”, “↑ 逐步提高”). */
async function chipLines(plan: PlanPage, goalNo: number): Promise<string[]> {
  return (await plan.chipTexts(plan.goal(goalNo))).map((chip) => chip.replace(/\s+/g, ' ').trim());
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await openPage(browser, server.baseUrl));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('plans in the browser', () => {
  it('refuses a wrong password with the server’s message', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await screenshot(page, 'login');
    await login.login(ADMIN_USERNAME, 'not-the-password');
    await login.errorAlert.filter({ hasText: '用户名或密码错误' }).waitFor();
    await screenshot(page, 'login-failed');
  });

  it('signs the admin in and lists the demo plans', async () => {
    const login = new LoginPage(page);
    await login.login(ADMIN_USERNAME, ADMIN_PASSWORD);
    const list = new PlanListPage(page);
    await list.heading.waitFor();
    await list.table.getByRole('link').first().waitFor();
    expect(page.url()).toMatch(/\/plans$/);
    await new AppShell(page).banner.getByText('系统管理员', { exact: true }).first().waitFor();
    await screenshot(page, 'plan-list');
  });

  it('shows a Chinese error for files it cannot read, and stays usable', async () => {
    const importPage = new PlanImportPage(page);
    await importPage.goto();
    const dir = await mkdtemp(join(tmpdir(), 'halfsky-e2e-files-'));
    const empty = join(dir, 'empty.txt');
    const png = join(dir, 'picture.png');
    await writeFile(empty, '');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));

    try {
      for (const file of [empty, png]) {
        await importPage.preview(file);
        await importPage.errorAlert.waitFor();
        expect(await importPage.errorAlert.innerText()).toMatch(CHINESE);
        await expect.poll(() => importPage.previewButton.isEnabled()).toBe(true);
      }
      await screenshot(page, 'import-error');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('previews the Dalian women’s plan with its counts, then imports it as a new plan', async () => {
    const importPage = new PlanImportPage(page);
    await importPage.goto();
    // The demo holds this plan for 大连市 already; for a unit without it, saving creates it.
    await importPage.chooseOrgUnit('中山区');
    await importPage.preview(DALIAN_WOMEN_SEED);
    const card = importPage.planCard(DALIAN_WOMEN);
    const stats = await importPage.stats(card);
    expect(stats).toMatchObject({ areas: 8, goals: 82, measures: 96 });
    await importPage.expandArea(card, '妇女与健康');
    await card.getByText('妇女全生命周期享有良好的卫生健康服务').first().waitFor();
    await card.getByText('将新建规划，所属单位：中山区').waitFor();
    await screenshot(page, 'import-preview');

    await importPage.confirm();
    await importPage.result.getByText('已新建规划，所属单位：中山区').waitFor();
    await screenshot(page, 'import-done');
    await importPage.openImportedPlan(DALIAN_WOMEN);
    const plan = new PlanPage(page);
    await plan.heading.filter({ hasText: DALIAN_WOMEN }).waitFor();
    await page.getByText('中山区', { exact: true }).first().waitFor();
  });

  it('shows the goals and targets of an area', async () => {
    const plan = new PlanPage(page);
    await plan.openArea('（一）妇女与健康');
    expect(await plan.goalText(1)).toContain('妇女全生命周期享有良好的卫生健康服务');
    expect(await chipLines(plan, 1)).toEqual(['妇女人均预期寿命 ↑ 延长', '人均健康预期寿命 ↑ 提高']);
    expect(await chipLines(plan, 10)).toEqual(['妇女心理健康素养水平 ↑ 不断提升', '妇女焦虑障碍、抑郁症患病率 ↓ 减缓']);
    const chips = await plan.chipTexts(plan.goal(2));
    expect(chips.some((chip) => chip.includes('95%'))).toBe(true);
    expect(chips.some((chip) => chip.includes('9/10万'))).toBe(true);
    await screenshot(page, 'plan-detail');
  });

  it('saves an edited target so that it is still there after a reload', async () => {
    const plan = new PlanPage(page);
    await plan.openTargetEditor(plan.goal(2), '95%');
    await plan.fillTarget({ value: '96' });
    await screenshot(page, 'target-edit');
    await plan.saveTarget();
    await expect.poll(() => plan.chipTexts(plan.goal(2))).toEqual(expect.arrayContaining([expect.stringContaining('≥ 96%')]));

    await page.reload();
    await plan.goal(2).waitFor();
    const chips = await plan.chipTexts(plan.goal(2));
    expect(chips.some((chip) => chip.includes('≥ 96%'))).toBe(true);
    expect(chips.some((chip) => chip.includes('95%'))).toBe(false);
  });

  it('adds and deletes a target, and marks a goal as qualitative', async () => {
    const plan = new PlanPage(page);
    const goal = plan.goal(3);
    await plan.openTargetAdder(goal);
    await plan.fillTarget({ indicator: '妇女常见病筛查率', value: '80', unit: '%', year: '2025' });
    await plan.saveTarget();
    await expect.poll(() => plan.chipTexts(goal)).toEqual([expect.stringContaining('≥ 80% · 2025')]);

    await plan.deleteTarget(goal, '80%');
    expect(await plan.chipTexts(goal)).toEqual([]);

    await plan.qualitativeSwitch(goal).click();
    await goal.getByText('定性目标', { exact: true }).waitFor();
    await page.reload();
    await expect.poll(() => plan.qualitativeSwitch(plan.goal(3)).getAttribute('aria-checked')).toBe('true');
  });

  it('opens the source text at the lines of a goal', async () => {
    const plan = new PlanPage(page);
    await plan.openGoalSource(plan.goal(2));
    const highlighted = (await plan.highlightedSource().allInnerTexts()).join('');
    expect(highlighted).toContain('孕产妇系统管理率');
    expect(await plan.highlightedSource().first().isVisible()).toBe(true);
    await screenshot(page, 'source-view');
    await page.keyboard.press('Escape');
    await plan.sourceDialog.waitFor({ state: 'hidden' });
  });

  it.each([
    {
      file: 'web-one-line.txt', title: /丙市妇女发展规划/, stats: { areas: 2, goals: 5, measures: 4, targets: 9 },
      goal: '孕产妇死亡率下降到8/10万以下', chip: '孕产妇死亡率', shot: 'import-preview-web-one-line',
    },
    {
      file: 'dash-subgoals-2011.txt', title: /丁市妇女发展规划/, stats: { areas: 2, goals: 7, measures: 4, targets: 12 },
      goal: '——孕产妇住院分娩率达到98%以上', chip: '孕产妇住院分娩率', shot: 'import-preview-dash-subgoals',
    },
  ])('previews a plan in another layout ($file) with its structure and clean indicator names', async ({ file, title, stats, goal, chip, shot }) => {
    const importPage = new PlanImportPage(page);
    await importPage.goto();
    await importPage.chooseOrgUnit('中山区');
    await importPage.preview(resolve(repoRoot, 'test/fixtures/plan-layouts', file));
    const card = importPage.planCard(title);
    expect(await importPage.stats(card)).toEqual(stats);
    await importPage.expandArea(card, '妇女与健康');
    const goals = card.getByRole('list', { name: '妇女与健康的主要目标' });
    await goals.getByText(goal).first().waitFor();
    const chips = (await goals.getByRole('list', { name: '量化指标' }).allInnerTexts()).join('\n');
    expect(chips).toContain(chip);
    // Never the dash that introduces a sub-goal, never a goal's title glued to an indicator.
    expect(chips).not.toMatch(/——|--|防治/);
    await screenshot(page, shot);
  });

  it('shows the org-unit tree with committees and member departments', async () => {
    const orgs = new OrgTreePage(page);
    await new AppShell(page).navigateTo('组织机构');
    await orgs.heading.waitFor();
    await orgs.tree.getByText('大连市', { exact: true }).waitFor();
    await orgs.select('西岗区');
    expect(await orgs.page.getByText('妇儿工委').first().isVisible()).toBe(true);
    await new AppShell(page).demoTag.waitFor();
    await screenshot(page, 'org-tree');
  });

  it('raised no uncaught errors in the page', () => {
    // Failed requests (401 before login, 400 for bad files) are expected; script errors are not.
    expect(pageErrors.filter((message) => !message.startsWith('Failed to load resource'))).toEqual([]);
  });
});
