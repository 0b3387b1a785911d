/**
 * Excel templates of submissions: download one (or one sheet per unit of a task for a
 * department), fill it in Excel or WPS, upload it. An upload is all or nothing: every cell is
 * checked, then all values go through the single write path in one transaction.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { GridDto, XlsxUploadResultDto } from '../../../../shared/api/reporting';
import type { OptionCode } from '../../../../shared/monitoring/validation';
import type { Database } from '../../../db/schema';
import { appError, type ErrorCode } from '../../../errors';
import { loadUploadedWorkbook } from '../../../http/xlsxUpload';
import { requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import { writeDataValues, type Conflict, type WriteResult } from '../commands/writeDataValues';
import { loadDictionary } from '../dictionary';
import { assertValueWriter } from '../uploadRights';
import type { ReportingService } from '../service';
import { ValueMap } from '../keys';
import { buildTemplate } from './buildTemplate';
import { collectValues, type Collected, type Problem } from './collectValues';
import { referenceOf } from './layout';
import { brokenStamp, readStamp, type TemplateStamp } from './stamp';

export type UploadTarget = { submissionId: number } | { taskId: number };

export interface UploadFile {
  fileName: string;
  bytes: Uint8Array;
}


async function loadWorkbook(file: UploadFile): Promise<ExcelJS.Workbook> {
  if (!/\.xlsx$/i.test(file.fileName)) throw appError('XLSX_UNRECOGNISED', `只能上传 .xlsx 格式的填报模板，“${file.fileName}”不是 .xlsx 文件`);
  const unreadable = () => appError('XLSX_UNRECOGNISED', '无法读取文件：不是 .xlsx 格式，或文件已损坏');
  return loadUploadedWorkbook(file.bytes, unreadable);
}

/** A refused upload: every problem, in reading order, as the Chinese lines people see. */
function rejection(code: ErrorCode, problems: readonly Problem[]) {
  const details = [...problems]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({ ...(p.place && { path: referenceOf(p.place), line: p.place.row }), message: p.message }));
  const head = details.slice(0, 3).map((d) => d.message).join('；');
  return appError(code, `未导入任何数据，共 ${details.length} 处问题：${head}${details.length > 3 ? '……' : ''}`, details);
}

/** The status of a refusal by the write path: a lock or a missing right says more than a bad number. */
function conflictCode(conflicts: readonly Conflict[]): ErrorCode {
  const has = (...codes: Conflict['code'][]) => conflicts.some((c) => codes.includes(c.code));
  if (has('LOCKED', 'NOT_OPEN')) return 'WORKFLOW_REFUSED';
  if (has('FORBIDDEN')) return 'AUTH_FORBIDDEN';
  if (has('VERSION_CONFLICT')) return 'VALUE_CONFLICT';
  return 'XLSX_INVALID';
}

const sheetsOf = (stamp: TemplateStamp, submissionId?: number) =>
  [...new Set(stamp.cells.filter((c) => submissionId === undefined || c.submissionId === submissionId).map((c) => c.sheet))];

/** Warnings that do not stop the import: changes that need a comment, locked sheets left as they were. */
function warningsOf(result: WriteResult, collected: Collected, optionIds: ReadonlyMap<OptionCode, number>, stamp: TemplateStamp, grids: Iterable<GridDto>) {
  const whereByKey = new ValueMap<string>();
  for (const input of collected.inputs) whereByKey.set(input, input.where);
  const warnings = result.issues
    .filter((i) => i.severity === 'warning' && !i.commented)
    .map((i) => {
      const where = whereByKey.get({ dataElementId: i.dataElementId, orgUnitId: i.orgUnitId, period: i.period, optionId: optionIds.get(i.option)! });
      return where ? `${where}：${i.message}` : i.message;
    });
  // A changed value of a locked submission is refused; an unchanged one is skipped, and said so.
  for (const grid of grids) {
    if (grid.editable) continue;
    for (const sheet of sheetsOf(stamp, grid.submission.id)) warnings.push(`工作表“${sheet}”：${grid.lockedReason ?? '数据不能修改'}，本表未导入任何数据`);
  }
  return warnings;
}

export function reportingXlsxService(db: Kysely<Database>, reporting: ReportingService) {
  /** The submissions of the template as they are now, by id, once the template proves to be one of this target. */
  async function stampedGrids(auth: AuthContext, target: UploadTarget, stamp: TemplateStamp): Promise<Map<number, GridDto>> {
    let own: GridDto | null = null;
    let taskId: number;
    if ('submissionId' in target) {
      own = await reporting.grid(auth, target.submissionId);
      taskId = own.submission.taskId;
    } else {
      taskId = target.taskId;
    }
    const task = await reporting.task(auth, taskId);
    if (stamp.taskId !== task.id) throw appError('XLSX_TEMPLATE_MISMATCH', `该模板属于任务“${stamp.taskName}”，不能上传到本任务（${task.name}）`);
    if (own && (stamp.submissionIds.length !== 1 || stamp.submissionIds[0] !== own.submission.id)) {
      const seat = `${own.submission.orgUnit.name} · ${own.submission.department.shortName}`;
      throw appError('XLSX_TEMPLATE_MISMATCH', `该模板属于“${sheetsOf(stamp).join('、')}”的填报表，不能上传到“${seat}”的填报表`);
    }
    if (stamp.templateVersion !== task.templateVersion) {
      throw appError('XLSX_TEMPLATE_OUTDATED', `模板版本已过期（模板为第 ${stamp.templateVersion} 版，任务已更新为第 ${task.templateVersion} 版），请重新下载模板后填写`);
    }
    const grids = new Map<number, GridDto>();
    for (const id of stamp.submissionIds) {
      const grid = own?.submission.id === id ? own : await reporting.grid(auth, id);
      if (grid.submission.taskId !== task.id) throw brokenStamp();
      grids.set(id, grid);
    }
    if (stamp.cells.some((c) => !grids.has(c.submissionId))) throw brokenStamp();
    return grids;
  }

  return {
    /**
     * Before the file is read: the user may write values and sees the target (its seat, or the
     * task), so nobody else makes the server unpack a workbook.
     */
    async assertUploader(auth: AuthContext | null, target: UploadTarget): Promise<void> {
      assertValueWriter(auth);
      if ('submissionId' in target) await reporting.grid(auth, target.submissionId);
      else await reporting.task(auth, target.taskId);
    },

    async submissionTemplate(auth: AuthContext | null, submissionId: number) {
      const grid = await reporting.grid(auth, submissionId);
      const task = await reporting.task(auth, grid.submission.taskId);
      const { orgUnit, department } = grid.submission;
      return { fileName: `${task.name}-${orgUnit.name}-${department.shortName}.xlsx`, bytes: await buildTemplate(task, [grid]) };
    },

    /** One sheet per unit that `department` (a short name) reports for in the task, as far as the user may see. */
    async taskTemplate(auth: AuthContext | null, taskId: number, department: string) {
      const task = await reporting.task(auth, taskId);
      const seats = (await reporting.listSubmissions(auth, { taskId })).filter((s) => s.department.shortName === department);
      if (seats.length === 0) throw appError('NOT_FOUND', `任务“${task.name}”中没有您可以查看的“${department}”填报表`);
      const grids: GridDto[] = [];
      for (const seat of seats) grids.push(await reporting.grid(auth, seat.id));
      return { fileName: `${task.name}-${department}.xlsx`, bytes: await buildTemplate(task, grids) };
    },

    async upload(auth: AuthContext | null, target: UploadTarget, file: UploadFile, dryRun: boolean): Promise<XlsxUploadResultDto> {
      const user = requireAuth(auth);
      const workbook = await loadWorkbook(file);
      const stamp = readStamp(workbook);
      const grids = await stampedGrids(user, target, stamp);
      const dictionary = await loadDictionary(db);
      const collected = collectValues(workbook, stamp.cells, grids, dictionary.options);
      if (collected.problems.length > 0) throw rejection('XLSX_INVALID', collected.problems);

      const result = await writeDataValues(db, collected.inputs, { auth: user, via: 'xlsx', dryRun, atomic: true, rejectInvalid: true, dictionary });
      if (result.conflicts.length > 0) {
        const problems = result.conflicts.map((c) => ({ ...(collected.places.get(c.where) ?? { place: null, rank: 0 }), message: c.reason }));
        throw rejection(conflictCode(result.conflicts), problems);
      }
      return {
        imported: result.imported,
        updated: result.updated,
        deleted: result.deleted,
        ignored: result.ignored + collected.unchanged,
        dryRun,
        warnings: warningsOf(result, collected, dictionary.options, stamp, grids.values()),
      };
    },
  };
}
