import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handMadeWorkPoints, sheetXlsx } from '../support/workPointSheets';
import { WorkPointsPage } from './page-models/WorkPointsPage';
import { screenshot } from './support/browser';
import { repoRoot } from './support/paths';
import { useDemoServer } from './support/demoServer';

const SEED = readFileSync(join(repoRoot, 'src/server/demo/texts/zibo-work-points-2015.txt'), 'utf8');

const demo = useDemoServer();

describe('a year’s 工作要点 in the browser', () => {
  it('the office imports the text, previews and saves it, marks a 实事项目 and records its 备案', async () => {
    const { page } = await demo.signIn('dalian_office');
    const points = new WorkPointsPage(page);
    await points.goto();
    // The demo year: seed 003 with 四、1 filed and notified, linked to key item 1.
    await points.rowOf('进一步推动党委政府加大“两癌”检查力度').getByText('已通报').waitFor();
    await points.rowOf('进一步推动党委政府加大“两癌”检查力度').getByText(/落实事项：1\./).waitFor();
    await screenshot(page, 'workpoints-demo');

    await points.preview(2027, '2015年工作要点.txt', SEED);
    await points.drawer.getByText('淄博市妇女儿童工作委员会2015年工作要点：2027 年，5 个部分、共 16 条').waitFor();
    await points.drawer.getByText('配合：大连市财政局').waitFor();
    // 「市卫计委」 (the old name) matches no department of 大连市: a person picks it.
    await points.pick('市卫计委', '大连市卫生健康委员会');
    await screenshot(page, 'workpoints-preview');
    await points.savePreview();
    expect(await points.rowOf('进一步推动党委政府加大“两癌”检查力度').textContent()).toContain('大连市财政局、大连市卫生健康委员会');
    await page.getByText('5 个部分、16 条，实事项目 0 项').waitFor();

    const title = '建立“两癌”患病妇女心理干预咨询站';
    await points.openEdit(title);
    await screenshot(page, 'workpoints-edit');
    await points.markPractical('大连市卫生健康委员会', '2027-09-30');
    const row = points.rowOf(title);
    await row.getByText('未备案').waitFor();
    expect(await row.textContent()).toContain('大连市卫生健康委员会');
    await points.file(title, '大妇儿工委〔2027〕5号');
    await row.getByText('已备案').waitFor();
    await screenshot(page, 'workpoints-tree');

    // Reorder and delete by hand: 五、3 goes up, then 五、2 (now third) is deleted.
    await points.moveUp('完善督查、会议、信息交流、总结报告、数据统计等各项工作机制');
    await page.getByText('2.完善督查、会议、信息交流、总结报告、数据统计等各项工作机制').waitFor();
    await points.remove('加强妇儿工委办公室机构建设');
    // The tree reloads after the delete: ask until it shows the new order.
    await expect.poll(async () => (await points.titles()).slice(-3)).toEqual(['五、加强自身建设，发挥好妇儿工委办公室职能作用', '1.组织开展妇女儿童专题调研', '2.完善督查、会议、信息交流、总结报告、数据统计等各项工作机制']);

    await page.getByRole('tab', { name: /实事项目/ }).click();
    const practical = points.rowOf(title);
    await practical.getByText('大妇儿工委〔2027〕5号').waitFor();
    expect(await practical.textContent()).toContain('2027-09-30');
    await screenshot(page, 'workpoints-practical');
  });

  it('the office imports an .xlsx made by hand; a bad sheet is refused naming its cell', async () => {
    const { page } = await demo.signIn('dalian_office');
    const points = new WorkPointsPage(page);
    await points.goto();
    await points.preview(2028, '2028年工作要点.xlsx', await handMadeWorkPoints(2028));
    await points.drawer.getByText('大连市妇女儿童工作委员会2028年工作要点：2028 年，2 个部分、共 6 条').waitFor();
    // 「市卫生 健康委员会 市财政局」 in one cell: two units, matched to the city's departments.
    const screening = points.drawer.getByRole('row').filter({ hasText: '推进“两癌”免费检查' });
    expect(await screening.textContent()).toMatch(/牵头：大连市卫生健康委员会.*配合：大连市财政局.*配合：大连市妇女联合会.*2028-12-31/);
    await points.drawer.getByRole('row').filter({ hasText: '开展规划中期评估' }).getByText('2028-09-30').waitFor();
    await screenshot(page, 'workpoints-xlsx-preview');

    await points.upload('坏表.xlsx', await sheetXlsx([['序号', '工作要点', '完成时限'], [1, '召开会议', '下周']], { name: '要点' }));
    await points.drawer.getByText('工作表“要点”第 2 行 C 列（完成时限）“下周”无法识别：应为日期（如 2015-06-30）或“6月底前”“年底前”这样的时限').waitFor();
    await screenshot(page, 'workpoints-xlsx-error');

    await points.upload('2028年工作要点.xlsx', await handMadeWorkPoints(2028));
    await points.drawer.getByText(/2 个部分、共 6 条/).waitFor();
    await points.savePreview();
    const row = points.rowOf('推进“两癌”免费检查');
    await row.getByText('大连市财政局、大连市妇女联合会').waitFor();
    await page.getByText('2 个部分、6 条，实事项目 2 项').waitFor();
    await screenshot(page, 'workpoints-xlsx-saved');
  });

  it('a member department reads the year, the 备案 and 通报 of a 实事项目, and cannot edit', async () => {
    const { page } = await demo.signIn('dalian_weijian');
    const points = new WorkPointsPage(page);
    // The demo year (the other test may have saved a later one).
    await points.goto(2026);
    const row = points.rowOf('进一步推动党委政府加大“两癌”检查力度');
    await row.getByText('大连市卫生健康委员会').waitFor();
    expect(await page.getByRole('button', { name: '导入工作要点' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '操作' }).count()).toBe(0);
    await row.getByText('已通报').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/备案 大妇儿工委〔2026〕2号/).waitFor();
    await dialog.getByText('上半年完成“两癌”检查10万人，达到半年计划；下半年继续推进。').waitFor();
    await screenshot(page, 'workpoints-records');
  });
});
