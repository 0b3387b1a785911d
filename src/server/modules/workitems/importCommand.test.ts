import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const SEED = join(ROOT, 'src/server/demo/texts/yantai-key-items-2023.txt');
const dir = mkdtempSync(join(tmpdir(), 'halfsky-workitems-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const halfsky = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), 'workitems', 'import', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALFSKY_DATABASE_URL: `file:${join(dir, 'never.db')}` } });

// Each case starts the CLI in a process of its own (tsx compiles on load): seconds, more on a busy machine.
describe('halfsky workitems import', { timeout: 120_000 }, () => {
  it('--dry-run --json prints the documented shape and opens no database', () => {
    const out = halfsky([SEED, '--dry-run', '--json', '--year', '2024']);
    expect(out.status, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.items).toHaveLength(20);
    expect(result.items[7]).toMatchObject({ no: 8, leads: ['市人力资源社会保障局'], partners: [] });
    expect(result.items[0].milestones[1]).toEqual({ period: 'H1', text: '完成10万人，制定“两癌”检查质控方案。', value: 10, unit: '万人', due: '2024-06-30' });
    expect(result.warnings).toEqual([]);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it.each([
    ['a file that is no table', 'memo.txt', '会议纪要', '未识别到重要事项'],
    ['a bad year', 'x.txt', '1\t甲', '年度“20”无效'],
  ])('exits 2 with a Chinese message for %s', (_what, name, content, message) => {
    writeFileSync(join(dir, name), content);
    const out = halfsky([join(dir, name), ...(name === 'x.txt' ? ['--year', '20'] : [])]);
    expect([out.status, out.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });
});
