import type { Kysely, Transaction } from 'kysely';
import type { ParsedTarget } from '../../../shared/plan-text';
import type { Database } from '../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** Plans and their areas, goals, measures and targets. No access checks here: services decide. */
export function plansRepository(db: Executor) {
  return {
    listPlans() {
      return db
        .selectFrom('plans as p')
        .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
        .select([
          'p.id', 'p.title', 'p.kind', 'p.period_start', 'p.period_end', 'p.status', 'p.is_demo', 'p.source_name',
          'p.updated_at', 'p.org_unit_id', 'o.name as org_unit_name', 'p.released_on', 'p.archived_at',
        ])
        .select((eb) => [
          eb.selectFrom('plan_areas as a').whereRef('a.plan_id', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('areas'),
          eb
            .selectFrom('plan_goals as g')
            .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
            .whereRef('a.plan_id', '=', 'p.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('goals'),
          eb
            .selectFrom('plan_measures as m')
            .innerJoin('plan_areas as a', 'a.id', 'm.area_id')
            .whereRef('a.plan_id', '=', 'p.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('measures'),
          eb
            .selectFrom('plan_targets as t')
            .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
            .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
            .whereRef('a.plan_id', '=', 'p.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('targets'),
        ])
        .orderBy('p.org_unit_id')
        .orderBy('p.id')
        .execute();
    },

    findPlan(id: number) {
      return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findPlanByTitle(orgUnitId: number, title: string) {
      return db.selectFrom('plans').selectAll().where('org_unit_id', '=', orgUnitId).where('title', '=', title).executeTakeFirst();
    },

    areasOf(planId: number) {
      return db.selectFrom('plan_areas').selectAll().where('plan_id', '=', planId).orderBy('no').execute();
    },

    goalsOf(planId: number) {
      return db
        .selectFrom('plan_goals as g')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .selectAll('g')
        .where('a.plan_id', '=', planId)
        .orderBy('a.no')
        .orderBy('g.no')
        .execute();
    },

    measuresOf(planId: number) {
      return db
        .selectFrom('plan_measures as m')
        .innerJoin('plan_areas as a', 'a.id', 'm.area_id')
        .selectAll('m')
        .where('a.plan_id', '=', planId)
        .orderBy('a.no')
        .orderBy('m.no')
        .execute();
    },

    targetsOf(planId: number) {
      return db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .selectAll('t')
        .where('a.plan_id', '=', planId)
        .orderBy('t.goal_id')
        .orderBy('t.seq')
        .execute();
    },

    targetsOfGoal(goalId: number) {
      return db.selectFrom('plan_targets').selectAll().where('goal_id', '=', goalId).orderBy('seq').execute();
    },

    /** A goal with the plan it belongs to, for access checks. */
    findGoal(goalId: number) {
      return db
        .selectFrom('plan_goals as g')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .selectAll('g')
        .select(['p.id as plan_id', 'p.org_unit_id'])
        .where('g.id', '=', goalId)
        .executeTakeFirst();
    },

    findTarget(targetId: number) {
      return db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .selectAll('t')
        .select(['p.id as plan_id', 'p.org_unit_id'])
        .where('t.id', '=', targetId)
        .executeTakeFirst();
    },

    async insertPlan(plan: {
      orgUnitId: number; kind: 'women' | 'children'; title: string; periodStart: number; periodEnd: number;
      sourceName: string; sourceText: string; sourceHash: string; isDemo: boolean;
    }) {
      const row = await db
        .insertInto('plans')
        .values({
          org_unit_id: plan.orgUnitId,
          kind: plan.kind,
          title: plan.title,
          period_start: plan.periodStart,
          period_end: plan.periodEnd,
          source_name: plan.sourceName,
          source_text: plan.sourceText,
          source_hash: plan.sourceHash,
          is_demo: plan.isDemo ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    updatePlanSource(planId: number, source: { sourceName: string; sourceText: string; sourceHash: string; periodStart: number; periodEnd: number; now: string }) {
      return db
        .updateTable('plans')
        .set({
          source_name: source.sourceName,
          source_text: source.sourceText,
          source_hash: source.sourceHash,
          period_start: source.periodStart,
          period_end: source.periodEnd,
          updated_at: source.now,
        })
        .where('id', '=', planId)
        .execute();
    },

    touchPlan(planId: number, now: string) {
      return db.updateTable('plans').set({ updated_at: now }).where('id', '=', planId).execute();
    },

    async insertArea(planId: number, area: { no: number; title: string; line: number }) {
      const row = await db.insertInto('plan_areas').values({ plan_id: planId, ...area }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    updateArea(areaId: number, area: { title: string; line: number }) {
      return db.updateTable('plan_areas').set(area).where('id', '=', areaId).execute();
    },

    deleteArea(areaId: number) {
      return db.deleteFrom('plan_areas').where('id', '=', areaId).execute();
    },

    async insertGoal(areaId: number, goal: { no: number; text: string; lineStart: number; lineEnd: number }) {
      const row = await db
        .insertInto('plan_goals')
        .values({ area_id: areaId, no: goal.no, text: goal.text, line_start: goal.lineStart, line_end: goal.lineEnd })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    updateGoal(goalId: number, goal: { text?: string; lineStart?: number; lineEnd?: number; qualitative?: boolean }) {
      return db
        .updateTable('plan_goals')
        .set({
          text: goal.text,
          line_start: goal.lineStart,
          line_end: goal.lineEnd,
          qualitative: goal.qualitative === undefined ? undefined : goal.qualitative ? 1 : 0,
        })
        .where('id', '=', goalId)
        .execute();
    },

    deleteGoal(goalId: number) {
      return db.deleteFrom('plan_goals').where('id', '=', goalId).execute();
    },

    async insertMeasure(areaId: number, measure: { no: number; text: string; lineStart: number; lineEnd: number }) {
      await db
        .insertInto('plan_measures')
        .values({ area_id: areaId, no: measure.no, text: measure.text, line_start: measure.lineStart, line_end: measure.lineEnd })
        .execute();
    },

    updateMeasure(measureId: number, measure: { text: string; lineStart: number; lineEnd: number }) {
      return db
        .updateTable('plan_measures')
        .set({ text: measure.text, line_start: measure.lineStart, line_end: measure.lineEnd })
        .where('id', '=', measureId)
        .execute();
    },

    deleteMeasure(measureId: number) {
      return db.deleteFrom('plan_measures').where('id', '=', measureId).execute();
    },

    /** Replaces a goal's extracted targets; hand-made edits are the caller's decision to keep or drop. */
    async replaceTargets(goalId: number, targets: ParsedTarget[]) {
      await db.deleteFrom('plan_targets').where('goal_id', '=', goalId).execute();
      if (targets.length === 0) return;
      await db
        .insertInto('plan_targets')
        .values(
          targets.map((t, i) => ({
            goal_id: goalId,
            seq: i + 1,
            indicator: t.indicator,
            comparator: t.comparator,
            value: t.value,
            unit: t.unit,
            year: t.year,
            base_year: t.baseYear,
            quote: t.quote,
            edited_by: null,
            edited_at: null,
          })),
        )
        .execute();
    },

    /** A target as a revised text states it, in place: its id and indicator link stay. */
    updateTargetFromText(targetId: number, seq: number, t: ParsedTarget) {
      return db
        .updateTable('plan_targets')
        .set({ seq, indicator: t.indicator, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, base_year: t.baseYear, quote: t.quote })
        .where('id', '=', targetId)
        .execute();
    },

    /** Keeps a hand-edited target's values; only its place and the words it is read from follow the text. */
    placeTarget(targetId: number, seq: number, quote: string) {
      return db.updateTable('plan_targets').set({ seq, quote }).where('id', '=', targetId).execute();
    },

    async insertTextTarget(goalId: number, seq: number, t: ParsedTarget) {
      const row = await db
        .insertInto('plan_targets')
        .values({
          goal_id: goalId, seq, indicator: t.indicator, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year,
          base_year: t.baseYear, quote: t.quote, edited_by: null, edited_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertTarget(goalId: number, target: Omit<ParsedTarget, 'quote'> & { quote: string; editedBy: number; editedAt: string }) {
      const { max } = await db
        .selectFrom('plan_targets')
        .select((eb) => eb.fn.max('seq').as('max'))
        .where('goal_id', '=', goalId)
        .executeTakeFirstOrThrow();
      const row = await db
        .insertInto('plan_targets')
        .values({
          goal_id: goalId,
          seq: Number(max ?? 0) + 1,
          indicator: target.indicator,
          comparator: target.comparator,
          value: target.value,
          unit: target.unit,
          year: target.year,
          base_year: target.baseYear,
          quote: target.quote,
          edited_by: target.editedBy,
          edited_at: target.editedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    updateTarget(targetId: number, target: Omit<ParsedTarget, 'quote'> & { editedBy: number; editedAt: string }) {
      return db
        .updateTable('plan_targets')
        .set({
          indicator: target.indicator,
          comparator: target.comparator,
          value: target.value,
          unit: target.unit,
          year: target.year,
          base_year: target.baseYear,
          edited_by: target.editedBy,
          edited_at: target.editedAt,
        })
        .where('id', '=', targetId)
        .execute();
    },

    deleteTarget(targetId: number) {
      return db.deleteFrom('plan_targets').where('id', '=', targetId).execute();
    },
  };
}
export type PlansRepository = ReturnType<typeof plansRepository>;
