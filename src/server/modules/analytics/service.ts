import type { Kysely } from 'kysely';
import type { AchievementDto, DataScope, IndicatorAnalyticsDto, OverviewDto, ScorecardDto, WarningDto } from '../../../shared/api/analytics';
import type { AssessCase } from '../../../shared/api/assess';
import { scopeRoots } from '../../../shared/policy';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { assertCan, requireAuth, actorId } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { assessCases, type AssessedCase } from './assessCases';
import { analyticsRepository } from './repository';
import { AnalyticsContext } from './context';
import { factBaseLoader } from './facts';
import { buildAchievement } from './views/achievement';
import { buildIndicatorView } from './views/indicatorView';
import { buildOverview } from './views/overview';
import { buildScorecard } from './views/scorecard';
import { laggingWarnings, overdueWarning, volatileWarnings, type Warning } from './warnings';


export interface AnalyticsQueryInput {
  orgUnitId?: number;
  scope: DataScope;
  milestone?: number;
  year?: number;
}

const today = () => new Date().toISOString().slice(0, 10);

export function analyticsService(db: Kysely<Database>, orgs: OrgsService) {
  const repo = analyticsRepository(db);
  const loadFacts = factBaseLoader(db);

  async function context(scope: DataScope, only?: { published?: boolean; id?: number }) {
    return AnalyticsContext.load(db, await loadFacts(), scope, only);
  }

  /** The unit asked for, or the reader's own; refused outside the reader's scope. */
  async function readableUnit(auth: AuthContext | null, requested: number | undefined): Promise<number> {
    const user = requireAuth(auth);
    const tree = await orgs.tree();
    const own = scopeRoots(user, 'analytics.read')?.[0];
    const unitId = requested ?? own ?? (await repo.rootUnitId());
    if (unitId === null || !tree.has(unitId)) throw appError('NOT_FOUND', '单位不存在');
    assertCan(user, 'analytics.read', { orgUnitId: unitId, tree });
    return unitId;
  }

  /** Warnings about the unit and its direct sub-units, with their acknowledgements. */
  async function warningsOf(ctx: AnalyticsContext, unitId: number, milestone: number | null): Promise<WarningDto[]> {
    const units = [ctx.unit(unitId), ...ctx.childrenOf(unitId)];
    const found: Warning[] = [];
    for (const u of units) {
      for (const indicator of ctx.indicators) {
        found.push(...laggingWarnings(ctx, indicator, u.id, milestone), ...volatileWarnings(ctx, indicator, u.id));
      }
    }
    for (const seat of await repo.overdueSeats(units.map((u) => u.id), today())) found.push(overdueWarning(seat));
    const acks = await repo.acknowledgements(found.map((w) => w.key));
    return found.map((w) => ({ ...w, acknowledged: acks.get(w.key) ?? null }));
  }

  /** The warning the key names if the data raises it now, in either data scope; null for a made-up or recovered one. */
  async function currentWarning(key: string, unitId: number): Promise<Warning | null> {
    const [kind, indicatorId, , year] = key.split(':');
    if (kind === 'overdue') return (await repo.overdueSeats([unitId], today())).map(overdueWarning).find((w) => w.key === key) ?? null;
    for (const scope of ['all', 'approved'] as const) {
      const ctx = await context(scope, { id: Number(indicatorId) || 0 });
      const indicator = ctx.indicators[0];
      if (!indicator) return null;
      const found = kind === 'lagging' ? laggingWarnings(ctx, indicator, unitId, Number(year)) : volatileWarnings(ctx, indicator, unitId);
      const warning = found.find((w) => w.key === key);
      if (warning) return warning;
    }
    return null;
  }

  /** Access and currency of each key before anything is written: the unit of each. */
  async function acknowledgeable(user: AuthContext, keys: readonly string[]): Promise<Map<string, number>> {
    const tree = await orgs.tree();
    const units = new Map<string, number>();
    for (const key of keys) {
      const unitId = await repo.unitOfWarning(key);
      if (unitId === null) throw appError('NOT_FOUND', `预警不存在：${key}`);
      assertCan(user, 'warnings.acknowledge', { orgUnitId: unitId, tree });
      if (!(await currentWarning(key, unitId))) throw appError('NOT_FOUND', `预警不存在或已不再成立：${key}`);
      units.set(key, unitId);
    }
    return units;
  }

  function countWarnings(unit: { id: number; name: string }, mine: readonly WarningDto[]) {
    return {
      orgUnit: unit,
      lagging: mine.filter((w) => w.kind === 'lagging').length,
      volatile: mine.filter((w) => w.kind === 'volatile').length,
      overdue: mine.filter((w) => w.kind === 'overdue').length,
      unacknowledged: mine.filter((w) => !w.acknowledged).length,
    };
  }

  return {
    /** The progress maths on given cases, for anyone signed in: it reads no data. */
    assess(auth: AuthContext | null, cases: AssessCase[]): AssessedCase[] {
      requireAuth(auth);
      return assessCases(cases);
    },

    async overview(auth: AuthContext | null, q: AnalyticsQueryInput): Promise<OverviewDto> {
      const unitId = await readableUnit(auth, q.orgUnitId);
      const ctx = await context(q.scope);
      const milestone = ctx.milestoneFor(unitId, q.milestone);
      const warnings = await warningsOf(ctx, unitId, milestone);
      const unit = ctx.unit(unitId);
      const counts = countWarnings({ id: unit.id, name: unit.name }, warnings);
      return buildOverview(ctx, unitId, milestone, { warnings: counts, completeness: await repo.completeness(unitId, await orgs.tree(), today()) });
    },

    async indicator(auth: AuthContext | null, id: number, q: AnalyticsQueryInput): Promise<IndicatorAnalyticsDto> {
      const unitId = await readableUnit(auth, q.orgUnitId);
      const ctx = await context(q.scope, { id });
      const indicator = ctx.indicators[0];
      if (!indicator) throw appError('NOT_FOUND', `指标（编号 ${id}）不存在`);
      return buildIndicatorView(ctx, indicator, unitId, q.milestone);
    },

    async scorecard(auth: AuthContext | null, q: AnalyticsQueryInput): Promise<ScorecardDto> {
      const unitId = await readableUnit(auth, q.orgUnitId);
      const ctx = await context(q.scope);
      return buildScorecard(ctx, unitId, ctx.milestoneFor(unitId, q.milestone), q.year);
    },

    /** 达标率 per plan, area and sub-unit with the targets behind each count: the overview's assessment. */
    async achievement(auth: AuthContext | null, q: AnalyticsQueryInput): Promise<AchievementDto> {
      const unitId = await readableUnit(auth, q.orgUnitId);
      const ctx = await context(q.scope);
      return buildAchievement(ctx, unitId, ctx.milestoneFor(unitId, q.milestone));
    },

    async warnings(auth: AuthContext | null, q: AnalyticsQueryInput & { kind?: WarningDto['kind']; acknowledged?: 'yes' | 'no' }) {
      const unitId = await readableUnit(auth, q.orgUnitId);
      const ctx = await context(q.scope);
      const milestone = ctx.milestoneFor(unitId, q.milestone);
      const all = await warningsOf(ctx, unitId, milestone);
      const items = all.filter(
        (w) => (!q.kind || w.kind === q.kind) && (q.acknowledged === undefined || (q.acknowledged === 'yes') === (w.acknowledged !== null)),
      );
      const units = [ctx.unit(unitId), ...ctx.childrenOf(unitId)].map((u) => ({ id: u.id, name: u.name }));
      return {
        orgUnit: units[0]!,
        milestone,
        milestones: ctx.milestones(),
        items,
        counts: units.map((u) => countWarnings(u, all.filter((w) => w.orgUnit.id === u.id))),
      };
    },

    /** The office or statistics group notes how warnings are handled (all or none); acknowledging again replaces the note. */
    async acknowledge(auth: AuthContext | null, keys: readonly string[], comment: string): Promise<void> {
      const user = requireAuth(auth);
      const units = await acknowledgeable(user, keys);
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        const tx = analyticsRepository(trx);
        for (const [key, unitId] of units) await tx.acknowledge({ key, unitId, comment, by: actorId(user), at });
      });
    },

    currentWarning,
    unitOfWarning: (key: string) => repo.unitOfWarning(key),
    context,
  };
}
export type AnalyticsService = ReturnType<typeof analyticsService>;
