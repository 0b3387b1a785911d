/** Which indicators a plan's targets name, and drafts or links for those not yet measured. Pure. */
import type { CandidateDto, GenerateBodyDto, IndicatorInputDto } from '../../../shared/api/indicators';
import type { PlanDetailDto } from '../../../shared/api/plans';
import { draftIndicator, guessDepartment, indicatorCode, indicatorKey } from '../../../shared/indicators/fromPlan';
import { matchIndicator, type MatchableIndicator } from '../../../shared/indicators/match';

const refOf = (i: MatchableIndicator) => ({ id: i.id, code: i.code, name: i.name });

/**
 * One candidate per indicator name, at the goal that names it first: linked when one of its
 * targets measures a dictionary indicator, else matched against the dictionary.
 */
export function planCandidates(plan: PlanDetailDto, dictionary: readonly MatchableIndicator[]): CandidateDto[] {
  const byKey = new Map<string, CandidateDto>();
  const byId = new Map(dictionary.map((i) => [i.id, i]));
  for (const area of plan.areas) {
    for (const goal of area.goals) {
      for (const t of goal.targets) {
        const key = indicatorKey(t.indicator);
        const target = { comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, baseYear: t.baseYear, quote: t.quote };
        const linkedTo = t.indicatorId === null ? undefined : byId.get(t.indicatorId);
        const known = byKey.get(key);
        if (known) {
          known.targetIds.push(t.id);
          known.targets.push(target);
          if (!known.linked && linkedTo) known.linked = refOf(linkedTo);
          continue;
        }
        byKey.set(key, {
          indicator: t.indicator.trim(),
          targetIds: [t.id],
          areaNo: area.no,
          areaTitle: area.title,
          goalNo: goal.no,
          goalText: goal.text,
          targets: [target],
          linked: linkedTo ? refOf(linkedTo) : null,
          match: 'new',
          matches: [],
        });
      }
    }
  }
  const candidates = [...byKey.values()];
  for (const c of candidates) {
    if (c.linked) continue;
    // The unit that names the indicator: an absolute target's, where the candidate has one.
    const unitTarget = c.targets.find((t) => t.unit !== null && t.baseYear === null) ?? c.targets[0]!;
    const match = matchIndicator({ indicator: c.indicator, unit: unitTarget.unit, baseYear: unitTarget.baseYear }, dictionary);
    c.match = match.kind;
    c.matches = match.kind === 'matched' ? [refOf(match.indicator)] : match.kind === 'ambiguous' ? match.candidates.map(refOf) : [];
  }
  return candidates;
}

export interface Draft {
  input: IndicatorInputDto;
  /** The targets the new indicator measures; the first is the one it is generated from. */
  targetIds: number[];
}

export interface Link {
  indicator: { id: number; code: string; name: string };
  targetIds: number[];
}

export interface DraftContext {
  /** Indicator codes in use; drafted codes are added as they are taken. */
  taken: Set<string>;
  /** The top committee's departments: id by short name. */
  departments: ReadonlyMap<string, number>;
  /** Indicators a person may pick for any candidate (the dictionary). */
  dictionary: ReadonlyMap<number, MatchableIndicator>;
}

export interface GeneratePlan {
  drafts: Draft[];
  links: Link[];
  skipped: { indicator: string; reason: string }[];
}

/**
 * What generating does for the chosen candidates (all when `chosen` is null): a linked one is
 * skipped; a person's choice links or drafts; otherwise a match links, no match drafts, and an
 * ambiguous one waits for a choice.
 */
export function draftsFromPlan(
  plan: PlanDetailDto,
  candidates: readonly CandidateDto[],
  chosen: ReadonlySet<number> | null,
  choices: NonNullable<GenerateBodyDto['choices']>,
  ctx: DraftContext,
): GeneratePlan {
  const out: GeneratePlan = { drafts: [], links: [], skipped: [] };
  for (const c of candidates) {
    if (chosen && !c.targetIds.some((id) => chosen.has(id))) continue;
    if (c.linked) {
      out.skipped.push({ indicator: c.indicator, reason: `已关联指标 ${c.linked.code}（${c.linked.name}）` });
      continue;
    }
    const choice = choices.find((x) => c.targetIds.includes(x.targetId));
    const pick = choice ? (choice.indicatorId === null ? null : ctx.dictionary.get(choice.indicatorId)) : c.match === 'matched' ? ctx.dictionary.get(c.matches[0]!.id) : undefined;
    if (pick) {
      out.links.push({ indicator: refOf(pick), targetIds: c.targetIds });
      continue;
    }
    if (choice && choice.indicatorId !== null) {
      out.skipped.push({ indicator: c.indicator, reason: `所选指标（编号 ${choice.indicatorId}）不存在` });
      continue;
    }
    if (!choice && c.match === 'ambiguous') {
      out.skipped.push({ indicator: c.indicator, reason: `有 ${c.matches.length} 个同义指标，请选择关联哪一个或新建` });
      continue;
    }
    const index = candidates.filter((o) => o.areaNo === c.areaNo && o.goalNo === c.goalNo).indexOf(c) + 1;
    const code = indicatorCode(plan.kind, c.areaNo, c.goalNo, index, ctx.taken);
    ctx.taken.add(code);
    const targets = c.targets.map((t, i) => ({ ...t, id: c.targetIds[i]!, indicator: c.indicator }));
    const input = draftIndicator(targets, {
      code,
      periodEnd: plan.periodEnd,
      responsibleDepartmentId: guessDepartment(c.areaTitle, c.indicator, ctx.departments),
    });
    out.drafts.push({ input, targetIds: c.targetIds });
  }
  return out;
}
