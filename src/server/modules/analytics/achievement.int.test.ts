import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { buildTestApp, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import type { AchievementDto, OverviewDto } from '../../../shared/api/analytics';

describe(`达标率 (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
  });
  afterEach(async () => t.close());

  /** 巩固率 ≥ 95 met by both districts; 入园率 ≥ 80 met by 中山区 only; 参保率 reported by nobody. */
  async function seed() {
    const retention = await f.rateIndicator({ name: '九年义务教育巩固率', code: 'A_RETAIN' });
    const enrolment = await f.rateIndicator({ name: '学前教育毛入园率', code: 'A_ENROL' });
    const insured = await f.rateIndicator({ name: '生育保险参保率', code: 'A_INSURED' });
    for (const ind of [retention, enrolment, insured]) await f.setTargets(ind.id, [[2030, '>=', ind === retention ? 95 : 80]]);
    for (const year of [2022, 2024]) await f.openTask(year, [retention.id, enrolment.id, insured.id]);
    const at = (de: number, unit: { id: number }, year: number, value: number) => ({ de, unit, year, value });
    await f.write([
      at(retention.valueId, f.xigang, 2022, 93), at(retention.valueId, f.xigang, 2024, 96),
      at(enrolment.valueId, f.xigang, 2022, 50), at(enrolment.valueId, f.xigang, 2024, 58),
      at(retention.valueId, f.zhongshan, 2022, 90), at(retention.valueId, f.zhongshan, 2024, 96),
      at(enrolment.valueId, f.zhongshan, 2022, 60), at(enrolment.valueId, f.zhongshan, 2024, 85),
    ]);
  }

  const get = async <T>(url: string) => {
    const res = await f.get<T>(f.cityOffice, url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('agrees with 监测概览 for the unit and for every sub-unit, and ranks the sub-units', async () => {
    await seed();
    const view = await get<AchievementDto>(`/api/analytics/achievement?orgUnitId=${f.city.id}&scope=all&milestone=2030`);
    const overview = await get<OverviewDto>(`/api/analytics/overview?orgUnitId=${f.city.id}&scope=all&milestone=2030`);
    const { achieved, assessable, rate } = view.overall;
    expect({ achieved, assessable, rate }).toEqual(overview.achievement);

    expect(view.units.map((u) => [u.orgUnit.name, u.rank, u.tally.achieved, u.tally.notAchieved, u.tally.noData, u.tally.rate])).toEqual([
      ['中山区', 1, 2, 0, 1, 1],
      ['西岗区', 2, 1, 1, 1, 0.5],
    ]);
    for (const unit of view.units) {
      const own = await get<OverviewDto>(`/api/analytics/overview?orgUnitId=${unit.orgUnit.id}&scope=all&milestone=2030`);
      expect({ achieved: unit.tally.achieved, assessable: unit.tally.assessable, rate: unit.tally.rate }).toEqual(own.achievement);
    }
  });

  it('lists the targets behind each count, and the plans and areas add up to the whole', async () => {
    await seed();
    const xigang = await get<AchievementDto>(`/api/analytics/achievement?orgUnitId=${f.xigang.id}&scope=all&milestone=2030`);
    const names = (list: AchievementDto['overall']['lists']['met']) => list.map((i) => i.name);
    expect(names(xigang.overall.lists.met)).toEqual(['九年义务教育巩固率']);
    expect(names(xigang.overall.lists.notMet)).toEqual(['学前教育毛入园率']);
    expect(names(xigang.overall.lists.noData)).toEqual(['生育保险参保率']);
    expect(xigang.overall.lists.notMet[0]).toMatchObject({ code: 'A_ENROL', target: '≥ 80.00%', status: 'on_track' });
    const sum = (key: 'achieved' | 'notAchieved' | 'noData') => xigang.plans.flatMap((p) => p.areas).reduce((s, a) => s + a.tally[key], 0);
    expect([sum('achieved'), sum('notAchieved'), sum('noData')]).toEqual([1, 1, 1]);
    // 西岗区's street reports nothing: every target there has no data and it is not ranked.
    expect(xigang.units.map((u) => [u.rank, u.tally.noData, u.tally.rate])).toEqual([[null, 3, null]]);
  });

  it('exports the summary, the ranking and the lists as a workbook', async () => {
    await seed();
    const { res } = await f.get(f.cityOffice, `/api/analytics/achievement.xlsx?orgUnitId=${f.city.id}&scope=all&milestone=2030`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['达标率', '各单位', '目标清单']);
    const units = book.getWorksheet('各单位')!;
    expect((units.getRow(3).values as unknown[]).slice(1)).toEqual([1, '中山区', 3, 2, 0, 1, 1]);
    expect((units.getRow(4).values as unknown[]).slice(1)).toEqual([2, '西岗区', 3, 1, 1, 1, 0.5]);
    const lists = book.getWorksheet('目标清单')!;
    const rows = lists.getRows(2, lists.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1, 4));
    expect(rows).toContainEqual(['西岗区', '未达标', 'A_ENROL']);
    expect(rows).toContainEqual(['中山区', '无数据', 'A_INSURED']);
    // Whose target each is: the districts have no plan of their own here, so the city's stands in.
    const bases = lists.getRows(2, lists.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(6).value]);
    expect(bases).toContainEqual(['大连市', '本级规划目标']);
    expect(bases).toContainEqual(['西岗区', '沿用大连市规划目标']);
  });

  it('refuses a district statistics group the city’s figures', async () => {
    const res = await f.get(f.xigangStatistics, `/api/analytics/achievement?orgUnitId=${f.city.id}`);
    expect(res.status).toBe(403);
  });
});
