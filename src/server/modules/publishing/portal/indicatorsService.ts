import type { Kysely } from 'kysely';
import type { IndicatorAnalyticsDto, PublicAreasDto } from '../../../../shared/api/analytics';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import type { AnalyticsContext, UnitInfo } from '../../analytics/context';
import type { AnalyticsService } from '../../analytics/service';
import { buildIndicatorView } from '../../analytics/views/indicatorView';
import { byPlanArea } from '../../analytics/views/overview';
import type { OptionCode } from '../../../../shared/monitoring/validation';

export interface Observation {
  indicatorCode: string;
  indicatorName: string;
  unitCode: string;
  unitName: string;
  measureUnit: string | null;
  option: OptionCode;
  year: number;
  value: number;
  decimals: number;
}

/**
 * What anyone may see without signing in: indicators marked published, with data approved by the
 * statistics groups only, for the top unit and its districts. Enforced here, not in the web app.
 */
export function publishingService(db: Kysely<Database>, analytics: AnalyticsService) {
  async function publicContext(only?: { id?: number }) {
    return analytics.context('approved', { published: true, ...only });
  }

  /** The top unit and its direct sub-units. */
  function publicUnits(ctx: AnalyticsContext): UnitInfo[] {
    const root = [...ctx.units.values()].find((u) => u.parentId === null);
    return root ? [root, ...ctx.childrenOf(root.id)] : [];
  }

  function publicUnit(ctx: AnalyticsContext, requested: number | undefined): UnitInfo {
    const units = publicUnits(ctx);
    const unit = requested === undefined ? units[0] : units.find((u) => u.id === requested);
    if (!unit) throw appError('NOT_FOUND', '该单位的数据未公开');
    return unit;
  }

  return {
    async units() {
      return publicUnits(await publicContext()).map((u) => ({ id: u.id, name: u.name, level: u.level }));
    },

    async areas(orgUnitId: number | undefined): Promise<PublicAreasDto> {
      const ctx = await publicContext();
      const unit = publicUnit(ctx, orgUnitId);
      const milestone = ctx.milestoneFor(unit.id, undefined);
      const areas = new Map<string, PublicAreasDto['areas'][number]>();
      for (const indicator of ctx.indicators) {
        // The portal presents a plan's areas: an indicator linked to no plan has no place there.
        const area = indicator.area;
        if (!area) continue;
        const key = `${area.planTitle}#${area.no}`;
        let entry = areas.get(key);
        if (!entry) areas.set(key, (entry = { ...area, indicators: [] }));
        const series = ctx.series(indicator, unit.id);
        const latest = series.at(-1);
        entry.indicators.push({
          id: indicator.id,
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          decimals: indicator.decimals,
          latest: latest ? { year: latest[0], value: latest[1] } : null,
          series: series.map(([year, value]) => ({ year, value })),
          status: ctx.statusAt(indicator, unit.id, milestone),
          milestone: ctx.targetsAt(indicator, unit.id, milestone).length ? milestone : null,
          targetBasis: ctx.basisLabel(indicator, unit.id),
        });
      }
      return {
        orgUnit: { id: unit.id, name: unit.name },
        areas: [...areas.values()].sort(byPlanArea),
      };
    },

    async indicator(id: number, orgUnitId: number | undefined): Promise<IndicatorAnalyticsDto> {
      const ctx = await publicContext({ id });
      const indicator = ctx.indicators[0];
      if (!indicator) throw appError('NOT_FOUND', '该指标未公开');
      return buildIndicatorView(ctx, indicator, publicUnit(ctx, orgUnitId).id);
    },

    /** Every published, approved figure of the public units, for the statistical exchange formats. */
    async observations(): Promise<Observation[]> {
      const ctx = await publicContext();
      const codes = new Map((await db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.id, u.code]));
      const out: Observation[] = [];
      for (const indicator of ctx.indicators) {
        for (const unit of publicUnits(ctx)) {
          for (const option of ctx.grids(indicator).grids.keys()) {
            for (const [year, value] of ctx.series(indicator, unit.id, option)) {
              out.push({
                indicatorCode: indicator.code, indicatorName: indicator.name, unitCode: codes.get(unit.id)!, unitName: unit.name,
                measureUnit: indicator.unit, option, year, value, decimals: indicator.decimals,
              });
            }
          }
        }
      }
      return out;
    },
  };
}
export type PublishingService = ReturnType<typeof publishingService>;
