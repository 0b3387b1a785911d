/** Which indicators a plan's targets name, and drafts for those not yet in the dictionary. Pure. */
import type { CandidateDto, IndicatorInputDto } from '../../../shared/api/indicators';
import type { PlanDetailDto } from '../../../shared/api/plans';
import { draftIndicator, guessDepartment, indicatorCode, indicatorKey } from '../../../shared/indicators/fromPlan';

export interface LinkedIndicator {
  id: number;
  code: string;
  name: string;
  /** The indicator name of the plan target it was made from. */
  targetIndicator: string;
}

/** One candidate per indicator name, at the goal that names it first; linked when the dictionary has it. */
export function planCandidates(plan: PlanDetailDto, linked: readonly LinkedIndicator[]): CandidateDto[] {
  const byKey = new Map<string, CandidateDto>();
  for (const area of plan.areas) {
    for (const goal of area.goals) {
      for (const t of goal.targets) {
        const key = indicatorKey(t.indicator);
        const target = { comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, baseYear: t.baseYear, quote: t.quote };
        const known = byKey.get(key);
        if (known) {
          known.targetIds.push(t.id);
          known.targets.push(target);
          continue;
        }
        const link = linked.find((l) => indicatorKey(l.targetIndicator) === key);
        byKey.set(key, {
          indicator: t.indicator.trim(),
          targetIds: [t.id],
          areaNo: area.no,
          areaTitle: area.title,
          goalNo: goal.no,
          goalText: goal.text,
          targets: [target],
          linked: link ? { id: link.id, code: link.code, name: link.name } : null,
        });
      }
    }
  }
  return [...byKey.values()];
}

export interface Draft {
  input: IndicatorInputDto;
  planTargetId: number;
}

export interface DraftContext {
  /** Indicator codes in use; drafted codes are added as they are taken. */
  taken: Set<string>;
  /** The top committee's departments: id by short name. */
  departments: ReadonlyMap<string, number>;
}

/** Drafts for the chosen candidates (all when `chosen` is null); linked ones are skipped with the reason. */
export function draftsFromPlan(
  plan: PlanDetailDto,
  candidates: readonly CandidateDto[],
  chosen: ReadonlySet<number> | null,
  ctx: DraftContext,
): { drafts: Draft[]; skipped: { indicator: string; reason: string }[] } {
  const drafts: Draft[] = [];
  const skipped: { indicator: string; reason: string }[] = [];
  for (const c of candidates) {
    if (chosen && !c.targetIds.some((id) => chosen.has(id))) continue;
    if (c.linked) {
      skipped.push({ indicator: c.indicator, reason: `已有指标 ${c.linked.code}（${c.linked.name}）` });
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
    drafts.push({ input, planTargetId: c.targetIds[0]! });
  }
  return { drafts, skipped };
}
