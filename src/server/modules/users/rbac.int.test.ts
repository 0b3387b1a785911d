import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrgUnit, buildTestApp, buildUser, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { buildDalian } from '../../../../test/support/orgFixture';
import { runRbacMatrix, type Access, type Actor, type RouteCase } from '../../../../test/support/rbac';
import { testDialect } from '../../../../test/support/testDb';

describe(`RBAC matrix: org units, departments, users (${testDialect()})`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  it('lets admin do everything, an office manage people and departments in its subtree, and nobody else', async () => {
    const org = await buildDalian(t.db);
    const actors: Actor[] = [
      { role: 'admin', orgUnit: null },
      { role: 'office', orgUnit: org.city },
      { role: 'office', orgUnit: org.xigang },
      { role: 'office', orgUnit: org.zhongshan },
      { role: 'statistics', orgUnit: org.xigang },
      { role: 'evaluation', orgUnit: org.xigang },
      { role: 'leader', orgUnit: org.xigang },
      { role: 'reporter', orgUnit: org.xigang, departmentId: org.xg.health.id },
      { role: 'dept_reviewer', orgUnit: org.xigang, departmentId: org.xg.health.id },
    ];
    const [A, F, S] = ['allowed', 'forbidden', 'scoped'] as const satisfies Access[];
    // Only admin and the offices manage; every other role, department roles included, is refused.
    const others = [F, F, F, F, F];
    const everyone = [A, A, A, A, A, A, A, A, A];
    const adminOnly = [A, F, F, F, ...others];
    const xigangManagers = [A, A, A, S, ...others];
    const listers = [A, A, A, A, ...others];

    const reporter = await buildUser(t.db, { role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.xg.health.id });
    const reporterGrant = { role: 'reporter', orgUnitId: org.xigang.id, departmentId: org.xg.health.id };
    const user = `/api/users/${reporter.id}`;
    let n = 0;
    const unique = (prefix: string) => `${prefix}${++n}`;
    const freshStreet = async () => `/api/org-units/${(await buildOrgUnit(t.db, { level: 'street', parentId: org.xigang.id })).id}`;
    const freshDepartment = async () => `/api/departments/${await buildDepartment(t.db, org.xigang.id, unique('部门'))}`;
    const reversedDepartments = async () => {
      const committee = await t.db.kysely.selectFrom('committees').select('id').where('org_unit_id', '=', org.xigang.id).executeTakeFirstOrThrow();
      const rows = await t.db.kysely.selectFrom('departments').select('id').where('committee_id', '=', committee.id).orderBy('sort').execute();
      return { ids: rows.map((d) => d.id).reverse() };
    };

    const cases: RouteCase[] = [
      { method: 'GET', url: '/api/org-units', expect: everyone },
      { method: 'POST', url: '/api/org-units', payload: () => ({ parentId: org.xigang.id, code: unique('S'), name: unique('街道') }), expect: adminOnly },
      { method: 'PATCH', url: `/api/org-units/${org.baiyun.id}`, payload: { code: '210203001', name: '白云街道', committeeName: '白云街道妇儿工委' }, expect: adminOnly },
      { method: 'DELETE', name: '/api/org-units/:street', url: freshStreet, expect: adminOnly },
      { method: 'POST', url: `/api/org-units/${org.xigang.id}/departments`, payload: () => ({ name: unique('西岗区部门'), shortName: unique('部门') }), expect: xigangManagers },
      { method: 'POST', url: `/api/org-units/${org.xigang.id}/departments/order`, payload: reversedDepartments, expect: xigangManagers },
      { method: 'PATCH', url: `/api/departments/${org.xg.health.id}`, payload: { name: org.xg.health.name, shortName: '卫健委' }, expect: xigangManagers },
      { method: 'DELETE', name: '/api/departments/:department', url: freshDepartment, expect: xigangManagers },
      { method: 'GET', url: '/api/users', expect: listers },
      { method: 'GET', url: `/api/users?orgUnitId=${org.xigang.id}`, expect: xigangManagers },
      {
        method: 'POST', url: '/api/users',
        payload: () => ({ username: unique('u'), displayName: '王芳', orgUnitId: org.xigang.id, departmentId: null, password: null, roles: [reporterGrant] }),
        expect: xigangManagers,
      },
      { method: 'PATCH', url: user, payload: { displayName: '王芳', orgUnitId: org.xigang.id, departmentId: null, roles: [reporterGrant] }, expect: xigangManagers },
      { method: 'POST', url: `${user}/disable`, expect: xigangManagers },
      { method: 'POST', url: `${user}/enable`, expect: xigangManagers },
      { method: 'POST', url: `${user}/reset-password`, expect: xigangManagers },
    ];
    const { actual, expected } = await runRbacMatrix(t, actors, cases);
    expect(actual).toEqual(expected);
  });
});
