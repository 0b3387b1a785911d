import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { handMadeWorkPoints, sheetXlsx } from '../../../../test/support/workPointSheets';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const SEED = join(ROOT, 'src/server/demo/texts/zibo-work-points-2015.txt');
const dir = mkdtempSync(join(tmpdir(), 'halfsky-workpoints-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const halfsky = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), 'workitems', 'import-points', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALFSKY_DATABASE_URL: `file:${join(dir, 'never.db')}` } });

// Each case starts the CLI in a process of its own (tsx compiles on load): seconds, more on a busy machine.
describe('halfsky workitems import-points', { timeout: 120_000 }, () => {
  it('--dry-run --json prints the tree and opens no database', () => {
    const out = halfsky([SEED, '--dry-run', '--json']);
    expect(out.status, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout);
    expect([result.title, result.year, result.points.length, result.warnings]).toEqual(['淄博市妇女儿童工作委员会2015年工作要点', 2015, 5, []]);
    expect(result.points[3].children[0]).toMatchObject({ line: 35, label: '1、', title: '进一步推动党委政府加大“两癌”检查力度', mentioned: ['市财政局', '市卫计委'], due: null, practical: false });
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it('--dry-run prints the outline in Chinese', () => {
    const out = halfsky([SEED, '--dry-run', '--year', '2016']);
    expect(out.stdout).toContain('  1、进一步推动党委政府加大“两癌”检查力度  〔市财政局、市卫计委〕\n');
    expect(out.stdout).toContain('淄博市妇女儿童工作委员会2015年工作要点：共 16 条（试运行，未写入）');
  });

  it('--dry-run --json reads an .xlsx made by hand, and refuses a bad one naming the sheet, row and column', async () => {
    writeFileSync(join(dir, '要点.xlsx'), await handMadeWorkPoints());
    const out = halfsky([join(dir, '要点.xlsx'), '--dry-run', '--json']);
    expect(out.status, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout);
    expect([result.year, result.points.map((p: { title: string }) => p.title)]).toEqual([2027, ['加强组织领导', '保障妇女儿童健康']]);
    expect(result.points[1].children[0]).toMatchObject({ title: '推进“两癌”免费检查', leads: ['市卫生健康委员会'], partners: ['市财政局', '市妇联'], due: '2027-12-31', practical: true });

    writeFileSync(join(dir, 'bad.xlsx'), await sheetXlsx([['序号', '工作要点', '完成时限'], [1, '召开会议', '下周']], { name: '要点' }));
    const bad = halfsky([join(dir, 'bad.xlsx'), '--year', '2027']);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('工作表“要点”第 2 行 C 列（完成时限）“下周”无法识别')]);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it.each([
    ['a file that is no 工作要点', 'memo.txt', '会议纪要', [], '没有找到“一、”“1、”这样编号的条目'],
    ['a text without a year', 'plain.txt', '一、加强领导\n1、召开会议。', [], '请用 --year 指定年度'],
    ['a bad year', 'x.txt', '一、甲', ['--year', '20'], '年度“20”无效'],
    ['an old Word file', 'x.doc', 'x', [], '不支持旧版 Word 格式'],
  ])('exits 2 with a Chinese message for %s, writing nothing', (_what, name, content, extra, message) => {
    writeFileSync(join(dir, name), content);
    const out = halfsky([join(dir, name), ...extra]);
    expect([out.status, out.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });
});
