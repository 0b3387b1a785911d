import type { ChangeDetailDto, IndicatorRefDto, LinkReportDto } from '../../../../shared/api/plans';
import { matchIndicator, normaliseName, parseAliases, type MatchableIndicator } from '../../../../shared/indicators/match';
import type { Comparator, ParsedTarget } from '../../../../shared/plan-text';
import { formatTarget } from '../../../../shared/plans/formatTarget';
import type { PlanTargetRow } from '../../../db/schema';
import type { PlanLinksRepository } from '../linksRepository';
import type { PlansRepository } from '../repository';
import { goalLabel } from './planDiff';

interface DictionaryEntry extends MatchableIndicator { sourceTargetId: number | null }

/** What one plan's import works on and reports into. */
export interface LinkContext {
  planId: number;
  /** A target without a year is for the plan's end. */
  periodEnd: number;
  now: string;
  plans: PlansRepository;
  links: PlanLinksRepository;
  dictionary: Map<number, DictionaryEntry>;
  report: LinkReportDto;
  details: ChangeDetailDto[];
}

export const emptyLinkReport = (): LinkReportDto => ({ linked: [], ambiguous: [], carried: [], flagged: [], restored: [] });

export async function linkContext(
  base: Pick<LinkContext, 'planId' | 'periodEnd' | 'now' | 'plans' | 'links' | 'details'>,
): Promise<LinkContext> {
  const rows = await base.links.dictionary();
  const dictionary = new Map(
    rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, aliases: parseAliases(r.aliases), unit: r.unit, sourceTargetId: r.plan_target_id }]),
  );
  return { ...base, dictionary, report: emptyLinkReport() };
}

const ref = (ctx: LinkContext, indicatorId: number): IndicatorRefDto => {
  const i = ctx.dictionary.get(indicatorId);
  return i ? { id: i.id, code: i.code, name: i.name } : { id: indicatorId, code: '', name: '' };
};

type TargetValues = { comparator: Comparator; value: number | null; unit: string | null; year: number | null; baseYear: number | null };
const valuesOf = (t: PlanTargetRow): TargetValues => ({
  comparator: t.comparator as Comparator, value: t.value, unit: t.unit, year: t.year, baseYear: t.base_year,
});
const sameValues = (a: TargetValues, b: TargetValues) =>
  a.comparator === b.comparator && a.value === b.value && a.unit === b.unit && a.year === b.year && a.baseYear === b.baseYear;

/** Pairs a goal's stored targets with the revised text's by indicator name (the same year first). */
function pairTargets(stored: PlanTargetRow[], parsed: ParsedTarget[]) {
  const left = [...stored];
  const pairs: { stored: PlanTargetRow | null; parsed: ParsedTarget; seq: number }[] = [];
  parsed.forEach((p, i) => {
    const same = left.filter((s) => normaliseName(s.indicator) === normaliseName(p.indicator));
    const s = same.find((x) => x.year === p.year) ?? same[0] ?? null;
    if (s) left.splice(left.indexOf(s), 1);
    pairs.push({ stored: s, parsed: p, seq: i + 1 });
  });
  return { pairs, unpaired: left };
}

/**
 * Brings a goal's targets in line with its revised wording without losing their links: a paired
 * target is updated in place (id and indicator stay) and its new value carried into the indicator;
 * a hand-edited one keeps the person's values and, when linked, gets a conflict flag; a target the
 * text no longer has is deleted and its indicator flagged; hand-added targets stay.
 */
export async function reviseGoalTargets(ctx: LinkContext, goalId: number, item: string, parsed: ParsedTarget[]): Promise<void> {
  const { pairs, unpaired } = pairTargets(await ctx.plans.targetsOfGoal(goalId), parsed);
  for (const { stored, parsed: p, seq } of pairs) {
    if (!stored) {
      await ctx.plans.insertTextTarget(goalId, seq, p);
      ctx.details.push({ item, what: p.indicator, before: '（无）', after: formatTarget(p) });
      continue;
    }
    const before = valuesOf(stored);
    if (sameValues(before, p)) {
      await ctx.plans.placeTarget(stored.id, seq, p.quote);
    } else if (stored.edited_by !== null) {
      await ctx.plans.placeTarget(stored.id, seq, p.quote);
      ctx.details.push({ item, what: p.indicator, before: `${formatTarget(before)}（人工修改）`, after: `${formatTarget(p)}（保留人工修改）` });
      if (stored.indicator_id !== null) {
        await flag(ctx, {
          kind: 'conflict', indicatorId: stored.indicator_id, targetId: stored.id, item, targetIndicator: stored.indicator,
          message: `修订后的规划为“${formatTarget(p)}”，人工修改为“${formatTarget(before)}”，已保留人工修改`,
          proposed: { comparator: p.comparator, value: p.value, unit: p.unit, year: p.year, baseYear: p.baseYear },
        });
      }
    } else {
      await ctx.plans.updateTargetFromText(stored.id, seq, p);
      ctx.details.push({ item, what: p.indicator, before: formatTarget(before), after: formatTarget(p) });
      if (stored.indicator_id !== null) await carry(ctx, stored, before, p, item);
    }
  }
  for (const s of unpaired) {
    if (s.edited_by !== null) continue;
    ctx.details.push({ item, what: s.indicator, before: formatTarget(valuesOf(s)), after: '（删除）' });
    await flagRemoved(ctx, s, item);
    await ctx.plans.deleteTarget(s.id);
  }
}

/** Before a goal is deleted: every linked target of it flags its indicator. */
export async function flagRemovedGoal(ctx: LinkContext, goalId: number, item: string): Promise<void> {
  for (const t of await ctx.plans.targetsOfGoal(goalId)) await flagRemoved(ctx, t, item);
}

async function flagRemoved(ctx: LinkContext, t: PlanTargetRow, item: string): Promise<void> {
  if (t.indicator_id === null) return;
  await flag(ctx, {
    kind: 'removed', indicatorId: t.indicator_id, targetId: null, item, targetIndicator: t.indicator,
    wasSource: ctx.dictionary.get(t.indicator_id)?.sourceTargetId === t.id,
    message: `修订后的规划删除了${item}（原为“${t.indicator} ${formatTarget(valuesOf(t))}”），该指标不再有本规划的目标`,
  });
}

async function flag(
  ctx: LinkContext,
  f: {
    kind: 'conflict' | 'removed'; indicatorId: number; targetId: number | null; item: string; targetIndicator: string; message: string;
    wasSource?: boolean; proposed?: TargetValues;
  },
): Promise<void> {
  await ctx.links.insertFlag({
    planId: ctx.planId, indicatorId: f.indicatorId, targetId: f.targetId, kind: f.kind, item: f.item, targetIndicator: f.targetIndicator,
    wasSource: f.wasSource ?? false, detail: { message: f.message, proposed: f.proposed ?? null }, now: ctx.now,
  });
  ctx.report.flagged.push({ kind: f.kind, item: f.item, indicator: ref(ctx, f.indicatorId), message: f.message });
}

/**
 * A changed target value becomes the indicator's yearly target when the indicator was generated
 * from this plan (another plan's indicator keeps its own plan's targets) and its target for that
 * year is still what the plan said; a target changed in the dictionary by hand is flagged instead.
 */
export async function carry(ctx: LinkContext, stored: PlanTargetRow, before: TargetValues, after: TargetValues, item: string): Promise<void> {
  const indicatorId = stored.indicator_id!;
  if ((await ctx.links.sourcePlanOf(indicatorId)) !== ctx.planId) return;
  const oldYear = before.year ?? ctx.periodEnd;
  const current = await ctx.links.indicatorTarget(indicatorId, oldYear);
  if (current && (current.comparator !== before.comparator || current.value !== before.value || current.base_year !== before.baseYear)) {
    const now = formatTarget({ comparator: current.comparator as Comparator, value: current.value, unit: after.unit, year: current.year, baseYear: current.base_year });
    await flag(ctx, {
      kind: 'conflict', indicatorId, targetId: stored.id, item, targetIndicator: stored.indicator,
      message: `指标的 ${oldYear} 年目标已被人工改为“${now}”，与修订后的规划“${formatTarget(after)}”不同，未改动`,
      proposed: after,
    });
    return;
  }
  await ctx.links.writeIndicatorTarget(indicatorId, oldYear, { year: after.year ?? ctx.periodEnd, comparator: after.comparator, value: after.value, baseYear: after.baseYear });
  ctx.report.carried.push({ indicator: ref(ctx, indicatorId), before: formatTarget(before), after: formatTarget(after) });
}

/**
 * Links every unlinked target of the plan: to the indicator it had before its goal was removed
 * (the goal came back), else to the one indicator of the same name or alias and unit. Ambiguous
 * ones are reported and left for a person.
 */
export async function linkPlanTargets(ctx: LinkContext): Promise<void> {
  const [targets, goals, areas, removed] = await Promise.all([
    ctx.plans.targetsOf(ctx.planId), ctx.plans.goalsOf(ctx.planId), ctx.plans.areasOf(ctx.planId), ctx.links.openRemovedFlags(ctx.planId),
  ]);
  const labelOf = (goalId: number) => {
    const goal = goals.find((g) => g.id === goalId);
    const area = areas.find((a) => a.id === goal?.area_id);
    return goal && area ? goalLabel(area, goal.no) : '';
  };
  const dictionary = [...ctx.dictionary.values()];
  const reported = new Set<string>();
  for (const t of targets) {
    if (t.indicator_id !== null) continue;
    const key = normaliseName(t.indicator);
    const back = removed.find((f) => normaliseName(f.target_indicator) === key && ctx.dictionary.has(f.indicator_id));
    if (back) {
      removed.splice(removed.indexOf(back), 1);
      await ctx.links.linkTarget(t.id, back.indicator_id);
      if (back.was_source === 1) await ctx.links.restoreSource(back.indicator_id, t.id);
      await ctx.links.resolveFlag(back.id, ctx.now);
      ctx.report.restored.push({ item: labelOf(t.goal_id), indicator: ref(ctx, back.indicator_id) });
      continue;
    }
    const match = matchIndicator({ indicator: t.indicator, unit: t.unit, baseYear: t.base_year }, dictionary);
    if (match.kind === 'matched') await ctx.links.linkTarget(t.id, match.indicator.id);
    if (match.kind === 'new' || reported.has(key)) continue;
    reported.add(key);
    const target = t.indicator.trim();
    if (match.kind === 'matched') ctx.report.linked.push({ target, indicator: ref(ctx, match.indicator.id) });
    else ctx.report.ambiguous.push({ target, candidates: match.candidates.map((c) => ref(ctx, c.id)) });
  }
}
