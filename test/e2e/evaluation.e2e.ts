import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationPages } from './page-models/EvaluationPages';
import { launchBrowser, screenshot } from './support/browser';
import { resultsDir } from './support/paths';
import { signInAs } from './support/signIn';
import { startServer, type RunningServer } from './support/server';
import { printDocx } from '../support/libreoffice';

/** Demo accounts (same password as admin): the city's 卫健委 reporter, the city's 评估组, the city's office. */
const DEPARTMENT = 'dalian_weijian';
const EVALUATION_GROUP = 'dalian_pinggu';
const OFFICE = 'dalian_office';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = async (username: string) => (await signInAs(browser, server.baseUrl, username)).page;

describe('mid-term evaluation in the browser', () => {
  let formUrl = '';

  it('a department fills and submits its self-evaluation with a file', async () => {
    const page = await signIn(DEPARTMENT);
    const pages = new EvaluationPages(page);
    await pages.openFirstRound();
    await screenshot(page, 'evaluation-round-department');
    await pages.openFirstForm('待自评');
    formUrl = page.url();
    await pages.fillSelfEvaluation({
      evidence: '全市孕产妇系统管理率持续提高，已纳入年度工作要点。', file: { name: '自评佐证.png', bytes: PNG },
      scores: { 指标达标: 54, 措施落实: 27, 机制保障: 9 }, problems: '个别区县进展较慢。', rectification: '2026年开展专项督导。',
    });
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
});
