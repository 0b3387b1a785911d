import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../../../test/support/testDb';
import { readZip } from '../../../../../test/support/zipFiles';
import { seedDemo } from '../../../demo/seedDemo';
import { attachmentStore } from '../../../services/attachments/store';
import { COMMAND_LINE } from '../../auth/service';
import { orgsService } from '../../orgs/service';
import { evaluationRoundsService } from '../service';
import { buildDocx } from '../../../services/documents';
import { collectEvaluationReport, evaluationReportDocument, evaluationReportDocx } from '.';

const ROOT = fileURLToPath(new URL('../../../../..', import.meta.url));
const bodyText = (docx: Buffer) => readZip(docx).find((p) => p.name === 'word/document.xml')!.data.toString('utf8').replace(/<[^>]+>/g, '');

describe(`evaluation report of the demo round (${testDialect()})`, () => {
  let db: TestDb;
  let roundId: number;
  const deps = () => ({ db: db.kysely, orgs: orgsService(db.kysely), attachments: attachmentStore(db.kysely, join(tmpdir(), 'halfsky-eval-files')) });

  beforeAll(async () => {
    db = await createTestDb();
    await seedDemo(db, 'Demo-密码-2025');
    roundId = (await db.kysely.selectFrom('evaluation_rounds').select('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => db.dispose());

  it('collects plain data that agrees with the results page', async () => {
    const report = await collectEvaluationReport(deps(), COMMAND_LINE, { roundId });
    const results = await evaluationRoundsService(db.kysely, orgsService(db.kysely)).results(COMMAND_LINE, roundId);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect([report.title, report.kind, report.milestone]).toEqual(['《大连市妇女发展规划》中期评估（2025 年）报告', 'midterm', 2025]);
    expect(report.overall).toEqual(results.overall);
    expect(report.units).toEqual(results.units);
    expect(report.areas.flatMap((a) => a.goals).length).toBe(results.goals.length);
    const entries = report.areas.flatMap((a) => a.goals.flatMap((g) => g.entries));
    expect(entries.length).toBe(report.counts.submitted);
    expect(entries.every((e) => e.evidence.length > 0 && e.evidence.length <= 162)).toBe(true);
    expect(report.counts).toMatchObject({ committees: 1, returned: 1, reviewed: 6 });
  });

  it('writes the .docx in the committee’s style: basis and method, verdict with 达标率, goals, unit scores, problems and advice', async () => {
    const { bytes, fileName, report } = await evaluationReportDocx(deps(), COMMAND_LINE, { roundId });
    expect(fileName).toBe('《大连市妇女发展规划》中期评估（2025 年）报告.docx');
    const text = bodyText(bytes);
    for (const words of ['评估依据和方法', '指标达标', '按领域、目标调整的权重', '领域“妇女与健康”', '规划总分为各领域得分的加权平均', '总体评价', `目标达标率 ${(report.overall.rate! * 100).toFixed(1)}%`, '各领域目标达标情况', '妇女与健康', '大连市卫生健康委员会自评为', '参评单位得分', '督导检查情况', '督导检查整改要求及落实情况', '第三方评估得分及意见', '大连市统计学会', '存在问题和建议', '未完全达标的目标及整改措施', '意见建议']) {
      expect(text, words).toContain(words);
    }
    // The evidence people type ends with its own 。: the sentence around it does not add a second.
    expect(text).toContain('评估组意见：');
    expect(text).not.toMatch(/[。；][。；]/);
    expect(readZip(bytes).filter((p) => p.name.startsWith('word/media/')).length).toBe(1);
    // A draft frozen before weights existed prints as it was, without them.
    const { weights: _weights, score: _score, ...older } = report;
    const olderText = bodyText(await buildDocx(evaluationReportDocument(older)));
    expect([olderText.includes('评估依据和方法'), olderText.includes('按领域、目标调整的权重')]).toEqual([true, false]);
  });

  it('is the command line’s `report evaluation`; an unknown unit or a year without a round exits 2 in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'halfsky-eval-cli-'));
    const url = db.target.dialect === 'sqlite' ? `file:${db.target.file}` : db.target.url;
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/halfsky.mjs'), 'report', 'evaluation', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALFSKY_DATABASE_URL: url } });
    try {
      const ok = run('--unit', '210200', '--milestone', '2025', '--out', join(dir, 'eval.docx'));
      expect([ok.status, ok.stderr]).toEqual([0, '']);
      expect(ok.stdout).toContain('已生成《《大连市妇女发展规划》中期评估（2025 年）报告》');
      expect(existsSync(join(dir, 'eval.docx'))).toBe(true);
      const noRound = run('--unit', '210200', '--milestone', '2030', '--out', join(dir, 'never.docx'));
      expect([noRound.status, noRound.stderr]).toEqual([2, expect.stringContaining('大连市没有 2030 年的规划评估')]);
      const unknown = run('--unit', '999999', '--milestone', '2025', '--out', join(dir, 'never.docx'));
      expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('单位代码“999999”不存在')]);
      expect(existsSync(join(dir, 'never.docx'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Three processes, each loading the fonts and the database: minutes on a busy CI machine.
  }, 240_000);
});
