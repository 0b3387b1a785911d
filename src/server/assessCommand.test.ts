import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROGRESS_CASES } from '../shared/analytics/progressCases';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function assess(args: string[], input: string) {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), 'assess', ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// Rows of src/shared/analytics/progress.test.ts, one per status (the arithmetic is there).
const cases = [
  { name: 'on track', comparator: '>=', value: 80, year: 2030, series: [[2020, 50], [2025, 66]] },
  { name: 'moderate', comparator: '<=', value: 7, year: 2030, series: [[2020, 12], [2025, 10]] },
  { name: 'limited', comparator: '<=', value: -10, baseYear: 2020, year: 2030, series: [[2018, 210], [2020, 200], [2025, 195]] },
  { name: 'deterioration', comparator: 'decrease', value: null, year: 2030, series: [[2020, 100], [2025, 103]] },
  { name: 'achieved', comparator: '~', value: 50, year: 2030, tolerance: 5, series: [[2020, 40], [2025, 48.5]] },
  { name: 'insufficient', comparator: '<=', value: 10, year: 2025, series: [[2023, 12], [2024, null]] },
];
const expected: [string, number | null, number][] = [
  ['on_track', 1.1865, 87.12],
  ['moderate', 0.6825, 8.3333],
  ['limited', 0.4819, 190.125],
  ['deterioration', -0.3953, 106.09],
  ['achieved', null, 58.8063],
  ['insufficient_data', null, 12],
];

describe('halfsky assess (command line)', () => {
  it('--json echoes each case with its status, ratio, projection and the other assessment fields', () => {
    const out = assess(['--json'], JSON.stringify(cases));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as Record<string, unknown>[];
    expect(result).toHaveLength(cases.length);
    result.forEach((r, i) => {
      const [status, ratio, projected] = expected[i]!;
      expect(r, cases[i]!.name).toMatchObject(cases[i]!);
      expect(r.status, cases[i]!.name).toBe(status);
      if (ratio === null) expect(r.ratio).toBeNull();
      else expect(r.ratio as number).toBeCloseTo(ratio, 3);
      expect(r.projected as number).toBeCloseTo(projected, 3);
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['targetValue', 'baseline', 'latest', 'cagrObserved', 'cagrRequired', 'reason']));
    });
    expect(result[2]!.targetValue as number).toBeCloseTo(180, 9);
    expect(result[0]!.reason).toBe('按2020—2025年均变化5.7%推算，2030年约为87.12，目标≥80需年均变化4.8%，进度比1.19，进展顺利');
  });

  it('gives every hand-computed case of the shared table its status, ratio and projection', () => {
    // JSON has no NaN or Infinity: they travel as null, which the command reads as “no data that year”.
    const table = PROGRESS_CASES.filter(([, , , , , options]) => !options);
    const out = assess(['--json'], JSON.stringify(table.map(([, c]) => c)));
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as { status: string; ratio: number | null; projected: number | null }[];
    expect(result).toHaveLength(table.length);
    table.forEach(([name, , status, ratio, projected], i) => {
      expect(result[i]!.status, name).toBe(status);
      if (ratio === null) expect(result[i]!.ratio, name).toBeNull();
      else expect(result[i]!.ratio!, name).toBeCloseTo(ratio, 3);
      if (projected === null) expect(result[i]!.projected, name).toBeNull();
      else expect(result[i]!.projected!, name).toBeCloseTo(projected, 3);
    });
  });

  it('without --json prints one Chinese line per case', () => {
    const out = assess([], JSON.stringify(cases.slice(0, 2)));
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1\. 进展顺利，进度比 1\.19，2030年预计 87\.12：按2020—2025年/);
    expect(lines[1]).toMatch(/^2\. 需加快，进度比 0\.68，2030年预计 8\.33：/);
  });

  const valid = { comparator: '>=', value: 80, year: 2030, series: [[2020, 50]] };
  it.each([
    ['text that is not JSON', '[{"comparator": ">="', '错误：输入不是有效的 JSON'],
    ['JSON that is not an array', JSON.stringify(valid), '错误：输入应为用例的 JSON 数组'],
    ['a case without series', JSON.stringify([valid, { comparator: '<=', value: 7, year: 2030 }]), '错误：第2个用例缺少 series'],
    ['a bad comparator', JSON.stringify([valid, valid, { ...valid, comparator: '>' }]), '错误：第3个用例的 comparator 无效：'],
    ['a series point that is not [year, value]', JSON.stringify([{ ...valid, series: [[2020, '50']] }]), '错误：第1个用例的 series[0][1] 无效：'],
    ['a quantitative target without a value', JSON.stringify([{ ...valid, value: null }]), '错误：第1个用例的 value 无效：定量目标必须填写目标值'],
  ])('exits 2 with a Chinese message on stderr for %s', (_name, input, message) => {
    const out = assess(['--json'], input);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stdout).toBe('');
  });
});
