import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ImportChanges, ImportOutcome } from '../../../../shared/api/plans';
import type { ParsedArea, ParsedPlan } from '../../../../shared/plan-text';
import type { Database } from '../../../db/schema';
import { planLinksRepository } from '../linksRepository';
import { plansRepository, type PlansRepository } from '../repository';
import { emptyLinkReport, flagRemovedGoal, linkContext, linkPlanTargets, reviseGoalTargets, type LinkContext } from './planLinks';
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
  /** Who imports, for the version history; null for the command line and the demo. */
  importedBy?: number | null;
  isDemo?: boolean;
  now?: Date;
}

export const sourceHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Thrown to roll a dry run back: the preview does everything an import does, then undoes it. */
class DryRun extends Error {
  constructor(readonly outcomes: ImportOutcome[]) {
    super('dry run');
  }
}

/**
 * Saves the plans of one document, all in one transaction: a new plan is created; a known one
 * (same unit and title) is updated in place, its targets keeping their ids and indicator links.
 * Unlinked targets are then linked to the dictionary's indicators of the same meaning. With
 * `dryRun` the same work is rolled back, so the preview reports exactly what an import would do.
 */
export async function importPlans(db: Kysely<Database>, input: ImportPlansInput): Promise<ImportOutcome[]> {
  try {
    return await db.transaction().execute(async (trx) => {
      const outcomes: ImportOutcome[] = [];
      for (const plan of input.plans) outcomes.push(await importOne(trx, plan, input));
      if (input.dryRun) throw new DryRun(outcomes);
      return outcomes;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.outcomes;
    throw e;
  }
}

async function importOne(trx: Transaction<Database>, { parsed, orgUnit }: PlanToImport, input: ImportPlansInput): Promise<ImportOutcome> {
  const repo = plansRepository(trx);
  const links = planLinksRepository(trx);
  const now = (input.now ?? new Date()).toISOString();
  const hash = sourceHash(input.sourceText);
  const existing = await repo.findPlanByTitle(orgUnit.id, parsed.title);
  const changes: ImportChanges = { added: [], changed: [], removed: [], details: [] };
  const done = (planId: number | null, outcome: ImportOutcome['outcome'], ctx?: LinkContext): ImportOutcome => ({
    planId: input.dryRun && outcome === 'created' ? null : planId,
    title: parsed.title,
    orgUnit,
    outcome,
    changes,
    links: ctx?.report ?? emptyLinkReport(),
  });
  const context = (planId: number) => linkContext({ planId, periodEnd: parsed.periodEnd, now, plans: repo, links, details: changes.details });
  const record = (planId: number, outcome: ImportOutcome) =>
    links.insertVersion({
      planId, sourceName: input.sourceName, sourceHash: hash, now,
      // The command line acts as user 0, who is no row of users.
      importedBy: input.importedBy || null,
      changes: { outcome: outcome.outcome, changes: outcome.changes, links: outcome.links },
    });

  if (!existing) {
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
    const ctx = await context(planId);
    await linkPlanTargets(ctx);
    const outcome = done(planId, 'created', ctx);
    await record(planId, outcome);
    return outcome;
  }

  if (existing.source_hash === hash) return done(existing.id, 'unchanged');
  const diff = diffPlan(await loadStored(repo, existing.id), parsed);
  Object.assign(changes, diff.changes);
  const ctx = await context(existing.id);
  for (const op of diff.ops) await apply(ctx, op);
  await linkPlanTargets(ctx);
  const changed = changes.added.length + changes.changed.length + changes.removed.length > 0;
  await repo.updatePlanSource(existing.id, {
    sourceName: input.sourceName,
    sourceText: input.sourceText,
    sourceHash: hash,
    periodStart: parsed.periodStart,
    periodEnd: parsed.periodEnd,
    now: changed ? now : existing.updated_at,
  });
  const outcome = done(existing.id, changed ? 'updated' : 'unchanged', ctx);
  await record(existing.id, outcome);
  return outcome;
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

async function apply(ctx: LinkContext, op: PlanOp): Promise<void> {
  const repo = ctx.plans;
  switch (op.op) {
    case 'addArea':
      return insertArea(repo, ctx.planId, op.area);
    case 'updateArea':
      await repo.updateArea(op.id, { title: op.title, line: op.line });
      return;
    case 'removeArea':
      for (const goal of op.goals) await flagRemovedGoal(ctx, goal.id, goal.label);
      await repo.deleteArea(op.id);
      return;
    case 'addGoal': {
      const goalId = await repo.insertGoal(op.areaId, op.goal);
      await repo.replaceTargets(goalId, op.goal.targets);
      return;
    }
    case 'updateGoal':
      await repo.updateGoal(op.id, { text: op.goal.text, lineStart: op.goal.lineStart, lineEnd: op.goal.lineEnd });
      // Unchanged wording keeps the (possibly hand-corrected) targets as they are.
      if (op.textChanged) await reviseGoalTargets(ctx, op.id, op.label, op.goal.targets);
      return;
    case 'removeGoal':
      await flagRemovedGoal(ctx, op.id, op.label);
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
