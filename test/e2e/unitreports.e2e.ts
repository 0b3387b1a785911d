import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printDocx } from '../support/libreoffice';
import { UnitReportPages } from './page-models/UnitReportPages';
import { screenshot } from './support/browser';
import { resultsDir } from './support/paths';
import { useDemoServer } from './support/demoServer';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

const demo = useDemoServer();

const signIn = demo.signIn;

describe('member units’ annual reports in the browser', () => {
  it('the office opens a round; 卫健委 fills in and submits its report with a file; it is returned, resubmitted, accepted and compiled', async () => {
    const office = await signIn('dalian_office');
    const officePages = new UnitReportPages(office.page);
    await officePages.gotoList();
    await officePages.rowOf('2025 年度').getByText('2026-01-31').waitFor();
    await screenshot(office.page, 'unitreports-list');
    // Last year's demo round: 应急局 overdue, 教育局 returned, 西岗区 waiting.
    await officePages.rowOf('2025 年度').getByRole('link').click();
    await officePages.rowOf('大连市应急管理局').getByText(/逾期 \d+ 天/).waitFor();
    await officePages.rowOf('大连市教育局').getByText('已退回').waitFor();
    await officePages.rowOf('西岗区妇儿工委').getByText('已提交').waitFor();
    await screenshot(office.page, 'unitreports-round-2025');

    await officePages.gotoList();
    await officePages.openRound(2026, '2027-01-31');
    await officePages.rowOf('大连市卫生健康委员会').getByText('未提交').waitFor();
    const roundUrl = office.page.url();

    const reporter = await signIn('dalian_weijian');
    const reporterPages = new UnitReportPages(reporter.page);
    await reporterPages.gotoList();
    await reporterPages.rowOf('2025').getByText('已接收').waitFor();
    await screenshot(reporter.page, 'unitreports-mine');
    // Last year's accepted report, written from the figures its form shows.
    await reporterPages.rowOf('2025').getByRole('link', { name: '查看' }).click();
    await reporter.page.getByText(/孕产妇死亡率为\d/).first().waitFor();
    // Accepted: its figures are those of the day it was accepted.
    await reporter.page.getByText(/^数据为受理时（2026-\d\d-\d\d）的数据$/).waitFor();
    await screenshot(reporter.page, 'unitreports-demo-report');
    await reporterPages.gotoList();
    await reporterPages.rowOf('2026').getByRole('link', { name: '填写报告' }).click();
    await reporterPages.entry('孕产妇死亡率', '主要工作').fill('实施母婴安全行动提升计划，全市危重孕产妇救治中心全部通过复核评估。');
    await reporterPages.entry('孕产妇死亡率', '下一年工作安排').fill('加强高危孕产妇专案管理，确保孕产妇死亡率稳定在规划目标以内。');
    await reporterPages.section('综述').fill('2026年，市卫生健康委牵头负责的妇女健康领域指标总体进展顺利。');
    await reporterPages.attach('孕产妇死亡评审报告.png', PNG);
    // A file attached by mistake comes off the draft again.
    await reporterPages.attach('误传的图片.png', PNG);
    await reporterPages.removeAttachment('误传的图片.png');
    await expect(reporter.page.getByRole('link', { name: '误传的图片.png' }).count()).resolves.toBe(0);
    await reporter.page.getByRole('link', { name: '孕产妇死亡评审报告.png' }).waitFor();
    await reporter.page.getByText(/^已保存/).waitFor();
    await screenshot(reporter.page, 'unitreports-form-filled');
    await reporterPages.submit();
    await reporter.page.getByText('已提交').first().waitFor();

    await office.page.goto(roundUrl);
    await officePages.rowOf('大连市卫生健康委员会').getByRole('link').click();
    await office.page.getByRole('link', { name: '孕产妇死亡评审报告.png' }).waitFor();
    await officePages.returnWith('请补充孕产妇死亡率的城乡差异情况');

    await reporter.page.reload();
    await reporter.page.getByText('退回原因：请补充孕产妇死亡率的城乡差异情况。请修改后重新提交。').waitFor();
    await screenshot(reporter.page, 'unitreports-form-returned');
    await reporterPages.entry('孕产妇死亡率', '数据情况').fill('城镇与农村孕产妇死亡率差距进一步缩小。');
    await reporterPages.submit();

    await office.page.reload();
    await office.page.getByText('城镇与农村孕产妇死亡率差距进一步缩小。').waitFor();
    await officePages.accept();
    await office.page.getByText(/^数据为受理时（\d{4}-\d\d-\d\d）的数据$/).waitFor();
    await screenshot(office.page, 'unitreports-form-accepted');
    await office.page.goto(roundUrl);
    await officePages.rowOf('大连市卫生健康委员会').getByText('已接收').waitFor();
    await screenshot(office.page, 'unitreports-round-2026');
    const download = await officePages.downloadCompiled();
    expect(download.suggestedFilename()).toBe('大连市2026年度妇女儿童发展规划实施情况成员单位报告汇编.docx');
    const printed = printDocx(readFileSync((await download.path())!), 'compiled');
    try {
      const text = printed.text.replace(/\s+/g, '');
      expect(text).toContain('大连市卫生健康委员会');
      expect(text).toContain('实施母婴安全行动提升计划，全市危重孕产妇救治中心全部通过复核评估。');
      expect(text).toContain('城镇与农村孕产妇死亡率差距进一步缩小。');
      expect(text).toContain('年度报告报送情况');
      // The pages to look at: the title page and the first page of findings.
      printed.renderPages(60).slice(0, 3).forEach((png, i) => copyFileSync(png, join(resultsDir, `unitreports-compiled-page${i + 1}.png`)));
    } finally {
      printed.dispose();
    }

    expect(office.errors.filter((e) => !/401/.test(e))).toEqual([]);
    expect(reporter.errors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
