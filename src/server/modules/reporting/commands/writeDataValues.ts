import type { Kysely } from 'kysely';
import type { OptionCode } from '../../../../shared/monitoring/validation';
import type { Database } from '../../../db/schema';
import type { AuthContext } from '../../auth/service';
import { loadDictionary, optionsOf, type ReportingDictionary } from '../dictionary';
import { loadGate, type GateSubmission } from '../valueGate';
import { validateValues, type ScopedIssue } from '../validateValues';
import { keyOf, valuesRepository, type AuditWrite, type ValueKey, type ValueWrite } from '../valuesRepository';

/** One value to write, already resolved to ids; `value: null` deletes it. */
export interface ValueInput extends ValueKey {
  /** Where it came from, for messages: “第 5 行”, “表“数据”第 7 行 D 列”; empty where messages name the value. */
  where: string;
  value: number | null;
  /** undefined keeps the stored comment. */
  comment?: string | null;
  /** The version the person saw (null: none yet); undefined skips the check (imports, API). */
  expectedVersion?: number | null;
}

export type Channel = 'ui' | 'xlsx' | 'api' | 'system';

export interface WriteOptions {
  auth: AuthContext;
  via: Channel;
  dryRun: boolean;
  /** All or nothing: any conflict and nothing is written. */
  atomic: boolean;
  /** Validation errors become conflicts (uploads, API); otherwise they are reported as issues (entry grid). */
  rejectInvalid: boolean;
  now?: Date;
  /** Reuse a dictionary already loaded by the caller. */
  dictionary?: ReportingDictionary;
  /** DHIS2's import strategies: only new values (create), only existing ones (update), or both. */
  mode?: 'upsert' | 'create' | 'update';
}

export interface Conflict {
  where: string;
  code: 'UNKNOWN_OPTION' | 'NO_TASK' | 'LOCKED' | 'NOT_OPEN' | 'FORBIDDEN' | 'VERSION_CONFLICT' | 'INVALID' | 'DUPLICATE';
  reason: string;
  key: ValueKey;
  /** For version conflicts: what the other person saved. */
  current?: { value: number; comment: string | null; version: number; updatedBy: number | null; updatedAt: string };
}

export type { ScopedIssue };

export interface WriteResult {
  imported: number;
  updated: number;
  deleted: number;
  ignored: number;
  conflicts: Conflict[];
  issues: ScopedIssue[];
  /** Values as stored afterwards, for the keys that were written. */
  written: (ValueKey & { value: number | null; version: number | null })[];
  submissions: GateSubmission[];
}

/**
 * The single way reported values are written — entry grid, xlsx upload, dataValueSets API, demo
 * seeding: option, task, lock, permission and version checks, validation against the stored
 * neighbours, then one transaction with an audit row for every change of an existing value.
 */
export async function writeDataValues(db: Kysely<Database>, inputs: ValueInput[], options: WriteOptions): Promise<WriteResult> {
  const now = (options.now ?? new Date()).toISOString();
  const dict = options.dictionary ?? (await loadDictionary(db));
  const periods = [...new Set(inputs.map((i) => i.period))];
  const gate = await loadGate(db, dict, periods, options.auth, now.slice(0, 10));
  const conflicts: Conflict[] = [];
  const accepted: { input: ValueInput; submission: GateSubmission }[] = [];
  const seen = new Set<string>();

  for (const input of inputs) {
    const de = dict.dataElements.get(input.dataElementId)!;
    const option = dict.optionCodeById.get(input.optionId)!;
    const conflict = (code: Conflict['code'], reason: string) => conflicts.push({ where: input.where, code, reason, key: input });
    const key = keyOf(input);
    if (seen.has(key)) {
      conflict('DUPLICATE', at(input.where, '同一数据重复出现'));
      continue;
    }
    seen.add(key);
    if (!optionsOf(de.categories).includes(option)) {
      conflict('UNKNOWN_OPTION', at(input.where, `“${de.name}”不按“${optionLabel(option)}”分组填报`));
      continue;
    }
    const decision = gate.decide(de, input.orgUnitId, input.period);
    if (!decision.ok) {
      conflict(decision.code, at(input.where, decision.reason));
      continue;
    }
    accepted.push({ input, submission: decision.submission });
  }

  const repo = valuesRepository(db);
  const unitIds = [...new Set(accepted.map((a) => a.input.orgUnitId))];
  const stored = await repo.load({ orgUnitIds: unitIds, periods: [...new Set(periods.flatMap((p) => [p, p - 1]))] });
  const storedByKey = new Map(stored.map((v) => [keyOf(v), v]));

  for (const { input } of accepted) {
    if (input.expectedVersion === undefined) continue;
    const current = storedByKey.get(keyOf(input));
    if ((current?.version ?? null) !== input.expectedVersion) {
      const de = dict.dataElements.get(input.dataElementId)!;
      conflicts.push({
        where: input.where,
        code: 'VERSION_CONFLICT',
        reason: current
          ? at(input.where, `“${de.name}”已被他人修改为 ${current.value}，请核对后再保存`)
          : at(input.where, `“${de.name}”已被他人删除，请核对后再保存`),
        key: input,
        current: current && { value: current.value, comment: current.comment, version: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt },
      });
    }
  }

  const issues = validateValues(dict, accepted.map((a) => a.input), storedByKey, stored);
  // A value that is not a proper number is never stored; cross-value errors are, on the grid, so
  // that a person can fix them in any order (they block submission instead).
  const CELL_RULES = new Set(['number', 'nonnegative', 'integer']);
  const acceptedByKey = new Map(accepted.map((a) => [keyOf(a.input), a.input]));
  const firstAt = new Map<string, ValueInput>();
  for (const { input } of accepted) if (!firstAt.has(`${input.orgUnitId}:${input.period}`)) firstAt.set(`${input.orgUnitId}:${input.period}`, input);
  for (const issue of issues) {
    if (issue.severity !== 'error' || !(options.rejectInvalid || CELL_RULES.has(issue.rule))) continue;
    // An issue names the value it is about, or (a sum, a ratio) the unit and year it concerns.
    const input =
      acceptedByKey.get(keyOf({ dataElementId: issue.dataElementId, orgUnitId: issue.orgUnitId, period: issue.period, optionId: dict.options.get(issue.option)! })) ??
      firstAt.get(`${issue.orgUnitId}:${issue.period}`)!;
    conflicts.push({ where: input.where, code: 'INVALID', reason: at(input.where, issue.message), key: input });
  }

  const conflicted = new Set(conflicts.map((c) => keyOf(c.key)));
  const result: WriteResult = { imported: 0, updated: 0, deleted: 0, ignored: 0, conflicts, issues, written: [], submissions: [] };
  if (options.atomic && conflicts.length > 0) {
    result.ignored = inputs.length;
    return result;
  }

  const upserts: ValueWrite[] = [];
  const versioned: { write: ValueWrite; expected: number }[] = [];
  const deletions: ValueKey[] = [];
  const audits: AuditWrite[] = [];
  const submissions = new Map<number, GateSubmission>();
  for (const { input, submission } of accepted) {
    const key = keyOf(input);
    if (conflicted.has(key)) continue;
    const old = storedByKey.get(key);
    if ((options.mode === 'create' && old) || (options.mode === 'update' && !old && input.value !== null)) {
      result.ignored++;
      continue;
    }
    const comment = input.comment === undefined ? (old?.comment ?? null) : input.comment?.trim() || null;
    if (input.value === null) {
      if (!old) {
        result.ignored++;
        continue;
      }
      deletions.push(input);
      audits.push({ ...pick(input), action: 'delete', oldValue: old.value, newValue: null, oldComment: old.comment, newComment: null });
      result.deleted++;
      result.written.push({ ...pick(input), value: null, version: null });
    } else if (old && old.value === input.value && old.comment === comment) {
      result.ignored++;
      continue;
    } else {
      const write: ValueWrite = { ...pick(input), value: input.value, comment, departmentId: submission.departmentId };
      if (old) {
        audits.push({ ...pick(input), action: 'update', oldValue: old.value, newValue: input.value, oldComment: old.comment, newComment: comment });
        result.updated++;
        if (input.expectedVersion != null) versioned.push({ write, expected: input.expectedVersion });
        else upserts.push(write);
      } else {
        result.imported++;
        upserts.push(write);
      }
      result.written.push({ ...pick(input), value: input.value, version: (old?.version ?? 0) + 1 });
    }
    submissions.set(submission.id, submission);
  }
  result.submissions = [...submissions.values()];
  if (options.dryRun || result.written.length === 0) return result;

  const actor = options.auth.userId > 0 ? options.auth.userId : null;
  await db.transaction().execute(async (trx) => {
    const tx = valuesRepository(trx);
    await tx.upsert(upserts, actor, options.via, now);
    for (const { write, expected } of versioned) {
      // Between our read and this write someone may have saved: the version guard catches it.
      if (!(await tx.updateIfVersion(write, expected, actor, now))) throw new ConcurrentEditError(write);
    }
    await tx.delete(deletions);
    await tx.audit(audits, actor, options.via, now);
    const touched = [...submissions.keys()];
    if (touched.length) await trx.updateTable('submissions').set({ updated_at: now }).where('id', 'in', touched).execute();
  });
  return result;
}

/** Thrown inside the write transaction when a versioned update lost a race; nothing is written. */
export class ConcurrentEditError extends Error {
  constructor(readonly key: ValueKey) {
    super('concurrent edit');
  }
}

/** A message prefixed with where its value came from, when the source has places (rows, cells). */
const at = (where: string, message: string) => (where ? `${where}：${message}` : message);

const pick = (k: ValueKey): ValueKey => ({ dataElementId: k.dataElementId, orgUnitId: k.orgUnitId, period: k.period, optionId: k.optionId });

const OPTION_NAMES: Record<OptionCode, string> = { total: '合计', female: '女', male: '男', urban: '城镇', rural: '乡村' };
const optionLabel = (o: OptionCode) => OPTION_NAMES[o];
