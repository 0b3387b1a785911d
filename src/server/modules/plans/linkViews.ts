import type { Transaction } from 'kysely';
import type { ImportChanges, IndicatorPlanTargetDto, LinkFlagDto, LinkReportDto, PlanVersionDto } from '../../../shared/api/plans';
import type { Comparator } from '../../../shared/plan-text';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { goalLabel } from './commands/planDiff';
import { planLinksRepository, type PlanLinksRepository } from './linksRepository';

type VersionRow = Awaited<ReturnType<PlanLinksRepository['versionsOf']>>[number];
type FlagRow = Awaited<ReturnType<PlanLinksRepository['openFlags']>>[number];
type PlanTargetRow = Awaited<ReturnType<PlanLinksRepository['targetsOfIndicator']>>[number];

export type FlagAction = 'keep' | 'accept';

interface FlagDetail {
  message: string;
  proposed: { comparator: Comparator; value: number | null; unit: string | null; year: number | null; baseYear: number | null } | null;
}

export function toVersionDto(v: VersionRow): PlanVersionDto {
  const stored = JSON.parse(v.changes) as { outcome: PlanVersionDto['outcome']; changes: ImportChanges; links: LinkReportDto };
  return {
    version: v.version,
    sourceName: v.source_name,
    sourceHash: v.source_hash,
    importedBy: v.display_name ?? null,
    importedAt: v.imported_at,
    outcome: stored.outcome,
    changes: stored.changes,
    links: stored.links,
  };
}

export function toFlagDto(f: FlagRow): LinkFlagDto {
  return {
    id: f.id,
    kind: f.kind,
    planId: f.plan_id,
    planTitle: f.plan_title,
    item: f.item,
    indicator: { id: f.indicator_id, code: f.indicator_code, name: f.indicator_name },
    targetId: f.target_id,
    message: (JSON.parse(f.detail) as FlagDetail).message,
    createdAt: f.created_at,
  };
}

export const toIndicatorPlanTarget = (t: PlanTargetRow): IndicatorPlanTargetDto => ({
  targetId: t.id,
  orgUnit: { id: t.org_unit_id, name: t.org_unit_name },
  planId: t.plan_id,
  planTitle: t.plan_title,
  item: goalLabel({ no: t.area_no, title: t.area_title }, t.goal_no),
  indicator: t.indicator,
  comparator: t.comparator as Comparator,
  value: t.value,
  unit: t.unit,
  year: t.year ?? t.period_end,
  baseYear: t.base_year,
  quote: t.quote,
  edited: t.edited_by !== null,
});

/** Settles one open flag inside the caller's transaction (see PlansService.resolveFlag). */
export async function resolveLinkFlag(trx: Transaction<Database>, flag: FlagRow, action: FlagAction, now: string): Promise<void> {
  const links = planLinksRepository(trx);
  if (action === 'accept') {
    const { proposed } = JSON.parse(flag.detail) as FlagDetail;
    if (flag.kind !== 'conflict' || !proposed || flag.target_id === null) {
      throw appError('VALIDATION_FAILED', '此事项没有可采用的规划修订值，只能确认知悉');
    }
    const before = await links.acceptProposed(flag.target_id, proposed);
    if (before && (await links.sourcePlanOf(flag.indicator_id)) === flag.plan_id) {
      const periodEnd = await links.periodEndOf(flag.plan_id);
      await links.writeIndicatorTarget(flag.indicator_id, before.year ?? periodEnd, {
        year: proposed.year ?? periodEnd, comparator: proposed.comparator, value: proposed.value, baseYear: proposed.baseYear,
      });
    }
  }
  await links.resolveFlag(flag.id, now);
}
