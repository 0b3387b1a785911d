import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../..', import.meta.url));
const SEED_000 = join(ROOT, 'src/server/demo/texts/dalian-events-2011-2015.txt');
const dir = mkdtempSync(join(tmpdir(), 'halfsky-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const halfsky = (args: string[]) => {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALFSKY_DATABASE_URL: `file:${join(dir, 'never.db')}` } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
};

describe('halfsky publish import-events (command line)', () => {
  it('--dry-run --json prints the documented shape', () => {
    const out = halfsky(['publish', 'import-events', SEED_000, '--dry-run', '--json']);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.events).toHaveLength(20);
    expect(Object.keys(result.events[0])).toEqual(['no', 'title', 'date', 'text']);
    expect(result.events[0]).toMatchObject({ no: 1, date: '2011-03' });
    expect(result.warnings).toHaveLength(1);
  });

  it('exits 2 with a Chinese message on bad input', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '1.第一件\n2011年，内容。\n3.第三件\n内容。');
    const out = halfsky(['publish', 'import-events', bad, '--json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('错误：大事记文本无法识别：第 3 行：编号 3 不连续，应为 2');
  });
});
