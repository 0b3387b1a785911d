/**
 * `halfsky assess [--json] < cases.json`: runs the progress assessment over a JSON array of cases
 * read from stdin. Bad input is an AppError, which the command line reports on stderr with exit code 2.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatNumber, STATUS_LABELS } from '../shared/analytics/progress';
import { AssessCaseSchema, type AssessCase } from '../shared/api/assess';
import { AppError } from './errors';
import { assessCases, type AssessedCase } from './modules/analytics/assessCases';

// The server sets this in app.ts; the command line does not load the app.
z.config(z.locales.zhCN());

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

/** Parses and validates the input text; the message names the case (counting from 1) and the field. */
export function parseCases(text: string): AssessCase[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const position = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw invalid(`输入不是有效的 JSON${position === undefined ? '' : `（第${Number(position) + 1}个字符处）`}`);
  }
  if (!Array.isArray(data)) throw invalid('输入应为用例的 JSON 数组：[{"comparator","value","year","baseYear"?,"tolerance"?,"series":[[年份,数值],…]},…]');
  return data.map((item: unknown, i) => {
    const n = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`第${n}个用例应为 JSON 对象`);
    const parsed = AssessCaseSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const [field, ...rest] = issue.path.map(String);
    if (field === undefined) throw invalid(`第${n}个用例无效：${issue.message}`);
    if (rest.length === 0 && !(field in item)) throw invalid(`第${n}个用例缺少 ${field}`);
    const where = field + rest.map((k) => `[${k}]`).join('');
    throw invalid(`第${n}个用例的 ${where} 无效：${issue.message}`);
  });
}

function summaryLine(c: AssessedCase, i: number): string {
  const ratio = c.ratio === null ? '—' : c.ratio.toFixed(2);
  const projected = c.projected === null ? '—' : formatNumber(c.projected);
  return `${i + 1}. ${STATUS_LABELS[c.status]}，进度比 ${ratio}，${c.year}年预计 ${projected}：${c.reason}`;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function assessCommand(args: string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const results = assessCases(parseCases(await readAll(stdin)));
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(results.length ? results.map((r, i) => `${summaryLine(r, i)}\n`).join('') : '没有用例\n');
}
