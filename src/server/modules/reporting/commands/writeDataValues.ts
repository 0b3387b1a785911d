import { actorId } from '../../auth/access';
import type { Kysely } from 'kysely';
import { OPTION_LABELS } from '../../../../shared/monitoring/validation';
import type { Database } from '../../../db/schema';
import type { AuthContext } from '../../auth/service';
import { loadDictionary, type ReportingDictionary } from '../dictionary';
import { isKeyYear, yearKey, ValueMap, type ValueKey } from '../keys';
import { loadGate, type GateSubmission } from '../valueGate';
import { validateValues, type ScopedIssue } from '../validateValues';
import { valuesRepository, type AuditWrite, type ValueWrite } from '../valuesRepository';
import { commitValues, WriteRaceError } from './commitValues';

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
  /** List the values as written (`result.written`); bulk imports skip it, the entry grid needs it. */
  reportWritten?: boolean;
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

/**
 * The result of a write that lost a race inside its transaction: nothing written, one conflict
 * naming the value someone else changed (and what they saved) or the seat that moved on.
 */
async function lostRace(db: Kysely<Database>, dict: ReportingDictionary, inputs: ValueInput[], race: WriteRaceError): Promise<WriteResult> {
  const result: WriteResult = { imported: 0, updated: 0, deleted: 0, ignored: inputs.length, conflicts: [], issues: [], written: [], submissions: [] };
  if (race.seat) {
    result.conflicts.push({ where: '', code: 'LOCKED', reason: race.seat.reason, key: race.key });
    return result;
  }
  const key = race.key;
  const input = inputs.find((i) => i.dataElementId === key.dataElementId && i.orgUnitId === key.orgUnitId && i.period === key.period && i.optionId === key.optionId);
  const where = input?.where ?? '';
  const [current] = await valuesRepository(db).load({ orgUnitIds: [key.orgUnitId], periods: [key.period], dataElementIds: [key.dataElementId] }).then((rows) => rows.filter((r) => r.optionId === key.optionId));
  const name = dict.dataElements.get(key.dataElementId)!.name;
  result.conflicts.push({
    where,
    code: 'VERSION_CONFLICT',
    reason: at(where, current ? `“${name}”刚被他人修改为 ${current.value}，请核对后再保存` : `“${name}”刚被他人删除，请核对后再保存`),
    key,
    current: current && { value: current.value, comment: current.comment, version: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt },
  });
  return result;
}

export interface WriteResult {
  imported: number;
  updated: number;
  deleted: number;
  ignored: number;
  conflicts: Conflict[];
  issues: ScopedIssue[];
  /** Values as stored afterwards, for the keys that were written (with `reportWritten`). */
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
  const units = [...new Set(inputs.map((i) => i.orgUnitId))];
  const gate = await loadGate(db, dict, periods.filter(isKeyYear), options.auth, now.slice(0, 10), units);
  const conflicts: Conflict[] = [];
  // Accepted values and their submissions as two parallel arrays: no object per value of a bulk import.
  const accepted: ValueInput[] = [];
  const acceptedSubmissions: GateSubmission[] = [];
  const seen = new ValueMap<ValueInput>();

  const conflict = (input: ValueInput, code: Conflict['code'], reason: string) =>
    conflicts.push({ where: input.where, code, reason: at(input.where, reason), key: input });
  for (const input of inputs) {
    const de = dict.dataElements.get(input.dataElementId)!;
    if (!isKeyYear(input.period)) {
      conflict(input, 'INVALID', `年份“${input.period}”不合理`);
      continue;
    }
    if (seen.has(input)) {
      conflict(input, 'DUPLICATE', '同一数据重复出现');
      continue;
    }
    seen.set(input, input);
    if (!de.optionIds.includes(input.optionId)) {
      conflict(input, 'UNKNOWN_OPTION', `“${de.name}”不按“${OPTION_LABELS[dict.optionCodeById.get(input.optionId)!]}”分组填报`);
      continue;
    }
    const decision = gate.decide(de, input.orgUnitId, input.period);
    if (!decision.ok) {
      conflict(input, decision.code, decision.reason);
      continue;
    }
    accepted.push(input);
    acceptedSubmissions.push(decision.submission);
  }
  const acceptedByKey = accepted.length === seen.size ? seen : ValueMap.of(accepted);

  const repo = valuesRepository(db);
  const unitIds = [...new Set(accepted.map((input) => input.orgUnitId))];
  const stored = ValueMap.of(await repo.load({ orgUnitIds: unitIds, periods: [...new Set(periods.flatMap((p) => [p, p - 1]))] }));

  for (const input of accepted) {
    const current = stored.get(input);
    const locked = current && gate.lockedByWriter(current.submissionId);
    if (locked) {
      conflicts.push({ where: input.where, code: 'LOCKED', reason: at(input.where, `“${dict.dataElements.get(input.dataElementId)!.name}”${locked}`), key: input });
      continue;
    }
    if (input.expectedVersion === undefined) continue;
    if ((current?.version ?? null) === input.expectedVersion) continue;
    const de = dict.dataElements.get(input.dataElementId)!;
    conflicts.push({
      where: input.where,
      code: 'VERSION_CONFLICT',
      reason: at(input.where, current ? `“${de.name}”已被他人修改为 ${current.value}，请核对后再保存` : `“${de.name}”已被他人删除，请核对后再保存`),
      key: input,
      current: current && { value: current.value, comment: current.comment, version: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt },
    });
  }

  const issues = validateValues(dict, accepted, stored, acceptedByKey);
  // A value that is not a proper number is never stored; cross-value errors are, on the grid, so
  // that a person can fix them in any order (they block submission instead).
  const blocking = issues.filter((issue) => issue.severity === 'error' && (options.rejectInvalid || CELL_RULES.has(issue.rule)));
  // Built only when something is refused: a clean import of a million values needs none.
  if (blocking.length) {
    const firstAt = new Map<number, ValueInput>();
    for (const input of accepted) {
      const k = yearKey(input.orgUnitId, input.period);
      if (!firstAt.has(k)) firstAt.set(k, input);
    }
    for (const issue of blocking) {
      // An issue names the value it is about, or (a sum, a ratio) the unit and year it concerns.
      const input =
        acceptedByKey.get({ dataElementId: issue.dataElementId, orgUnitId: issue.orgUnitId, period: issue.period, optionId: dict.options.get(issue.option)! }) ??
        firstAt.get(yearKey(issue.orgUnitId, issue.period))!;
      conflicts.push({ where: input.where, code: 'INVALID', reason: at(input.where, issue.message), key: input });
    }
  }

  const result: WriteResult = { imported: 0, updated: 0, deleted: 0, ignored: 0, conflicts, issues, written: [], submissions: [] };
  if (options.atomic && conflicts.length > 0) {
    result.ignored = inputs.length;
    return result;
  }
  const conflicted = new ValueMap<true>();
  for (const c of conflicts) conflicted.set(c.key, true);

  const inserts: ValueWrite[] = [];
  const overwrites: ValueWrite[] = [];
  const versioned: ValueWrite[] = [];
  const deletions: (ValueKey & { readVersion: number })[] = [];
  const audits: AuditWrite[] = [];
  const submissions = new Map<number, GateSubmission>();
  // Seats whose state the write depends on: those it writes through and those that wrote what it replaces.
  const seatsRead = new Set<number>();
  for (let i = 0; i < accepted.length; i++) {
    const input = accepted[i]!;
    if (conflicted.size && conflicted.has(input)) continue;
    const submission = acceptedSubmissions[i]!;
    const old = stored.get(input);
    const { dataElementId, orgUnitId, period, optionId, value } = input;
    if ((options.mode === 'create' && old) || (options.mode === 'update' && !old && value !== null) || (value === null && !old)) {
      result.ignored++;
      continue;
    }
    const comment = input.comment === undefined ? (old?.comment ?? null) : input.comment?.trim() || null;
    if (value === null) {
      deletions.push({ dataElementId, orgUnitId, period, optionId, readVersion: old!.version });
      audits.push({ dataElementId, orgUnitId, period, optionId, action: 'delete', oldValue: old!.value, newValue: null, oldComment: old!.comment, newComment: null });
      result.deleted++;
      if (options.reportWritten) result.written.push({ dataElementId, orgUnitId, period, optionId, value: null, version: null });
    } else if (old && old.value === value && old.comment === comment) {
      result.ignored++;
      continue;
    } else {
      const write: ValueWrite = {
        dataElementId, orgUnitId, period, optionId, value, comment, departmentId: submission.departmentId, submissionId: submission.id, readVersion: old?.version ?? 0,
      };
      if (old) {
        audits.push({ dataElementId, orgUnitId, period, optionId, action: 'update', oldValue: old.value, newValue: value, oldComment: old.comment, newComment: comment });
        result.updated++;
        (input.expectedVersion != null ? versioned : overwrites).push(write);
      } else {
        result.imported++;
        inserts.push(write);
      }
      if (options.reportWritten) result.written.push({ dataElementId, orgUnitId, period, optionId, value, version: (old?.version ?? 0) + 1 });
    }
    if (old?.submissionId != null) seatsRead.add(old.submissionId);
    submissions.set(submission.id, submission);
  }
  result.submissions = [...submissions.values()];
  if (options.dryRun || result.imported + result.updated + result.deleted === 0) return result;
  for (const id of submissions.keys()) seatsRead.add(id);

  try {
    await commitValues(db, { inserts, versioned, overwrites, deletions, audits, seats: [...seatsRead], writingSeats: [...submissions.keys()], actor: actorId(options.auth), via: options.via, now });
  } catch (e) {
    if (!(e instanceof WriteRaceError)) throw e;
    // Someone else got there first: nothing was written; say what they did, as a conflict.
    return lostRace(db, dict, inputs, e);
  }
  return result;
}

const CELL_RULES = new Set(['number', 'nonnegative', 'integer']);

/** A message prefixed with where its value came from, when the source has places (rows, cells). */
const at = (where: string, message: string) => (where ? `${where}：${message}` : message);


