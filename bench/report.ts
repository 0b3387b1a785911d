/**
 * `npm run bench:report`: the annual monitoring report of a city with 12 districts and both plans
 * (130 indicators in 16 areas, 2020–2024, a third by sex) on synthetic data, through the same
 * service as the web and the CLI (analytics answers, findings, a chart per finding, .docx); then a
 * report for every district (BENCH_DISTRICT_REPORTS of them, default 12). Prints the time of each, the memory, and last `report: X s` (the
 * city's). The data scope is 'all' (no review workflow to run first); approval changes no work.
 */
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyticsService } from '../src/server/modules/analytics/service';
import { COMMAND_LINE } from '../src/server/modules/auth/service';
import { orgsService } from '../src/server/modules/orgs/service';
import { reportsService } from '../src/server/modules/reports/service';
import { buildOrgUnit } from '../test/support/appHarness';
import { buildDirectIndicator } from '../test/support/monitoringFactories';
import { createTestDb } from '../test/support/testDb';
import { seededRandom } from './random';

const DISTRICTS = 12;
const DISTRICT_REPORTS = Math.min(DISTRICTS, Number(process.env.BENCH_DISTRICT_REPORTS ?? DISTRICTS));
const AREAS = 8; // per plan
const INDICATORS = 130;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const db = await createTestDb();
  const k = db.kysely;
  const random = seededRandom(20261207);
  try {
    const city = await buildOrgUnit(db, { name: '合成市', code: '990000', level: 'city' });
    const districts = [];
    for (let d = 1; d <= DISTRICTS; d++) districts.push(await buildOrgUnit(db, { name: `合成${d}区`, code: `9900${String(d).padStart(2, '0')}`, level: 'district', parentId: city.id }));
    const options = new Map((await k.selectFrom('category_options').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));

    const goals: number[] = [];
    for (const kind of ['women', 'children'] as const) {
      const title = kind === 'women' ? '合成市妇女发展规划' : '合成市儿童发展规划';
      const plan = await k
        .insertInto('plans')
        .values({ org_unit_id: city.id, kind, title, period_start: 2021, period_end: 2030, source_name: 'bench.txt', source_text: '', source_hash: title, is_demo: 0, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })
        .returning('id').executeTakeFirstOrThrow();
      for (let no = 1; no <= AREAS; no++) {
        const area = await k.insertInto('plan_areas').values({ plan_id: plan.id, no, title: `（${'一二三四五六七八'[no - 1]}）${kind === 'women' ? '妇女' : '儿童'}与领域${no}`, line: no }).returning('id').executeTakeFirstOrThrow();
        goals.push((await k.insertInto('plan_goals').values({ area_id: area.id, no: 1, text: '目标。', line_start: 1, line_end: 1, qualitative: 0 }).returning('id').executeTakeFirstOrThrow()).id);
      }
    }

    const rows = [];
    for (let i = 0; i < INDICATORS; i++) {
      const bySex = i % 3 === 0;
      const ind = await buildDirectIndicator(db, { name: `合成指标${i + 1}`, code: `S${String(i + 1).padStart(3, '0')}`, categories: bySex ? 'sex' : '' });
      const target = await k
        .insertInto('plan_targets')
        .values({ goal_id: goals[i % goals.length]!, seq: i, indicator: `合成指标${i + 1}`, comparator: '>=', value: 80, unit: '%', year: 2030, base_year: null, quote: '目标', edited_by: null, edited_at: null })
        .returning('id').executeTakeFirstOrThrow();
      await k.updateTable('indicators').set({ plan_target_id: target.id, data_source: '合成数据', caliber: i % 10 === 0 ? '自2022年起按常住人口统计' : null }).where('id', '=', ind.id).execute();
      await k.insertInto('indicator_targets').values([{ indicator_id: ind.id, year: 2025, comparator: '>=', value: 75, base_year: null }, { indicator_id: ind.id, year: 2030, comparator: '>=', value: 80, base_year: null }]).execute();
      // Rates reported directly do not add up from the districts: the city reports its own.
      for (const unit of [city, ...districts]) {
        let level = 55 + random() * 30;
        for (const year of YEARS) {
          level = Math.min(99, Math.max(1, level + (random() - 0.35) * 3));
          const parts = bySex ? [['total', level], ['female', level + (random() - 0.5) * 4], ['male', level + (random() - 0.5) * 4]] as const : [['total', level]] as const;
          for (const [option, value] of parts) {
            rows.push({ data_element_id: ind.valueId, org_unit_id: unit.id, period: year, option_id: options.get(option)!, value: Number(value.toFixed(2)), comment: null, department_id: null, submission_id: null, created_by: null, created_at: '2026-01-01T00:00:00Z', created_via: 'bench', updated_by: null, updated_at: '2026-01-01T00:00:00Z' });
          }
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500) await k.insertInto('data_values').values(rows.slice(i, i + 500)).execute();
    console.log(`data: 1 city + ${DISTRICTS} districts (values of each), 2 plans × ${AREAS} areas, ${INDICATORS} indicators, ${YEARS[0]}–${YEARS.at(-1)}, ${rows.length.toLocaleString('en')} values`);

    const orgs = orgsService(k);
    const reports = reportsService(k, analyticsService(k, orgs), orgs);
    const run = async (unitId: number) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const { bytes, report } = await reports.annualDocx(COMMAND_LINE, { unitId, year: 2024, plan: 'both', scope: 'all' });
      const figures = report.plans.reduce((s, p) => s + p.areas.reduce((n, a) => n + a.findings.filter((f) => f.view.series.some((x) => x.points.length)).length, 0), 0);
      const used = process.cpuUsage(cpu);
      return { seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6, bytes, figures, name: report.unit.name };
    };

    // The first district's report loads the fonts and the fact base: its time includes that.
    let total = 0;
    for (const d of districts.slice(0, DISTRICT_REPORTS)) {
      const r = await run(d.id);
      total += r.seconds;
      console.log(`${r.name}: ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), ${r.figures} charts, ${(r.bytes.length / 1024).toFixed(0)} KB`);
    }
    console.log(`districts: ${DISTRICT_REPORTS} reports in ${total.toFixed(1)} s`);
    const c = await run(city.id);
    const out = join(tmpdir(), 'halfsky-bench-report.docx');
    writeFileSync(out, c.bytes);
    const mem = process.memoryUsage();
    console.log(`${c.name}: ${c.seconds.toFixed(2)} s (CPU ${c.cpuSeconds.toFixed(2)} s in all threads, load average ${loadavg()[0]!.toFixed(1)}), ${c.figures} charts, ${(c.bytes.length / 1024).toFixed(0)} KB (${out})`);
    console.log(`memory: rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}, external ${mb(mem.external)}`);
    console.log(`report: ${c.seconds.toFixed(2)} s`);
  } finally {
    await db.dispose();
  }
}

await main();
