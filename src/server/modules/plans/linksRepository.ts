import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { PlanLinkFlagKind } from './tables';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The links between plan targets and the indicator dictionary, the flags on them and the plans'
 * version history. Revisions carry target values into `indicator_targets` here as well: it is the
 * one write path from a plan into the dictionary. No access checks here: services decide.
 */
export function planLinksRepository(db: Executor) {
  return {
    /** What the matcher compares a target with. */
    dictionary() {
      return db.selectFrom('indicators').select(['id', 'code', 'name', 'aliases', 'unit', 'plan_target_id']).orderBy('id').execute();
    },

    linkTarget(targetId: number, indicatorId: number) {
      return db.updateTable('plan_targets').set({ indicator_id: indicatorId }).where('id', '=', targetId).execute();
    },

    /** Makes `targetId` the target the indicator was generated from, where it has none. */
    restoreSource(indicatorId: number, targetId: number) {
      return db.updateTable('indicators').set({ plan_target_id: targetId }).where('id', '=', indicatorId).where('plan_target_id', 'is', null).execute();
    },

    /** The plan an indicator was generated from, if any. */
    async sourcePlanOf(indicatorId: number): Promise<number | null> {
      const row = await db
        .selectFrom('indicators as i')
        .innerJoin('plan_targets as t', 't.id', 'i.plan_target_id')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .select('a.plan_id')
        .where('i.id', '=', indicatorId)
        .executeTakeFirst();
      return row?.plan_id ?? null;
    },

    indicatorTarget(indicatorId: number, year: number) {
      return db.selectFrom('indicator_targets').selectAll().where('indicator_id', '=', indicatorId).where('year', '=', year).executeTakeFirst();
    },

    async writeIndicatorTarget(indicatorId: number, oldYear: number, t: { year: number; comparator: string; value: number | null; baseYear: number | null }) {
      await db.deleteFrom('indicator_targets').where('indicator_id', '=', indicatorId).where('year', 'in', [oldYear, t.year]).execute();
      await db
        .insertInto('indicator_targets')
        .values({ indicator_id: indicatorId, year: t.year, comparator: t.comparator, value: t.value, base_year: t.baseYear })
        .execute();
    },

    /** Sets a target to the revised plan's values, no longer a hand edit; returns what it was. */
    async acceptProposed(targetId: number, t: { comparator: string; value: number | null; unit: string | null; year: number | null; baseYear: number | null }) {
      const before = await db.selectFrom('plan_targets').select(['year']).where('id', '=', targetId).executeTakeFirst();
      await db
        .updateTable('plan_targets')
        .set({ comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, base_year: t.baseYear, edited_by: null, edited_at: null })
        .where('id', '=', targetId)
        .execute();
      return before;
    },

    async periodEndOf(planId: number): Promise<number> {
      const row = await db.selectFrom('plans').select('period_end').where('id', '=', planId).executeTakeFirstOrThrow();
      return row.period_end;
    },

    async insertFlag(flag: {
      planId: number; indicatorId: number; targetId: number | null; kind: PlanLinkFlagKind; item: string; targetIndicator: string;
      wasSource: boolean; detail: { message: string; proposed: unknown }; now: string;
    }) {
      await db
        .insertInto('plan_link_flags')
        .values({
          plan_id: flag.planId,
          indicator_id: flag.indicatorId,
          target_id: flag.targetId,
          kind: flag.kind,
          item: flag.item,
          target_indicator: flag.targetIndicator,
          was_source: flag.wasSource ? 1 : 0,
          detail: JSON.stringify(flag.detail),
          created_at: flag.now,
        })
        .execute();
    },

    openRemovedFlags(planId: number) {
      return db
        .selectFrom('plan_link_flags')
        .selectAll()
        .where('plan_id', '=', planId)
        .where('kind', '=', 'removed')
        .where('resolved_at', 'is', null)
        .orderBy('id')
        .execute();
    },

    resolveFlag(flagId: number, now: string) {
      return db.updateTable('plan_link_flags').set({ resolved_at: now }).where('id', '=', flagId).execute();
    },

    /** Open flags of a plan or of an indicator, newest first, with what they refer to. */
    openFlags(by: { planId?: number; indicatorId?: number; flagId?: number }) {
      return db
        .selectFrom('plan_link_flags as f')
        .innerJoin('plans as p', 'p.id', 'f.plan_id')
        .innerJoin('indicators as i', 'i.id', 'f.indicator_id')
        .select([
          'f.id', 'f.kind', 'f.plan_id', 'p.title as plan_title', 'p.org_unit_id', 'f.item', 'f.indicator_id', 'i.code as indicator_code',
          'i.name as indicator_name', 'f.target_id', 'f.detail', 'f.created_at',
        ])
        .where('f.resolved_at', 'is', null)
        .$if(by.planId !== undefined, (qb) => qb.where('f.plan_id', '=', by.planId!))
        .$if(by.indicatorId !== undefined, (qb) => qb.where('f.indicator_id', '=', by.indicatorId!))
        .$if(by.flagId !== undefined, (qb) => qb.where('f.id', '=', by.flagId!))
        .orderBy('f.id', 'desc')
        .execute();
    },

    async insertVersion(v: { planId: number; sourceName: string; sourceHash: string; changes: unknown; importedBy: number | null; now: string }) {
      const { max } = await db
        .selectFrom('plan_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('plan_id', '=', v.planId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('plan_versions')
        .values({
          plan_id: v.planId,
          version: Number(max ?? 0) + 1,
          source_name: v.sourceName,
          source_hash: v.sourceHash,
          changes: JSON.stringify(v.changes),
          imported_by: v.importedBy,
          imported_at: v.now,
        })
        .execute();
    },

    versionsOf(planId: number) {
      return db
        .selectFrom('plan_versions as v')
        .leftJoin('users as u', 'u.id', 'v.imported_by')
        .select(['v.version', 'v.source_name', 'v.source_hash', 'v.changes', 'v.imported_at', 'u.display_name'])
        .where('v.plan_id', '=', planId)
        .orderBy('v.version', 'desc')
        .execute();
    },

    /** Every plan target that measures the indicator, with its plan and unit, by unit. */
    targetsOfIndicator(indicatorId: number) {
      return db
        .selectFrom('plan_targets as t')
        .innerJoin('plan_goals as g', 'g.id', 't.goal_id')
        .innerJoin('plan_areas as a', 'a.id', 'g.area_id')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
        .select([
          't.id', 't.indicator', 't.comparator', 't.value', 't.unit', 't.year', 't.base_year', 't.quote', 't.edited_by',
          'p.id as plan_id', 'p.title as plan_title', 'p.period_end', 'o.id as org_unit_id', 'o.name as org_unit_name',
          'a.no as area_no', 'a.title as area_title', 'g.no as goal_no',
        ])
        .where('t.indicator_id', '=', indicatorId)
        .orderBy('o.sort')
        .orderBy('o.id')
        .orderBy('p.id')
        .orderBy('a.no')
        .orderBy('g.no')
        .orderBy('t.seq')
        .execute();
    },
  };
}
export type PlanLinksRepository = ReturnType<typeof planLinksRepository>;
