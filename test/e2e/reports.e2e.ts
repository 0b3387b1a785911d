import { describe, expect, it } from 'vitest';
import { printDocx } from '../support/libreoffice';
import { EvaluationPages } from './page-models/EvaluationPages';
import { NotificationBell } from './page-models/ReportingListPages';
import { ReportPages } from './page-models/ReportPages';
import { openPage, screenshot } from './support/browser';
import { useDemoServer } from './support/demoServer';

const demo = useDemoServer();

const signIn = demo.signIn;

const TITLE = '大连市2024年妇女发展规划统计监测报告';
const HEADLINE = '妇女人均预期寿命稳步提高';
const ADDED = '全市持续实施母婴安全行动计划。';

describe('the annual report in the browser', () => {
  it('the office generates and words it, the statistics group and the leader approve it, it goes out on the portal', async () => {
    const office = await signIn('dalian_office');
    const pages = new ReportPages(office.page);
    await pages.gotoList();
    await pages.generate(2024, '妇女发展规划');
    await office.page.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
    await pages.status.filter({ hasText: '草稿' }).waitFor();
    // The page says which state of the data the figures come from, as a time.
    await office.page.getByText(/数据版本：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 的数据/).waitFor();

    const first = pages.page.getByRole('article').first();
    const name = (await first.getAttribute('aria-label'))!;
    await pages.editFinding(name, { headline: HEADLINE, addSentence: ADDED, note: '数据经市卫健委复核。' });
    await pages.finding(name).getByText(HEADLINE).waitFor();
    await pages.finding(name).getByText('已修改').waitFor();
    await pages.finding(name).getByText('注：数据经市卫健委复核。').waitFor();
    await screenshot(office.page, 'report-draft');
    await pages.step('送审');
    await pages.status.filter({ hasText: '统计监测组审核中' }).waitFor();
    const url = new URL(office.page.url()).pathname;

    // The statistics group hears of it in the notification list and opens the report from there.
    const statistics = new ReportPages((await signIn('dalian_tongji')).page);
    const bell = new NotificationBell(statistics.page);
    await bell.openList();
    await bell.open(`《${TITLE}》待统计监测组审核`);
    await statistics.page.waitForURL((u) => u.pathname === url);
    await statistics.step('审核通过');
    await statistics.status.filter({ hasText: '待领导审定' }).waitFor();

    const leader = new ReportPages((await signIn('dalian_leader')).page);
    await leader.page.goto(url);
    await expect(leader.page.getByRole('button', { name: '修改' }).count()).resolves.toBe(0);
    await leader.step('审定通过');
    await leader.status.filter({ hasText: '已审定，待发布' }).waitFor();

    await office.page.reload();
    await pages.step('发布');
    await pages.status.filter({ hasText: '已发布' }).waitFor({ timeout: 180_000 });
    await office.page.getByText('报告已发布并冻结').waitFor();
    await screenshot(office.page, 'report-published');

    // The portal lists it for anyone; its Word file, printed by LibreOffice, says what the office wrote.
    const visitor = await openPage(demo.browser, demo.baseUrl);
    await visitor.page.goto('/portal');
    const section = visitor.page.getByRole('region', { name: '监测报告' });
    await section.getByText(TITLE).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(visitor.page, 'report-portal');
    const href = (await section.getByRole('link', { name: `${TITLE} Word 版` }).getAttribute('href'))!;
    const docx = await visitor.page.request.get(href);
    expect(docx.status()).toBe(200);
    const printed = printDocx(await docx.body(), 'report');
    try {
      expect(printed.text).toContain(HEADLINE);
      expect(printed.text.replace(/\s+/g, '')).toContain(ADDED);
      expect(printed.images).toBeGreaterThan(20);
      expect(printed.pages).toBeGreaterThan(10);
    } finally {
      printed.dispose();
    }
    const pdf = await visitor.page.request.get((await section.getByRole('link', { name: `${TITLE} PDF 版` }).getAttribute('href'))!);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await visitor.page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(visitor.page, 'report-portal-phone');
  }, 600_000);
});

describe('the evaluation report in the browser', () => {
  it('the office drafts it from the round and words its 意见建议; the 评估组 reviews it before the leader', async () => {
    const office = await signIn('dalian_office');
    await new EvaluationPages(office.page).openFirstRound();
    await office.page.getByRole('button', { name: '生成评估报告草稿' }).click();
    await office.page.waitForURL(/\/reports\/\d+$/, { timeout: 120_000 });
    const pages = new ReportPages(office.page);
    await pages.status.filter({ hasText: '草稿' }).waitFor();
    await office.page.getByRole('region', { name: '参评单位得分' }).locator('tbody tr').first().waitFor();
    const advice = '建议市卫健委牵头，对未达标的健康目标逐项制定整改方案，年底前报市妇儿工委办公室。';
    await pages.editAdvice([advice]);
    const section = office.page.getByRole('region', { name: '意见建议' });
    await section.getByText(advice).waitFor();
    await section.getByText('已修改').waitFor();
    await screenshot(office.page, 'report-evaluation-draft');
    await pages.step('送审');
    await pages.status.filter({ hasText: '评估组审核中' }).waitFor();
    const url = new URL(office.page.url()).pathname;

    // The statistics group has no say in it; the 评估组 passes it to the leader.
    const statistics = new ReportPages((await signIn('dalian_tongji')).page);
    await statistics.page.goto(url);
    await statistics.status.filter({ hasText: '评估组审核中' }).waitFor();
    await expect(statistics.page.getByRole('button', { name: '审核通过' }).count()).resolves.toBe(0);
    const group = new ReportPages((await signIn('dalian_pinggu')).page);
    await group.page.goto(url);
    await group.step('审核通过');
    await group.status.filter({ hasText: '待领导审定' }).waitFor();
    await group.page.getByText('评估组审核通过').waitFor();
    await screenshot(group.page, 'report-evaluation-reviewed');
  }, 300_000);
});
