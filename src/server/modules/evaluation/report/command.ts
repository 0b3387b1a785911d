/**
 * `halfsky report evaluation --unit CODE --milestone 2025|2030 [--plan women|children] --out FILE.docx`:
 * the evaluation report of the unit's round at that milestone, as the command line (all rights).
 * Bad arguments, an unknown unit or no round are an AppError: printed in Chinese, exit 2.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../../../db/connection';
import { AppError } from '../../../errors';
import { attachmentStore } from '../../../services/attachments/store';
import { COMMAND_LINE } from '../../auth/service';
import { orgsService } from '../../orgs/service';
import { evaluationRepository } from '../repository';
import { evaluationReportDocx } from '.';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
const PLAN_KINDS = { women: '妇女', children: '儿童' } as const;

export async function evaluationReportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { unit: { type: 'string' }, milestone: { type: 'string' }, plan: { type: 'string' }, out: { type: 'string' } } });
  if (!values.unit) throw invalid('请用 --unit 给出单位代码，例如 --unit 210200');
  if (!values.milestone || !/^\d{4}$/.test(values.milestone)) throw invalid('请用 --milestone 给出评估年度（四位年份），例如 --milestone 2025');
  if (values.plan !== undefined && !(values.plan in PLAN_KINDS)) throw invalid(`--plan 应为 women（妇女）或 children（儿童），而不是“${values.plan}”`);
  if (!values.out) throw invalid('请用 --out 给出输出文件（.docx）');
  if (!values.out.toLowerCase().endsWith('.docx')) throw invalid(`输出文件应为 .docx：${values.out}`);
  const milestone = Number(values.milestone);
  const plan = values.plan as keyof typeof PLAN_KINDS | undefined;

  const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
  try {
    await migrateToLatest(db);
    const repo = evaluationRepository(db.kysely);
    const unit = await repo.unitByCode(values.unit);
    if (!unit) throw new AppError('NOT_FOUND', `单位代码“${values.unit}”不存在`);
    const rounds = (await repo.roundsOfUnit(unit.id, milestone)).filter((r) => !plan || r.kind === plan);
    if (rounds.length === 0) throw new AppError('NOT_FOUND', `${unit.name}没有 ${milestone} 年的${plan ? `${PLAN_KINDS[plan]}发展规划` : '规划'}评估`);
    if (rounds.length > 1) throw invalid(`${unit.name}有 ${rounds.length} 个 ${milestone} 年的规划评估，请用 --plan women 或 --plan children 选择`);
    const done = await evaluationReportDocx({ db: db.kysely, orgs: orgsService(db.kysely), attachments: attachmentStore(db.kysely) }, COMMAND_LINE, { roundId: rounds[0]!.id });
    writeFileSync(values.out, done.bytes);
    console.log(`已生成《${done.report.title}》：${done.report.areas.reduce((s, a) => s + a.goals.length, 0)} 项目标，${done.bytes.length.toLocaleString('en')} 字节 → ${values.out}`);
  } finally {
    await db.close();
  }
}
