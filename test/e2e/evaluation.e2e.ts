import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationPages } from './page-models/EvaluationPages';
import { screenshot } from './support/browser';
import { resultsDir } from './support/paths';
import { useDemoServer } from './support/demoServer';
import { ADMIN_PASSWORD } from './support/server';
import type { FormDto, RoundSummaryDto } from '../../src/shared/api/evaluation';
import { printDocx } from '../support/libreoffice';

/** Demo accounts (same password as admin): the city's 卫健委 reporter, the city's 评估组, the city's office. */
const DEPARTMENT = 'dalian_weijian';
const EVALUATION_GROUP = 'dalian_pinggu';
const OFFICE = 'dalian_office';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const demo = useDemoServer();

const signIn = async (username: string) => (await demo.signIn(username)).page;

describe('mid-term evaluation in the browser', () => {
  let formUrl = '';

  it('a department fills and submits its self-evaluation with a file, after taking off one attached by mistake', async () => {
    const page = await signIn(DEPARTMENT);
    const pages = new EvaluationPages(page);
    await pages.openFirstRound();
    await screenshot(page, 'evaluation-round-department');
    await pages.openFirstForm('待自评');
    formUrl = page.url();
    // A file attached by mistake is saved with the draft, then taken off again.
    await pages.fillSelfEvaluation({
      evidence: '全市孕产妇系统管理率持续提高，已纳入年度工作要点。', file: { name: '错传的文件.png', bytes: PNG },
      scores: { 指标达标: 54, 措施落实: 27, 机制保障: 9 }, problems: '个别区县进展较慢。', rectification: '2026年开展专项督导。',
    });
    await pages.saveDraft('错传的文件.png');
    await screenshot(page, 'evaluation-form-draft-file');
    await pages.removeFile('错传的文件.png');
    await pages.attachFile({ name: '自评佐证.png', bytes: PNG });
    await screenshot(page, 'evaluation-form-filled');
    await pages.submit();
    await expect.poll(() => page.getByRole('link', { name: '自评佐证.png' }).count()).toBe(1);
    await expect.poll(() => page.getByText('自评得分 90').count()).toBe(1);
    await screenshot(page, 'evaluation-form-submitted');
  });

  it('the 评估组 scores it', async () => {
    const page = await signIn(EVALUATION_GROUP);
    await page.goto(formUrl);
    const pages = new EvaluationPages(page);
    await page.getByText('评估组评审').waitFor();
    await pages.review({ 指标达标: 50, 措施落实: 25, 机制保障: 8 }, '佐证材料齐全。');
    await expect.poll(() => page.getByText('评估组得分 83').count()).toBe(1);
    await screenshot(page, 'evaluation-form-reviewed');
  });

  it('the office sees the results and downloads the evaluation report, which LibreOffice prints', async () => {
    const page = await signIn(OFFICE);
    const pages = new EvaluationPages(page);
    await pages.openFirstRound();
    await screenshot(page, 'evaluation-round-office');
    await pages.openResults();
    await expect.poll(() => page.getByText('目标达标率').count()).toBe(1);
    await screenshot(page, 'evaluation-results');

    const { fileName, path } = await pages.downloadReport();
    expect(fileName).toBe('《大连市妇女发展规划》中期评估（2025 年）报告.docx');
    const bytes = await readFile(path);
    await writeFile(join(resultsDir, 'evaluation-report.docx'), bytes);
    const printed = printDocx(bytes, 'evaluation-report');
    try {
      const text = printed.text.replace(/\s+/g, '');
      for (const words of ['评估依据和方法', '总体评价', '目标达标率', '各领域目标达标情况', '参评单位得分', '存在问题和建议', '佐证材料齐全。']) expect(text, words).toContain(words);
      // The department's submission in the first test, with its file and the 评估组's score.
      expect(text).toContain('全市孕产妇系统管理率持续提高');
      expect(printed.images).toBe(1);
      const [first] = printed.renderPages(60);
      await writeFile(join(resultsDir, 'evaluation-report-page1.png'), await readFile(first!));
    } finally {
      printed.dispose();
    }
  }, 240_000);

  it('the office weighs an area differently: refused by name while the weights do not add up, then the results follow', async () => {
    const page = await signIn(OFFICE);
    const pages = new EvaluationPages(page);
    await pages.openFirstRound();
    await pages.openResults();
    await expect.poll(() => pages.planScore()).toMatch(/^\d/);
    const before = await pages.planScore();
    const healthWeight = page.getByRole('region', { name: '各领域达标率和得分' }).getByRole('row', { name: /^妇女与健康/ }).getByRole('cell').nth(2);
    await expect.poll(() => healthWeight.textContent()).toBe('13');
    const areaRow = page.getByRole('row').filter({ has: page.getByText('领域“妇女与健康”', { exact: true }) });
    // The demo's override of 妇女与健康 (indicator attainment 70) is listed.
    await pages.openWeights();
    await expect.poll(() => areaRow.textContent()).toMatch(/^领域“妇女与健康”702010按领域13（默认）/);
    await screenshot(page, 'evaluation-weights');

    await pages.fillAreaWeights('妇女与健康', { 指标达标: 90, 措施落实: 10, 机制保障: 10 }, 50);
    await page.getByRole('dialog').getByText('各项分值合计应为 100，现为 110').waitFor();
    await pages.saveWeights();
    await page.getByText('领域“妇女与健康”的各项分值合计应为 100，现为 110').waitFor();
    await screenshot(page, 'evaluation-weights-refused');
    await page.getByRole('dialog').getByLabel('机制保障分值').fill('0');
    await pages.saveWeights();
    await page.getByText('已保存领域“妇女与健康”的权重').waitFor();
    await expect.poll(() => areaRow.textContent()).toMatch(/^领域“妇女与健康”90100按领域50占规划总分/);

    // The results are read anew: 妇女与健康 counts 50 in the plan's score, which moves.
    await pages.openResults();
    await expect.poll(() => healthWeight.textContent()).toBe('50');
    await expect.poll(() => pages.planScore()).not.toBe(before);
    await screenshot(page, 'evaluation-results-weighted');

    // The 评估组 scores a goal of 妇女与健康 out of the round's full marks, shown with the area's weights.
    const group = new EvaluationPages(await signIn(EVALUATION_GROUP));
    await group.openFirstRound();
    await group.openFirstForm('待评审');
    await group.page.getByText('指标达标（满分 60，本目标按 90 分计）').waitFor();
    await group.page.getByText('机制保障（满分 10，本目标不计分）').waitFor();
    await screenshot(group.page, 'evaluation-review-weighted');
  });

  it('the office starts the final round: default criteria, every candidate taking part', async () => {
    const page = await signIn(OFFICE);
    const pages = new EvaluationPages(page);
    await pages.startRound(/大连市妇女发展规划/, '2030 年（终期评估）');
    await expect.poll(() => page.getByRole('dialog').getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(5);
    await screenshot(page, 'evaluation-create-round');
    await pages.confirmRound();
    await page.getByRole('heading', { name: /终期评估（2030 年）/ }).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: /自评表（\d+）/ }).count()).toBe(1);
    await screenshot(page, 'evaluation-final-round');
  });

  it('the office closes a round only once every form is reviewed: told which are open, then asked to confirm, then read-only', async () => {
    const page = await signIn(OFFICE);
    const pages = new EvaluationPages(page);
    // The mid-term round still has drafts: refused with the server's reason.
    await pages.openFirstRound();
    await pages.openCloseDialog();
    await pages.confirmClose();
    await page.getByText(/尚有 \d+ 份自评表未评审（待自评 \d+ 份.*），全部评审后才能结束评估/).waitFor();
    await screenshot(page, 'evaluation-close-refused');
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();

    // The final round started above: every form submitted and reviewed through the API (the administrator may do both).
    const admin = await apiSession('admin');
    const finalRound = (await admin.get<RoundSummaryDto[]>('/api/evaluation/rounds')).find((r) => r.kind === 'final')!;
    const { forms } = await admin.get<{ forms: { id: number }[] }>(`/api/evaluation/rounds/${finalRound.id}`);
    for (const { id } of forms) {
      const form = await admin.get<FormDto>(`/api/evaluation/forms/${id}`);
      const scores = Object.fromEntries(form.round.criteria.map((c) => [c.key, c.weight]));
      await admin.send('PUT', `/api/evaluation/forms/${id}`, {
        attainment: form.suggested, attainmentReason: '', evidence: '对照目标逐项自查。', problems: '进展不平衡。', rectification: '开展专项督导。', scores, attachmentIds: [], submit: true,
      });
      await admin.send('POST', `/api/evaluation/forms/${id}/review`, { action: 'review', scores, comment: '' });
    }

    await page.goto(`/evaluation/rounds/${finalRound.id}`);
    await page.getByText('评估内容与分值').waitFor();
    await pages.openCloseDialog();
    await page.getByText(`自评表 ${forms.length} 份，已评审 ${forms.length} 份。`).waitFor();
    await screenshot(page, 'evaluation-close-confirm');
    await pages.confirmClose();
    await page.getByText(/本次评估已于 \d{4}-\d\d-\d\d 由.+结束/).waitFor();
    await expect.poll(() => page.getByRole('button', { name: '结束评估' }).count()).toBe(0);
    await screenshot(page, 'evaluation-round-closed');
    // Its site checks take no new visit; a form opens read-only.
    await page.getByRole('tab', { name: '督导检查' }).click();
    await page.getByText('本次评估没有督导检查记录').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /记录督导检查/ }).count()).toBe(0);
    await page.getByRole('tab', { name: /自评表/ }).click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByText('本次评估已结束，自评表和评审结果均为只读').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /保存评审|提交自评/ }).count()).toBe(0);
    await screenshot(page, 'evaluation-form-closed');
    // The list marks it.
    await page.goto('/evaluation');
    await page.getByRole('link', { name: /终期评估/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /终期评估.*已结束/ }).count()).toBe(1);
    await screenshot(page, 'evaluation-rounds-closed');
  });
});

/** A signed-in API client outside the browser, for setting up what the page then shows. */
async function apiSession(username: string) {
  const login = await fetch(`${demo.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: ADMIN_PASSWORD }) });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: object) => {
    const res = await fetch(demo.baseUrl + url, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return { get: <T>(url: string) => call('GET', url) as Promise<T>, send: (method: 'PUT' | 'POST', url: string, body: object) => call(method, url, body) };
}
