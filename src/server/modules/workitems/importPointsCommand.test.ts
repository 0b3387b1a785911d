import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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
