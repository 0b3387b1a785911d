import { describe, expect, it } from 'vitest';
import { EvaluationPages } from './page-models/EvaluationPages';
import { SiteCheckPages } from './page-models/SiteCheckPages';
import { screenshot } from './support/browser';
import { useDemoServer } from './support/demoServer';

/** Demo accounts (same password as admin): the city's 评估组, the city's 卫健委 reporter, the city's office. */
const EVALUATION_GROUP = 'dalian_pinggu';
const DEPARTMENT = 'dalian_weijian';
const OFFICE = 'dalian_office';
/** The demo's third-party evaluator (大连市统计学会), bound to the 2025 mid-term round. */
const EVALUATOR = 'dalian_tongjixuehui';
const REQUIREMENT = '补齐 2024 年分区县孕产妇系统管理台账。';

const demo = useDemoServer();

const signIn = async (username: string) => (await demo.signIn(username)).page;

describe('site checks of the mid-term evaluation in the browser', () => {
  it('the 评估组 records a site check with a rectification request', async () => {
    const page = await signIn(EVALUATION_GROUP);
    await new EvaluationPages(page).openFirstRound();
    const checks = new SiteCheckPages(page);
    await checks.openTab();
    // The demo's two checks: 西岗区's committee and a lead department.
    await expect.poll(() => checks.checks().count()).toBe(2);
    await screenshot(page, 'evaluation-checks-demo');
    await checks.record({ unit: '大连市卫生健康委员会', inspectors: ['王海（市妇儿工委评估组）', '陈静（大连市统计学会）'], findings: '抽查 3 个区的孕产妇系统管理台账，2024 年分区县数据不全。', requirement: REQUIREMENT });
    await screenshot(page, 'evaluation-checks-record');
    await checks.save();
    await expect.poll(() => checks.checks().count()).toBe(3);
    await expect.poll(() => page.getByRole('row').filter({ hasText: REQUIREMENT }).getByText('整改中').count()).toBe(1);
    await screenshot(page, 'evaluation-checks-recorded');
  });

  it('the visited department sees only its own checks and answers the request', async () => {
    const page = await signIn(DEPARTMENT);
    await new EvaluationPages(page).openFirstRound();
    const checks = new SiteCheckPages(page);
    await checks.openTab();
    await expect.poll(() => page.getByRole('row').filter({ hasText: REQUIREMENT }).count()).toBe(1);
    await expect.poll(() => page.getByText('西岗区妇儿工委').count()).toBe(0);
    await checks.answer(REQUIREMENT, '已补齐 10 个区市县 2024 年台账，并建立季度核查制度。');
    await expect.poll(() => page.getByRole('row').filter({ hasText: REQUIREMENT }).getByText('已答复').count()).toBe(1);
    await screenshot(page, 'evaluation-checks-answered');
  });

  it('the office sees the checks per unit in the results', async () => {
    const page = await signIn(OFFICE);
    const pages = new EvaluationPages(page);
    await pages.openFirstRound();
    await pages.openResults();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '大连市卫生健康委员会' }).filter({ hasText: /\d 次，整改要求 \d 条（已答复 \d/ }).count()).toBeGreaterThan(0);
    await page.getByText('单位得分与排名').scrollIntoViewIfNeeded();
    await screenshot(page, 'evaluation-checks-results');
  });

  it('the office adds a third-party evaluator, whose password is shown once', async () => {
    const page = await signIn(OFFICE);
    await new EvaluationPages(page).openFirstRound();
    await page.getByRole('tab', { name: '第三方评估' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '大连市统计学会' }).count()).toBe(1);
    await page.getByRole('button', { name: '添加第三方评估账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('所在机构').fill('辽宁师范大学妇女研究中心');
    await dialog.getByLabel('姓名').fill('李敏');
    await dialog.getByLabel('用户名').fill('lnnu_expert');
    await dialog.getByRole('button', { name: '添加' }).click();
    await page.getByText('此密码只显示这一次').waitFor();
    await screenshot(page, 'evaluation-evaluator-added');
    await page.getByRole('button', { name: '我已记下' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '辽宁师范大学妇女研究中心' }).getByText('有效').count()).toBe(1);
    await screenshot(page, 'evaluation-evaluators');
  });

  it('the third-party evaluator signs in, sees only its round and scores a goal', async () => {
    const page = await signIn(EVALUATOR);
    await new EvaluationPages(page).openFirstRound();
    await page.getByText('请对各目标逐项打分').waitFor();
    const goal = '妇女与健康 · 目标 4';
    await page.getByLabel(`${goal} 指标达标`).fill('48');
    await page.getByLabel(`${goal} 措施落实`).fill('24');
    await page.getByLabel(`${goal} 机制保障`).fill('8');
    await page.getByLabel(`${goal} 评价意见`).fill('两癌筛查覆盖面扩大，数据可靠。');
    await page.getByRole('button', { name: `保存${goal}` }).click();
    await page.getByText(`已保存${goal}的评分`).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '两癌筛查覆盖面扩大' }).getByText('合计 80').count()).toBe(1);
    await screenshot(page, 'evaluation-third-party-sheet');
    // Read-only elsewhere: no 记录督导检查, no results of another round, no other menus' data.
    await page.getByRole('tab', { name: '督导检查' }).click();
    await page.getByText(/检查 \d+ 次/).waitFor();
    expect(await page.getByRole('button', { name: '记录督导检查' }).count()).toBe(0);
    await page.getByRole('tab', { name: '评估结果' }).click();
    await expect.poll(() => page.getByText(/第三方评估：大连市统计学会（陈静，评 4 项目标/).count()).toBe(1);
    await screenshot(page, 'evaluation-third-party-results');
  });
});
