import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { buildTestApp, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildRatioIndicator } from '../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../test/support/testDb';
import { PROGRESS_CASES } from '../../../shared/analytics/progressCases';
import type { IndicatorAnalyticsDto, OverviewDto, ScorecardDto, WarningDto } from '../../../shared/api/analytics';
import { XLSX_TYPE } from '../../http/download';

type Series = IndicatorAnalyticsDto['series'][number];
interface WarningList {
  items: WarningDto[];
  counts: { orgUnit: { id: number }; lagging: number; volatile: number; overdue: number; unacknowledged: number }[];
}

describe(`analytics (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
  });
  afterEach(async () => t.close());

  const view = async (id: number, unit: { id: number }, scope: 'approved' | 'all', s: Session = f.cityOffice) => {
    const res = await f.get<IndicatorAnalyticsDto>(s, `/api/analytics/indicators/${id}?orgUnitId=${unit.id}&scope=${scope}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const seriesOf = (v: IndicatorAnalyticsDto, option = 'total'): Series['points'] => v.series.find((s) => s.option === option)?.points ?? [];

  describe('aggregation up the tree', () => {
    it('is a ratio of sums over the districts, never the mean of their rates', async () => {
      const ind = await f.percentIndicator({ name: '产前筛查率' });
      await f.setTargets(ind.id, [[2030, '>=', 40]]);
      await f.openTask(2024, [ind.id]);
      // 西岗区 10/100 = 10%, 中山区 90/300 = 30%; the city reports nothing itself.
      await f.write([...f.ratio(ind, f.xigang, 2024, 10, 100), ...f.ratio(ind, f.zhongshan, 2024, 90, 300)]);

      const city = await view(ind.id, f.city, 'all');
      const [point] = seriesOf(city);
      // (10 + 90) / (100 + 300) × 100 = 25, whereas the mean of the rates (10 + 30) / 2 = 20.
      expect(point).toEqual({ year: 2024, value: 25, numerator: 100, denominator: 400, source: 'aggregated' });
      expect(point!.value).not.toBeCloseTo(20, 6);
      expect(city.orgUnit).toEqual({ id: f.city.id, name: '大连市', level: 'city' });
      expect(city.children.map((c) => [c.orgUnit.name, c.latest])).toEqual([
        ['西岗区', { year: 2024, value: 10 }],
        ['中山区', { year: 2024, value: 30 }],
      ]);

      const xigang = await view(ind.id, f.xigang, 'all');
      expect(seriesOf(xigang)).toEqual([{ year: 2024, value: 10, numerator: 10, denominator: 100, source: 'reported' }]);
    });

    it('makes the total of a ratio the sum of its sex parts where only the parts are reported', async () => {
      const ind = await f.percentIndicator({ name: '分性别筛查率', categories: 'sex' });
      await f.openTask(2024, [ind.id]);
      await f.write([...f.ratio(ind, f.xigang, 2024, 30, 100, 'female'), ...f.ratio(ind, f.xigang, 2024, 20, 100, 'male')]);

      const xigang = await view(ind.id, f.xigang, 'all');
      expect(xigang.series.map((s) => s.option)).toEqual(['total', 'female', 'male']);
      expect(seriesOf(xigang, 'female')).toEqual([{ year: 2024, value: 30, numerator: 30, denominator: 100, source: 'reported' }]);
      expect(seriesOf(xigang, 'male')).toEqual([{ year: 2024, value: 20, numerator: 20, denominator: 100, source: 'reported' }]);
      // total = (30 + 20) / (100 + 100) × 100 = 25
      expect(seriesOf(xigang)).toEqual([{ year: 2024, value: 25, numerator: 50, denominator: 200, source: 'reported' }]);
      // …and the city's total is the same sums, taken from 西岗区.
      expect(seriesOf(await view(ind.id, f.city, 'all'))).toEqual([{ year: 2024, value: 25, numerator: 50, denominator: 200, source: 'aggregated' }]);
    });

    it('does not add up the sex parts of a directly reported rate (rates do not add up)', async () => {
      const ind = await f.rateIndicator({ name: '分性别巩固率', categories: 'sex' });
      await f.openTask(2024, [ind.id]);
      await f.write([
        { de: ind.valueId, unit: f.xigang, year: 2024, value: 95, option: 'female' },
        { de: ind.valueId, unit: f.xigang, year: 2024, value: 97, option: 'male' },
      ]);
      const xigang = await view(ind.id, f.xigang, 'all');
      expect(seriesOf(xigang, 'female').map((p) => p.value)).toEqual([95]);
      expect(seriesOf(xigang, 'male').map((p) => p.value)).toEqual([97]);
      // 95% + 97% = 192% would be nonsense: without the reported total there is none.
      expect(seriesOf(xigang)).toEqual([]);
    });
  });

  describe('data scope and caching', () => {
    it('counts only approved submissions with scope=approved, and sees every write and approval at once', async () => {
      const ind = await f.percentIndicator({ name: '产前筛查率' });
      const task = await f.openTask(2024, [ind.id]);
      await f.write([...f.ratio(ind, f.xigang, 2024, 10, 100), ...f.ratio(ind, f.zhongshan, 2024, 90, 300)]);

      // Both reads fill the cache of the current data version.
      expect(seriesOf(await view(ind.id, f.city, 'all')).map((p) => p.value)).toEqual([25]);
      const before = await view(ind.id, f.city, 'approved');
      expect(before.scope).toBe('approved');
      expect(seriesOf(before)).toEqual([]);

      await f.approveHealth(task, 'xigang');

      // Only 西岗区 is approved: the city's approved figure is 西岗区's 10/100.
      expect(seriesOf(await view(ind.id, f.city, 'approved'))).toEqual([{ year: 2024, value: 10, numerator: 10, denominator: 100, source: 'aggregated' }]);
      const approvedCity = await view(ind.id, f.city, 'approved');
      expect(approvedCity.children.map((c) => [c.orgUnit.name, c.latest?.value ?? null])).toEqual([['西岗区', 10], ['中山区', null]]);
      expect(seriesOf(await view(ind.id, f.zhongshan, 'approved'))).toEqual([]);
      expect(seriesOf(await view(ind.id, f.city, 'all')).map((p) => p.value)).toEqual([25]);

      // 中山区 corrects its numerator to 120: (10 + 120) / 400 × 100 = 32.5, with no rebuild step.
      await f.write([{ de: ind.numeratorId, unit: f.zhongshan, year: 2024, value: 120 }]);
      expect(seriesOf(await view(ind.id, f.city, 'all'))).toEqual([{ year: 2024, value: 32.5, numerator: 130, denominator: 400, source: 'aggregated' }]);
      expect(seriesOf(await view(ind.id, f.city, 'approved')).map((p) => p.value)).toEqual([10]);
    });

    it('takes a unit added after the cache was filled into account', async () => {
      const ind = await f.percentIndicator({ name: '产前筛查率' });
      await f.openTask(2024, [ind.id]);
      await f.write(f.ratio(ind, f.xigang, 2024, 10, 100));
      expect(seriesOf(await view(ind.id, f.city, 'all')).map((p) => p.value)).toEqual([10]);

      const added = await f.post<{ id: number }>(f.admin, '/api/org-units', { parentId: f.city.id, code: '210211', name: '甘井子区' });
      expect(added.status).toBe(200);
      const city = await view(ind.id, f.city, 'all');
      expect(city.children.map((c) => c.orgUnit.name)).toContain('甘井子区');
      expect(seriesOf(await view(ind.id, { id: added.body.id }, 'all'))).toEqual([]);
    });
  });

  describe('progress assessment', () => {
    it('POST /api/analytics/assess gives every hand-computed case of the shared table', async () => {
      // JSON has no NaN or Infinity: they travel as null, which the API reads as “no data that year”.
      const table = PROGRESS_CASES.filter(([, , , , , options]) => !options);
      const res = await f.post<{ name: string; status: string; ratio: number | null; projected: number | null }[]>(
        f.xigangReporter,
        '/api/analytics/assess',
        table.map(([name, c]) => ({ name, ...c })),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toHaveLength(table.length);
      table.forEach(([name, , status, ratio, projected], i) => {
        const r = res.body[i]!;
        expect(r.name).toBe(name);
        expect(r.status, name).toBe(status);
        if (ratio === null) expect(r.ratio, name).toBeNull();
        else expect(r.ratio!, name).toBeCloseTo(ratio, 3);
        if (projected === null) expect(r.projected, name).toBeNull();
        else expect(r.projected!, name).toBeCloseTo(projected, 3);
      });
    });

    it('POST /api/analytics/assess refuses anonymous callers and a quantitative target without a value', async () => {
      const one = { comparator: '>=', value: 80, year: 2030, series: [[2020, 50], [2025, 66]] };
      expect((await f.post(null, '/api/analytics/assess', [one])).status).toBe(401);
      const bad = await f.post<{ message: string }>(f.cityOffice, '/api/analytics/assess', [{ ...one, value: null }]);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('定量目标必须填写目标值');
    });

    it('assesses the targets of stored series: higher-better, lower-better, achieved', async () => {
      const enrolment = await f.rateIndicator({ name: '学前教育毛入园率' });
      await f.setTargets(enrolment.id, [[2030, '>=', 80]]);
      const mmr = await buildRatioIndicator(t.db, { name: '孕产妇死亡率' }); // 卫健委, /10万, × 100000, lower is better
      await f.setTargets(mmr.id, [[2025, '<=', 8], [2030, '<=', 7]]);
      const retention = await f.rateIndicator({ name: '九年义务教育巩固率' });
      await f.setTargets(retention.id, [[2025, '>=', 95]]);
      for (const year of [2020, 2022, 2024]) await f.openTask(year, [enrolment.id, mmr.id, retention.id]);
      const at = (de: number, year: number, value: number) => ({ de, unit: f.xigang, year, value });
      await f.write([
        at(enrolment.valueId, 2020, 50), at(enrolment.valueId, 2022, 53), at(enrolment.valueId, 2024, 58),
        ...f.ratio(mmr, f.xigang, 2020, 12, 100000), ...f.ratio(mmr, f.xigang, 2024, 9, 100000),
        at(retention.valueId, 2022, 93), at(retention.valueId, 2024, 96),
      ]);

      // Higher-better, ≥ 80 by 2030 from 50 (2020) to 58 (2024); 2022 does not enter the rates:
      // g_obs = (58/50)^(1/4) − 1 = 3.780%; g_req = (80/50)^(1/10) − 1 = 4.812%;
      // R = 3.780 / 4.812 = 0.7855 → moderate; projected = 58 · 1.037802^6 = 72.4628.
      const a = (await view(enrolment.id, f.xigang, 'all')).targets;
      expect(a).toHaveLength(1);
      expect(a[0]!).toMatchObject({ year: 2030, comparator: '>=', value: 80, assessment: { status: 'moderate', baseline: { year: 2020, value: 50 }, latest: { year: 2024, value: 58 } } });
      expect(a[0]!.assessment.ratio!).toBeCloseTo(0.7855, 3);
      expect(a[0]!.assessment.projected!).toBeCloseTo(72.4628, 3);
      expect(a[0]!.assessment.cagrObserved!).toBeCloseTo(0.0378, 4);
      expect(a[0]!.assessment.cagrRequired!).toBeCloseTo(0.04812, 4);

      // Lower-better, stored as 12/100000 × 100000 = 12 (2020) and 9 (2024): g_obs = (9/12)^(1/4) − 1 = −6.940%.
      // 2025 ≤ 8: g_req = (8/12)^(1/5) − 1 = −7.789%; R = 6.940 / 7.789 = 0.8909 → moderate; projected = 9 · 0.930605 = 8.3754.
      // 2030 ≤ 7: g_req = (7/12)^(1/10) − 1 = −5.247%; R = 6.940 / 5.247 = 1.3225 → on track; projected = 9 · 0.930605^6 = 5.8457.
      const b = await view(mmr.id, f.xigang, 'all');
      expect(b.targets.map((x) => [x.year, x.assessment.status])).toEqual([[2025, 'moderate'], [2030, 'on_track']]);
      expect(b.targets[0]!.assessment.ratio!).toBeCloseTo(0.8909, 3);
      expect(b.targets[0]!.assessment.projected!).toBeCloseTo(8.3754, 3);
      expect(b.targets[1]!.assessment.ratio!).toBeCloseTo(1.3225, 3);
      expect(b.targets[1]!.assessment.projected!).toBeCloseTo(5.8457, 3);
      // The city's view compares 西岗区 at the default milestone: 2025, the first after the latest data (2024).
      const cityView = await view(mmr.id, f.city, 'all');
      expect(cityView.milestone).toBe(2025);
      expect(cityView.children.map((c) => [c.orgUnit.name, c.status])).toEqual([['西岗区', 'moderate'], ['中山区', 'insufficient_data']]);

      // ≥ 95 by 2025: 96 in 2024 already meets it → achieved; projected = 96 · (96/93)^(1/2) = 97.5361.
      const c = (await view(retention.id, f.xigang, 'all')).targets;
      expect(c[0]!.assessment.status).toBe('achieved');
      expect(c[0]!.assessment.ratio).toBeNull();
      expect(c[0]!.assessment.projected!).toBeCloseTo(97.5361, 3);
      expect(c[0]!.assessment.reason).toContain('已达到目标≥95');
    });
  });

  describe('early warnings', () => {
    const list = async (s: Session, query: string) => {
      const res = await f.get<WarningList>(s, `/api/analytics/warnings?orgUnitId=${f.city.id}&scope=all${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };

    it('flags volatile, lagging and overdue data and keeps acknowledgements', async () => {
      const jumpy = await f.rateIndicator({ name: '波动指标' });
      const threshold = await f.rateIndicator({ name: '阈值指标', yoyThreshold: 20 });
      const lagging = await f.rateIndicator({ name: '落后指标' });
      await f.setTargets(lagging.id, [[2030, '>=', 80]]);
      const late = await f.rateIndicator({ name: '逾期指标' });
      for (let year = 2019; year <= 2023; year++) await f.openTask(year, [jumpy.id, threshold.id, lagging.id]);
      const laterTask = await f.openTask(2024, [jumpy.id, threshold.id, lagging.id]);
      const overdueTask = await f.openTask(2023, [late.id], { dueOn: '2024-01-31', units: [f.xigang] });
      const series = (de: number, unit: { id: number }, values: [number, number][]) => values.map(([year, value]) => ({ de, unit, year, value }));
      await f.write([
        // 西岗区 jumps in its latest year: changes 1, 1, 1, 1, 26; median 1, MAD 0, so σ̂ = 1.2533 × mean |dev| (25/5 = 5) = 6.27;
        // z = 25 / 6.27 = 3.99 > 3.5. 中山区 rises by 1 every year: z = 0.
        ...series(jumpy.valueId, f.xigang, [[2019, 50], [2020, 51], [2021, 52], [2022, 53], [2023, 54], [2024, 80]]),
        ...series(jumpy.valueId, f.zhongshan, [[2019, 50], [2020, 51], [2021, 52], [2022, 53], [2023, 54], [2024, 55]]),
        // 50 → 70 is +40%, beyond the indicator's ±20%.
        ...series(threshold.valueId, f.xigang, [[2023, 50], [2024, 70]]),
        // 50 (2020) → 45 (2024) against ≥ 80 by 2030: g_obs = −2.600%, g_req = 4.812%, R = −0.54 → deterioration.
        ...series(lagging.valueId, f.xigang, [[2020, 50], [2024, 45]]),
      ]);

      const all = await list(f.cityOffice, '');
      const volatile = all.items.filter((w) => w.kind === 'volatile');
      expect(volatile.map((w) => [w.indicator?.name, w.orgUnit.name, w.year])).toEqual(
        expect.arrayContaining([['波动指标', '西岗区', 2024], ['阈值指标', '西岗区', 2024]]),
      );
      expect(volatile).toHaveLength(2);
      const jump = volatile.find((w) => w.indicator?.id === jumpy.id)!;
      expect(jump.reason).toMatch(/修正Z值4\.0/);
      expect(jump.key).toBe(`volatile:${jumpy.id}:${f.xigang.id}:2024`);
      expect(jump.link).toBe(`/analytics/indicators/${jumpy.id}?orgUnitId=${f.xigang.id}`);
      expect(volatile.find((w) => w.indicator?.id === threshold.id)!.reason).toContain('超过±20%的阈值');

      const behind = all.items.filter((w) => w.kind === 'lagging');
      expect(behind.map((w) => [w.indicator?.name, w.orgUnit.name, w.year])).toEqual([['落后指标', '西岗区', 2030]]);
      expect(behind[0]!.reason).toContain('出现倒退');
      expect(behind[0]!.department).toBe('教育局');

      const overdueSeat = await f.seatOf(overdueTask, f.xigang, f.education.xigang);
      const overdue = all.items.filter((w) => w.kind === 'overdue');
      expect(overdue).toEqual([
        expect.objectContaining({ key: `overdue:${overdueSeat.id}`, orgUnit: { id: f.xigang.id, name: '西岗区' }, department: '教育局', year: 2023, acknowledged: null }),
      ]);
      expect(overdue[0]!.reason).toContain('逾期未报（截止 2024-01-31）');
      expect(all.counts.map((c) => [c.orgUnit.id, c.lagging, c.volatile, c.overdue, c.unacknowledged])).toEqual([
        [f.city.id, 0, 0, 0, 0],
        [f.xigang.id, 1, 2, 1, 4],
        [f.zhongshan.id, 0, 0, 0, 0],
      ]);
      expect((await list(f.cityOffice, '&kind=overdue')).items.map((w) => w.key)).toEqual([`overdue:${overdueSeat.id}`]);

      // Acknowledged with a note, by the city office.
      const ack = await f.post(f.cityOffice, '/api/analytics/warnings/acknowledge', { key: jump.key, comment: '已核实：新建学校并入统计' });
      expect(ack.status, JSON.stringify(ack.body)).toBe(204);
      const after = await list(f.cityOffice, '');
      const acked = after.items.find((w) => w.key === jump.key)!;
      expect(acked.acknowledged).toEqual({ by: '测试用户dalian_office', at: expect.any(String), comment: '已核实：新建学校并入统计' });
      expect(Number.isNaN(Date.parse(acked.acknowledged!.at))).toBe(false);
      expect(after.counts.find((c) => c.orgUnit.id === f.xigang.id)!.unacknowledged).toBe(3);
      const open = await list(f.cityOffice, '&acknowledged=no');
      expect(open.items.map((w) => w.key)).not.toContain(jump.key);
      expect(open.items).toHaveLength(3);
      expect((await list(f.cityOffice, '&acknowledged=yes')).items.map((w) => w.key)).toEqual([jump.key]);

      // Acknowledging again replaces the note; the 西岗区 statistics group may do it too.
      expect((await f.post(f.xigangStatistics, '/api/analytics/warnings/acknowledge', { key: jump.key, comment: '复核无误' })).status).toBe(204);
      expect((await list(f.cityOffice, '&acknowledged=yes')).items[0]!.acknowledged).toMatchObject({ by: '测试用户xigang_tongji', comment: '复核无误' });

      // Who may not: a reporter, a leader (reads only), another district's statistics group; and nonsense.
      const leader = await f.user('dalian_leader', 'leader', f.city.id);
      const refused = async (s: Session | null, body: object) => {
        const res = await f.post<{ code: string }>(s, '/api/analytics/warnings/acknowledge', body);
        return [res.status, res.body?.code];
      };
      const lagKey = behind[0]!.key;
      expect(await refused(f.xigangReporter, { key: lagKey, comment: '说明' })).toEqual([403, 'AUTH_FORBIDDEN']);
      expect(await refused(leader, { key: lagKey, comment: '说明' })).toEqual([403, 'AUTH_FORBIDDEN']);
      expect(await refused(f.zhongshanStatistics, { key: lagKey, comment: '说明' })).toEqual([403, 'AUTH_OUT_OF_SCOPE']);
      expect(await refused(null, { key: lagKey, comment: '说明' })).toEqual([401, 'AUTH_REQUIRED']);
      expect(await refused(f.cityOffice, { key: 'volatile:1:999999:2024', comment: '说明' })).toEqual([404, 'NOT_FOUND']);
      // Real units, but no such warning: another year, an unknown indicator, a unit without the jump, a seat that is not overdue.
      const notWarnings = [
        `volatile:${jumpy.id}:${f.xigang.id}:2023`,
        `volatile:${jumpy.id}:${f.zhongshan.id}:2024`,
        `lagging:999999:${f.xigang.id}:2030:>=`,
        `lagging:${lagging.id}:${f.xigang.id}:2031:>=`,
        `overdue:${(await f.seatOf(laterTask, f.xigang, f.education.xigang)).id}`,
      ];
      for (const key of notWarnings) expect([key, ...(await refused(f.cityOffice, { key, comment: '说明' }))]).toEqual([key, 404, 'NOT_FOUND']);
      expect(await refused(f.cityOffice, { key: lagKey, comment: '  ' })).toEqual([400, 'VALIDATION_FAILED']);
      expect((await list(f.cityOffice, '&acknowledged=yes')).items.map((w) => w.key)).toEqual([jump.key]);
    });
  });

  it('overview: plan areas in order, then the indicators linked to no plan as 未关联规划的指标', async () => {
    const screening = await f.percentIndicator({ name: '产前筛查率' });
    const enrolment = await f.rateIndicator({ name: '学前教育毛入园率' });
    const handMade = await f.rateIndicator({ name: '手工新增指标' });
    await f.linkToArea(enrolment.id, { planTitle: '大连市妇女发展规划', no: 2, title: '妇女与教育' });
    await f.linkToArea(screening.id, { planTitle: '大连市妇女发展规划', no: 1, title: '妇女与健康' });
    for (const ind of [screening, enrolment, handMade]) await f.setTargets(ind.id, [[2030, '>=', 80]]);

    const res = await f.get<OverviewDto>(f.cityOffice, `/api/analytics/overview?orgUnitId=${f.city.id}`);
    expect(res.status).toBe(200);
    expect(res.body.areas.map((a) => [a.planTitle, a.no, a.title, a.indicators.map((i) => i.name), a.statusCounts.insufficient_data])).toEqual([
      ['大连市妇女发展规划', 1, '妇女与健康', ['产前筛查率'], 1],
      ['大连市妇女发展规划', 2, '妇女与教育', ['学前教育毛入园率'], 1],
      [null, null, '未关联规划的指标', ['手工新增指标'], 1],
    ]);
  });

  it('limits readers to their own unit and below (access table)', async () => {
    const ind = await f.percentIndicator({ name: '产前筛查率' });
    const xigangOffice = await f.user('xigang_office', 'office', f.xigang.id);
    const xigangEvaluation = await f.user('xigang_pinggu', 'evaluation', f.xigang.id);
    const leader = await f.user('dalian_leader', 'leader', f.city.id);
    const { city, xigang, zhongshan } = f;
    const overview = (u: { id: number }) => `/api/analytics/overview?orgUnitId=${u.id}`;
    const indicator = (u: { id: number }) => `/api/analytics/indicators/${ind.id}?orgUnitId=${u.id}`;
    const scorecard = (u: { id: number }) => `/api/analytics/scorecard?orgUnitId=${u.id}`;
    const warnings = (u: { id: number }) => `/api/analytics/warnings?orgUnitId=${u.id}`;
    const OUT = '403 AUTH_OUT_OF_SCOPE';
    const table: [who: string, session: Session | null, url: string, expected: string][] = [
      ['西岗区 office', xigangOffice, overview(xigang), '200'],
      ['西岗区 office', xigangOffice, indicator(xigang), '200'],
      ['西岗区 office', xigangOffice, overview(zhongshan), OUT],
      ['西岗区 office', xigangOffice, indicator(zhongshan), OUT],
      ['西岗区 office', xigangOffice, scorecard(zhongshan), OUT],
      ['西岗区 office', xigangOffice, warnings(zhongshan), OUT],
      ['西岗区 office', xigangOffice, overview(city), OUT],
      ['西岗区 office', xigangOffice, scorecard(city), OUT],
      ['西岗区 office', xigangOffice, `/api/analytics/scorecard.xlsx?orgUnitId=${city.id}`, OUT],
      ['西岗区 statistics', f.xigangStatistics, warnings(xigang), '200'],
      ['西岗区 evaluation', xigangEvaluation, scorecard(xigang), '200'],
      ['市 leader', leader, overview(city), '200'],
      ['市 leader', leader, overview(xigang), '200'],
      ['市 leader', leader, indicator(zhongshan), '200'],
      ['市 leader', leader, scorecard(zhongshan), '200'],
      ['市 leader', leader, warnings(xigang), '200'],
      ['西岗区 reporter', f.xigangReporter, overview(xigang), '403 AUTH_FORBIDDEN'],
      ['西岗区 reporter', f.xigangReporter, indicator(xigang), '403 AUTH_FORBIDDEN'],
      ['anonymous', null, overview(city), '401 AUTH_REQUIRED'],
      ['anonymous', null, indicator(city), '401 AUTH_REQUIRED'],
      ['anonymous', null, warnings(city), '401 AUTH_REQUIRED'],
    ];
    const actual: string[] = [];
    const expected: string[] = [];
    for (const [who, session, url, want] of table) {
      const res = await f.get<{ code?: string }>(session, url);
      const got = res.status === 200 ? '200' : `${res.status} ${(res.body as { code?: string }).code ?? ''}`;
      actual.push(`${who} GET ${url} → ${got}`);
      expected.push(`${who} GET ${url} → ${want}`);
    }
    expect(actual).toEqual(expected);

    // Without orgUnitId a reader gets its own unit.
    expect((await f.get<OverviewDto>(xigangOffice, '/api/analytics/overview')).body.orgUnit).toMatchObject({ id: xigang.id, name: '西岗区' });
  });

  describe('xlsx downloads', () => {
    const workbookOf = async (url: string) => {
      const { res } = await f.get(f.cityOffice, url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book;
    };

    it('exports the scorecard and an indicator table as real workbooks', async () => {
      const ind = await f.percentIndicator({ name: '产前筛查率', code: 'W_SCREEN' });
      await f.setTargets(ind.id, [[2030, '>=', 40]]);
      await f.openTask(2024, [ind.id]);
      await f.write([...f.ratio(ind, f.xigang, 2024, 10, 100), ...f.ratio(ind, f.zhongshan, 2024, 90, 300)]);

      const card = (await f.get<ScorecardDto>(f.cityOffice, `/api/analytics/scorecard?orgUnitId=${f.city.id}&scope=all`)).body;
      expect(card.year).toBe(2024);
      expect(card.rows[0]!.cells.map((c) => [c.value, c.rank])).toEqual([[25, null], [10, 2], [30, 1]]);

      const scorecard = await workbookOf(`/api/analytics/scorecard.xlsx?orgUnitId=${f.city.id}&scope=all`);
      const sheet = scorecard.getWorksheet('评估记分卡')!;
      expect(sheet.getCell('A2').value).toBe('指标代码');
      expect(sheet.getCell('D2').value).toBe('大连市\n数值');
      expect(sheet.getCell('G2').value).toBe('西岗区\n数值');
      expect(sheet.getCell('A3').value).toBe('W_SCREEN');
      expect(sheet.getCell('B3').value).toBe('产前筛查率');
      // Columns per unit: value, status, rank — 大连市 D–F, 西岗区 G–I, 中山区 J–L.
      expect([sheet.getCell('D3').value, sheet.getCell('G3').value, sheet.getCell('I3').value, sheet.getCell('J3').value, sheet.getCell('L3').value]).toEqual([25, 10, 2, 30, 1]);

      const table = await workbookOf(`/api/analytics/indicators/${ind.id}/table.xlsx?orgUnitId=${f.city.id}&scope=all`);
      const data = table.getWorksheet('数据')!;
      expect((data.getRow(2).values as unknown[]).slice(1)).toEqual(['年份', '分组', '数值', '分子', '分母', '来源']);
      expect((data.getRow(3).values as unknown[]).slice(1)).toEqual([2024, '合计', 25, 100, 400, '下级汇总']);
      const targets = table.getWorksheet('目标评估')!;
      expect(targets.getCell('A1').value).toBe('目标年份');
      expect([targets.getCell('A2').value, targets.getCell('C2').value]).toEqual([2030, '数据不足']);
    });
  });
});
