import type { AchievementDto, AchievementTallyDto, DataScope, IndicatorAnalyticsDto, WarningDto } from '../../../../shared/api/analytics';
import { targetText } from '../../../../shared/format';
import type { OptionCode } from '../../../../shared/monitoring/validation';
import { caliberChangeYear, findingText, type FindingFigures, type FindingText, type YearValue } from '../../../../shared/reports/findings';
import { appError } from '../../../errors';
import type { AnalyticsService } from '../../analytics/service';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import type { reportsRepository } from '../repository';

/*
 * The figures of an annual monitoring report, gathered from the analytics service's public answers
 * (overview, 达标率, one indicator view per finding, warnings): the report assesses nothing itself,
 * so its 达标率 and statuses are the ones 监测概览 and 达标率 show.
 */

export const PLAN_CHOICES = ['women', 'children', 'both'] as const;
export type PlanChoice = (typeof PLAN_CHOICES)[number];
export const PLAN_CHOICE_LABELS: Record<PlanChoice, string> = { women: '妇女', children: '儿童', both: '妇女儿童' };

export interface ReportFinding {
  indicatorId: number;
  code: string;
  figures: FindingFigures;
  text: FindingText;
  source: string | null;
  caliber: string | null;
  /** The indicator view cut at the report's year: what the finding's chart draws. */
  view: IndicatorAnalyticsDto;
  /** The office's note under the finding, added in the draft. */
  note?: string | null;
}

export interface ReportArea {
  no: number;
  title: string;
  tally: AchievementTallyDto | null;
  findings: ReportFinding[];
}

export interface ReportPlan {
  /** The unit's own plan of this kind if it has one, else the plan above whose targets it borrows. */
  id: number;
  kind: 'women' | 'children';
  title: string;
  /** The plan whose indicators and areas are monitored, when not this one (a district's plan monitors the city's); optional in older snapshots. */
  indicatorsFrom?: string | null;
  periodStart: number;
  periodEnd: number;
  tally: AchievementTallyDto | null;
  areas: ReportArea[];
}

export interface AnnualReport {
  unit: { id: number; code: string; name: string; level: string };
  committee: string;
  departments: number;
  year: number;
  plan: PlanChoice;
  scope: DataScope;
  milestone: number | null;
  plans: ReportPlan[];
  /** 达标率 over the report's plans: the sum of their tallies. */
  overall: { achieved: number; notAchieved: number; noData: number; assessable: number; rate: number | null };
  /** The unit's own warnings about the report's indicators, with how each is followed up. */
  warnings: WarningDto[];
  /** The sub-units ranked by 达标率. */
  units: AchievementDto['units'];
  /** The day it was made, YYYY-MM-DD. */
  issuedOn: string;
}

export interface AnnualReportRequest {
  unitId: number;
  year: number;
  plan: PlanChoice;
  scope?: DataScope;
}

const PART_OPTIONS: OptionCode[] = ['female', 'male', 'urban', 'rural', 'age0_14', 'age15_59', 'age60'];

/** The view with every point after the report's year left out. */
function cutAt(view: IndicatorAnalyticsDto, year: number): IndicatorAnalyticsDto {
  return { ...view, series: view.series.map((s) => ({ ...s, points: s.points.filter((p) => p.year <= year) })) };
}

function figuresOf(view: IndicatorAnalyticsDto, year: number): FindingFigures {
  const { indicator } = view;
  const total = view.series.find((s) => s.option === 'total')?.points ?? [];
  const at = (y: number | undefined): YearValue | null => {
    const p = y === undefined ? undefined : total.find((q) => q.year === y);
    return p ? { year: p.year, value: p.value } : null;
  };
  const latest = total.at(-1) ? at(total.at(-1)!.year) : null;
  const target = view.targets.find((t) => t.year === view.milestone) ?? view.targets.at(-1) ?? null;
  const baseYear = target?.assessment.baseline?.year ?? target?.baseYear ?? total[0]?.year;
  const parts: FindingFigures['parts'] = {};
  if (latest) {
    for (const s of view.series) {
      const p = PART_OPTIONS.includes(s.option) ? s.points.find((q) => q.year === latest.year) : undefined;
      if (p) parts[s.option] = p.value;
    }
  }
  return {
    name: indicator.name,
    unit: indicator.unit,
    decimals: indicator.decimals,
    direction: indicator.direction,
    year,
    latest,
    previous: latest ? at(latest.year - 1) : null,
    base: latest && baseYear !== undefined && baseYear < latest.year ? at(baseYear) : null,
    target: target && {
      year: target.year,
      text: targetText(target, indicator.decimals, indicator.unit),
      status: target.assessment.status,
      reason: target.assessment.reason.replace(/[。.]$/, ''),
    },
    caliberFrom: caliberChangeYear(indicator.caliber),
    parts,
  };
}

const sumTallies = (tallies: readonly (AchievementTallyDto | null)[]) => {
  const t = tallies.filter((x): x is AchievementTallyDto => x !== null);
  const achieved = t.reduce((s, x) => s + x.achieved, 0);
  const notAchieved = t.reduce((s, x) => s + x.notAchieved, 0);
  const assessable = achieved + notAchieved;
  return { achieved, notAchieved, noData: t.reduce((s, x) => s + x.noData, 0), assessable, rate: assessable ? achieved / assessable : null };
};

/**
 * Everything the report says, for one unit and year. The unit's own monitored plans are reported;
 * a unit without monitored plans of its own reports on those of the nearest unit above it.
 */
/** What collecting an annual report reads through. */
export interface CollectDeps {
  analytics: AnalyticsService;
  orgs: OrgsService;
  repo: ReturnType<typeof reportsRepository>;
}

export async function collectAnnualReport(
  deps: CollectDeps,
  auth: AuthContext,
  request: AnnualReportRequest,
): Promise<AnnualReport> {
  const { analytics, orgs, repo } = deps;
  const scope = request.scope ?? 'approved';
  const query = { orgUnitId: request.unitId, scope };
  // The overview checks the reader may see the unit before anything else is read.
  const overview = await analytics.overview(auth, query);
  const unit = await repo.unitById(request.unitId);
  if (!unit) throw appError('NOT_FOUND', '单位不存在');

  // The plans monitored: those with indicators in the overview, of each kind the unit's own first, else
  // the nearest unit's above (西岗区 reports on its own children's plan and the city's women's plan).
  const chain = (await orgs.tree()).ancestorsOrSelf(unit.id);
  const monitored = new Set(overview.areas.filter((a) => a.indicators.length > 0).map((a) => a.planTitle));
  const chainPlans = await repo.plansOf(chain);
  const candidates = chainPlans.filter((p) => monitored.has(p.title) && (request.plan === 'both' || p.kind === request.plan));
  const ownerOf = (kind: string) => chain.find((id) => candidates.some((p) => p.kind === kind && p.org_unit_id === id));
  const plans = candidates.filter((p) => p.org_unit_id === ownerOf(p.kind)).sort((a, b) => Number(a.kind === 'children') - Number(b.kind === 'children'));
  if (!plans.length) throw appError('REPORT_NO_PLAN', `${unit.name}没有${PLAN_CHOICE_LABELS[request.plan]}发展规划，无法生成监测报告`);

  const achievement = await analytics.achievement(auth, query);
  const reportPlans: ReportPlan[] = [];
  let anyValueInYear = false;
  for (const plan of plans) {
    const planTally = achievement.plans.find((p) => p.planTitle === plan.title);
    const areas: ReportArea[] = [];
    for (const area of overview.areas.filter((a) => a.planTitle === plan.title && a.no !== null)) {
      const findings: ReportFinding[] = [];
      for (const { id } of area.indicators) {
        const view = cutAt(await analytics.indicator(auth, id, query), request.year);
        const figures = figuresOf(view, request.year);
        if (figures.latest?.year === request.year) anyValueInYear = true;
        findings.push({
          indicatorId: id, code: view.indicator.code, figures, text: findingText(figures),
          source: view.indicator.dataSource ?? view.indicator.responsibleDept, caliber: view.indicator.caliber, view,
        });
      }
      areas.push({ no: area.no!, title: area.title, tally: planTally?.areas.find((a) => a.no === area.no)?.tally ?? null, findings });
    }
    // Named by the unit's own plan of the kind where it has one: 西岗区 is judged by 西岗区妇女发展规划's
    // targets even where it monitors the indicators (and areas) the city's plan set up.
    const named = chainPlans.find((p) => p.org_unit_id === unit.id && p.kind === plan.kind) ?? plan;
    reportPlans.push({
      id: named.id, kind: plan.kind, title: named.title, periodStart: named.period_start, periodEnd: named.period_end, tally: planTally?.tally ?? null, areas,
      indicatorsFrom: named.id === plan.id ? null : plan.title,
    });
  }
  if (!anyValueInYear) throw appError('REPORT_NO_DATA', `${unit.name}${request.year}年没有${scope === 'approved' ? '已审核的' : ''}监测数据，无法生成该年度报告`);

  const included = new Set(reportPlans.flatMap((p) => p.areas.flatMap((a) => a.findings.map((f) => f.indicatorId))));
  const warnings = (await analytics.warnings(auth, query)).items.filter(
    (w) => w.orgUnit.id === unit.id && w.kind !== 'overdue' && w.indicator !== null && included.has(w.indicator.id),
  );
  const committee = await repo.committeeOf(unit.id);
  return {
    unit,
    committee: committee?.name ?? `${unit.name}妇女儿童工作委员会`,
    departments: committee?.departments ?? 0,
    year: request.year,
    plan: request.plan,
    scope,
    milestone: achievement.milestone,
    plans: reportPlans,
    overall: sumTallies(reportPlans.map((p) => p.tally)),
    warnings,
    units: achievement.units,
    issuedOn: new Date().toISOString().slice(0, 10),
  };
}
