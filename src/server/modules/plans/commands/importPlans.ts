import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportOutcome } from '../../../../shared/api/plans';
import type { ParsedArea, ParsedPlan } from '../../../../shared/plan-text';
import type { Database } from '../../../db/schema';
import { plansRepository, type PlansRepository } from '../repository';
import { diffPlan, type PlanOp, type StoredArea } from './planDiff';

export interface PlanToImport {
  parsed: ParsedPlan;
  orgUnit: { id: number; name: string };
}

export interface ImportPlansInput {
  sourceName: string;
  sourceText: string;
  plans: PlanToImport[];
  dryRun: boolean;
  isDemo?: boolean;
  now?: Date;
}

export const sourceHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Saves the plans of one document, all in one transaction: a new plan is created; a known one
 * (same unit and title) is updated in place, keeping hand-edited targets of goals whose text did
 * not change. With `dryRun` nothing is written and the outcomes say what would happen.
 */
export async function importPlans(db: Kysely<Database>, input: ImportPlansInput): Promise<ImportOutcome[]> {
  const run = async (repo: PlansRepository) => {
    const outcomes: ImportOutcome[] = [];
    for (const plan of input.plans) outcomes.push(await importOne(repo, plan, input));
    return outcomes;
  };
  if (input.dryRun) return run(plansRepository(db));
  return db.transaction().execute((trx) => run(plansRepository(trx)));
}

async function importOne(repo: PlansRepository, { parsed, orgUnit }: PlanToImport, input: ImportPlansInput): Promise<ImportOutcome> {
  const now = (input.now ?? new Date()).toISOString();
  const hash = sourceHash(input.sourceText);
  const existing = await repo.findPlanByTitle(orgUnit.id, parsed.title);
  const outcome = (planId: number | null, kind: ImportOutcome['outcome'], changes = { added: [] as string[], changed: [] as string[], removed: [] as string[] }): ImportOutcome => ({
    planId,
    title: parsed.title,
    orgUnit,
    outcome: kind,
    changes,
  });

  if (!existing) {
    if (input.dryRun) return outcome(null, 'created');
    const planId = await repo.insertPlan({
      orgUnitId: orgUnit.id,
      kind: parsed.kind,
      title: parsed.title,
      periodStart: parsed.periodStart,
      periodEnd: parsed.periodEnd,
      sourceName: input.sourceName,
      sourceText: input.sourceText,
      sourceHash: hash,
      isDemo: input.isDemo ?? false,
    });
    for (const area of parsed.areas) await insertArea(repo, planId, area);
    return outcome(planId, 'created');
  }

  if (existing.source_hash === hash) return outcome(existing.id, 'unchanged');
  const { ops, changes } = diffPlan(await loadStored(repo, existing.id), parsed);
  const changed = changes.added.length + changes.changed.length + changes.removed.length > 0;
  if (!input.dryRun) {
    for (const op of ops) await apply(repo, existing.id, op);
    await repo.updatePlanSource(existing.id, {
      sourceName: input.sourceName,
      sourceText: input.sourceText,
      sourceHash: hash,
      periodStart: parsed.periodStart,
      periodEnd: parsed.periodEnd,
      now: changed ? now : existing.updated_at,
    });
  }
  return outcome(existing.id, changed ? 'updated' : 'unchanged', changes);
}

async function loadStored(repo: PlansRepository, planId: number): Promise<StoredArea[]> {
  const [areas, goals, measures] = await Promise.all([repo.areasOf(planId), repo.goalsOf(planId), repo.measuresOf(planId)]);
  const item = (r: { id: number; no: number; text: string; line_start: number; line_end: number }) => ({
    id: r.id, no: r.no, text: r.text, lineStart: r.line_start, lineEnd: r.line_end,
  });
  return areas.map((a) => ({
    id: a.id,
    no: a.no,
    title: a.title,
    line: a.line,
    goals: goals.filter((g) => g.area_id === a.id).map(item),
    measures: measures.filter((m) => m.area_id === a.id).map(item),
  }));
}

async function insertArea(repo: PlansRepository, planId: number, area: ParsedArea): Promise<void> {
  const areaId = await repo.insertArea(planId, { no: area.no, title: area.title, line: area.line });
  for (const goal of area.goals) {
    const goalId = await repo.insertGoal(areaId, goal);
    await repo.replaceTargets(goalId, goal.targets);
  }
  for (const measure of area.measures) await repo.insertMeasure(areaId, measure);
}

async function apply(repo: PlansRepository, planId: number, op: PlanOp): Promise<void> {
  switch (op.op) {
    case 'addArea':
      return insertArea(repo, planId, op.area);
    case 'updateArea':
      await repo.updateArea(op.id, { title: op.title, line: op.line });
      return;
    case 'removeArea':
      await repo.deleteArea(op.id);
      return;
    case 'addGoal': {
      const goalId = await repo.insertGoal(op.areaId, op.goal);
      await repo.replaceTargets(goalId, op.goal.targets);
      return;
    }
    case 'updateGoal':
      await repo.updateGoal(op.id, { text: op.goal.text, lineStart: op.goal.lineStart, lineEnd: op.goal.lineEnd });
      // New wording means new targets; unchanged wording keeps the (possibly hand-corrected) ones.
      if (op.textChanged) await repo.replaceTargets(op.id, op.goal.targets);
      return;
    case 'removeGoal':
      await repo.deleteGoal(op.id);
      return;
    case 'addMeasure':
      return repo.insertMeasure(op.areaId, op.measure);
    case 'updateMeasure':
      await repo.updateMeasure(op.id, op.measure);
      return;
    case 'removeMeasure':
      await repo.deleteMeasure(op.id);
      return;
  }
}
