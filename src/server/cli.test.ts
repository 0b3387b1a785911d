import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED_001 = join(ROOT, 'src/server/demo/texts/dalian-women-2021-2030.txt');
const SEED_002 = join(ROOT, 'src/server/demo/texts/xigang-women-children-2021-2030.txt');
const dir = mkdtempSync(join(tmpdir(), 'halfsky-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function halfsky(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HALFSKY_DATABASE_URL: `file:${join(dir, 'cli.db')}`, ...env },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('halfsky plan import (command line, SQLite)', () => {
  it('--dry-run --json prints the documented shape and writes nothing', () => {
    const out = halfsky(['plan', 'import', SEED_002, '--dry-run', '--json'], { HALFSKY_DATABASE_URL: `file:${join(dir, 'never.db')}` });
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.plans.map((p: { title: string; kind: string; periodStart: number; periodEnd: number }) => [p.title, p.kind, p.periodStart, p.periodEnd])).toEqual([
      ['西岗区妇女发展规划', 'women', 2021, 2030],
      ['西岗区儿童发展规划', 'children', 2021, 2030],
    ]);
    const area = result.plans[1].areas[0];
    expect(Object.keys(area)).toEqual(expect.arrayContaining(['no', 'title', 'goals', 'measures']));
    expect(area.goals[2].targets[0]).toEqual({
      indicator: '新生儿死亡率', comparator: '<=', value: 2.8, unit: '‰', year: 2025, baseYear: null,
      quote: '新生儿、婴儿和 5 岁以下儿童死亡率到 2025 年分别控制在 2.8‰、3‰和 4‰以下',
    });
    // Three goals of the women's plan hold a share against another figure, which has no value to import.
    expect(result.warnings.map((w: { line: number; message: string }) => [w.line, w.message.includes('以其他数据为参照')])).toEqual([
      [130, true], [238, true], [248, true],
    ]);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it('reports no change when importing a plan the database already holds (the demo seeded it)', () => {
    expect(halfsky(['migrate']).code).toBe(0);
    expect(halfsky(['seed-demo'], { HALFSKY_ADMIN_PASSWORD: 'x' }).stdout).toContain('演示数据');
    const again = halfsky(['plan', 'import', SEED_001]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('大连市妇女发展规划（2021—2030年）：8 个领域，82 条主要目标，96 条策略措施，75 个量化指标目标');
    expect(again.stdout).toContain('无变化（大连市）');
    // Seeding the whole demo (plans, values, reports of units, an evaluation round) takes a minute on a busy machine.
  }, 180_000);

  it.each([
    ['an empty file', 'empty.txt', '', '文件为空'],
    ['a file that is not a plan', 'memo.txt', '会议纪要\n\n一、事项', '未识别到发展规划'],
    ['an unsupported type', 'table.xlsx', 'PK', '不支持的文件类型'],
    ['a broken .docx', 'broken.docx', 'PK\u0003\u0004garbage', '无法读取 .docx'],
  ])('exits 2 with a Chinese message on stderr for %s', (_name, fileName, content, message) => {
    const file = join(dir, fileName);
    writeFileSync(file, content);
    const out = halfsky(['plan', 'import', file]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stdout).toBe('');
  });

  it('exits 2 for an unknown unit code and a missing file', () => {
    expect(halfsky(['plan', 'import', SEED_001, '--org', '999999']).stderr).toContain('单位代码“999999”不存在');
    const missing = halfsky(['plan', 'import', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取文件');
  });
});
