import { expect } from 'vitest';
import type { TaskDto } from '../../src/shared/api/reporting';
import { authHeaders, buildOrgUnit, buildUser, login, type Session, type TestApp } from './appHarness';
import { buildDepartment, buildDirectIndicator, buildRatioIndicator } from './monitoringFactories';

/**
 * 大连市 → 西岗区, 中山区 with 卫健委 (both) and 教育局 (西岗区), a ratio indicator for 卫健委 and a
 * sex-disaggregated rate for 教育局, an open 2024 task for both districts, and signed-in users:
 * the city office, 西岗区 statistics, two 西岗区 卫健委 reporters.
 */
export async function buildReportingFixture(t: TestApp) {
  const city = await buildOrgUnit(t.db, { name: '大连市', code: '210200', level: 'city' });
  const xigang = await buildOrgUnit(t.db, { name: '西岗区', code: '210203', parentId: city.id });
  const zhongshan = await buildOrgUnit(t.db, { name: '中山区', code: '210202', parentId: city.id });
  const xigangHealth = await buildDepartment(t.db, xigang.id, '卫健委', '西岗区卫生健康局');
  const xigangEducation = await buildDepartment(t.db, xigang.id, '教育局', '西岗区教育局');
  await buildDepartment(t.db, zhongshan.id, '卫健委', '中山区卫生健康局');
  const mmr = await buildRatioIndicator(t.db, { yoyThreshold: 50 });
  const retention = await buildDirectIndicator(t.db, { categories: 'sex' });
  const office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
  const statistics = await login(t.app, (await buildUser(t.db, { role: 'statistics', orgUnitId: xigang.id, username: 'tongji' })).username);
  const reporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: xigang.id, departmentId: xigangHealth, username: 'wangfang' })).username);
  const reporter2 = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: xigang.id, departmentId: xigangHealth, username: 'lijun' })).username);

  const send = <T>(s: Session, method: 'POST' | 'PUT', url: string, payload: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: authHeaders(s) }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
  const get = <T>(s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));

  const created = await send<TaskDto>(office, 'POST', '/api/reporting/tasks', {
    orgUnitId: city.id, year: 2024, name: '2024年度妇女发展规划监测数据填报', opensOn: '2025-01-01', dueOn: '2099-03-31',
    indicatorIds: [mmr.id, retention.id], orgUnitIds: [xigang.id, zhongshan.id],
  });
  expect(created.status).toBe(200);
  return { city, xigang, zhongshan, xigangHealth, xigangEducation, mmr, retention, office, statistics, reporter, reporter2, task: created.body, get, send };
}
export type ReportingFixture = Awaited<ReturnType<typeof buildReportingFixture>>;
