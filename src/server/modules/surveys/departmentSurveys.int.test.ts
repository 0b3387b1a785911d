import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DepartmentChangeDto } from '../../../shared/api/orgs';
import type { SurveyDto, SurveyInput, SurveySummary } from '../../../shared/api/surveys';
import { ERRORS } from '../../../shared/errors';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../test/support/testDb';

const definition: SurveyInput['definition'] = {
  sections: [{ title: '', questions: [{ code: 'K', type: 'single', title: '您知道家庭教育促进法吗？', required: true, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }] }] }],
};

describe(`surveys of member departments (${testDialect()})`, () => {
  let t: TestApp;
  let units: { city: number; xigang: number };
  let dept: { health: number; education: number };
  let cityOffice: Session;
  let xigangOffice: Session;
  let health: Session;
  let education: Session;
  let xigangStatistics: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
    const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    units = { city: city.id, xigang: xigang.id };
    dept = { health: await buildDepartment(t.db, xigang.id, '卫健委', '西岗区卫生健康局'), education: await buildDepartment(t.db, xigang.id, '教育局', '西岗区教育局') };
    const user = async (role: 'office' | 'statistics' | 'reporter', orgUnitId: number, departmentId: number | null = null) => login(t.app, (await buildUser(t.db, { role, orgUnitId, departmentId })).username);
    cityOffice = await user('office', city.id);
    xigangOffice = await user('office', xigang.id);
    xigangStatistics = await user('statistics', xigang.id);
    health = await user('reporter', xigang.id, dept.health);
    education = await user('reporter', xigang.id, dept.education);
  });
  afterEach(async () => t.close());

  const send = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(s) });
  const input = (departmentId: number | null, title = '西岗区家庭教育知识问卷'): SurveyInput => ({
    orgUnitId: units.xigang, departmentId, title, description: null, audience: 'adult', definition, opensAt: null, closesAt: null, accessMode: 'open',
  });
  const authorise = async (departmentId: number, runsSurveys: boolean) => {
    const name = departmentId === dept.health ? ['西岗区卫生健康局', '卫健委'] : ['西岗区教育局', '教育局'];
    const res = await send(xigangOffice, 'PATCH', `/api/departments/${departmentId}`, { name: name[0], shortName: name[1], runsSurveys });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().runsSurveys).toBe(runsSurveys);
  };
  const titles = async (s: Session) => (await send(s, 'GET', '/api/surveys')).json<SurveySummary[]>().map((x) => `${x.title}｜${x.department?.name ?? '办公室'}`);

  it('is authorised by the office in 成员单位 management, logged, and carried in the session', async () => {
    expect((await send(health, 'GET', '/api/auth/me')).json().user.roles[0].authorisations).toEqual([]);
    await authorise(dept.health, true);
    expect((await send(health, 'GET', '/api/auth/me')).json().user.roles[0].authorisations).toEqual(['surveys']);
    // Editing the name alone leaves the authorisation as it is.
    const renamed = await send(xigangOffice, 'PATCH', `/api/departments/${dept.health}`, { name: '西岗区卫生健康局', shortName: '卫健局' });
    expect(renamed.json().runsSurveys).toBe(true);
    const history = (await send(xigangOffice, 'GET', `/api/departments/${dept.health}/history`)).json<DepartmentChangeDto[]>();
    expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toContainEqual(['runsSurveys', '否', '是']);
    // A department cannot authorise itself.
    expect((await send(health, 'PATCH', `/api/departments/${dept.health}`, { name: '西岗区卫生健康局', shortName: '卫健委', runsSurveys: true })).statusCode).toBe(403);
  });

  it('lets an authorised department build, copy, publish, close and read its own surveys only', async () => {
    await authorise(dept.health, true);
    await authorise(dept.education, true);
    const created = await send(health, 'POST', '/api/surveys', input(dept.health));
    expect(created.statusCode, created.body).toBe(200);
    const own = created.json<SurveyDto>();
    expect(own.department).toEqual({ id: dept.health, name: '西岗区卫生健康局' });

    // Not as the office, not for another department, not elsewhere.
    expect((await send(health, 'POST', '/api/surveys', input(null))).statusCode).toBe(403);
    expect((await send(health, 'POST', '/api/surveys', input(dept.education))).statusCode).toBe(403);
    expect((await send(health, 'POST', '/api/surveys', { ...input(dept.health), orgUnitId: units.city })).statusCode).toBe(403);
    // An office names a department of its own unit only, by id.
    const wrong = await send(cityOffice, 'POST', '/api/surveys', { ...input(dept.health), orgUnitId: units.city });
    expect([wrong.statusCode, wrong.json().details?.[0]?.path]).toEqual([400, 'departmentId']);

    const edited = await send(health, 'PUT', `/api/surveys/${own.id}`, { ...input(dept.health), title: '西岗区家庭教育促进法知晓情况调查' });
    expect(edited.json<SurveyDto>().title).toBe('西岗区家庭教育促进法知晓情况调查');
    const moved = await send(health, 'PUT', `/api/surveys/${own.id}`, input(dept.education));
    expect([moved.statusCode, moved.json().message]).toEqual([400, '提交的数据不符合要求：问卷的发起单位不能更改']);
    const copy = await send(health, 'POST', `/api/surveys/${own.id}/copy`, {});
    expect(copy.json<SurveyDto>().department?.id).toBe(dept.health);
    expect((await send(health, 'POST', `/api/surveys/${own.id}/publish`)).json<SurveyDto>().state).toBe('open');
    expect((await send(health, 'GET', `/api/surveys/${own.id}/stats`)).statusCode).toBe(200);
    expect((await send(health, 'GET', `/api/surveys/${own.id}/responses.xlsx`)).statusCode).toBe(200);
    expect((await send(health, 'GET', `/api/surveys/${own.id}/rights`)).json()).toEqual({ manage: true, read: true, feed: false });
    expect((await send(health, 'POST', `/api/surveys/${own.id}/close`)).json<SurveyDto>().state).toBe('closed');

    // The other department sees neither the drafts nor the answers.
    expect(await titles(education)).toEqual([]);
    for (const url of [`/api/surveys/${own.id}`, `/api/surveys/${own.id}/stats`, `/api/surveys/${own.id}/responses.csv`, `/api/surveys/${copy.json<SurveyDto>().id}`]) {
      expect((await send(education, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await send(education, 'POST', `/api/surveys/${own.id}/publish`)).statusCode).toBe(403);

    // The office of the unit and the one above see and manage them all, with the owner; a department never sees the office's.
    const officeSurvey = (await send(xigangOffice, 'POST', '/api/surveys', input(null, '西岗区妇女健康问卷'))).json<SurveyDto>();
    expect(officeSurvey.department).toBeNull();
    expect(await titles(xigangOffice)).toEqual(['西岗区妇女健康问卷｜办公室', '西岗区家庭教育促进法知晓情况调查（副本）｜西岗区卫生健康局', '西岗区家庭教育促进法知晓情况调查｜西岗区卫生健康局']);
    expect((await titles(cityOffice)).length).toBe(3);
    expect((await send(xigangOffice, 'POST', `/api/surveys/${copy.json<SurveyDto>().id}/publish`)).statusCode).toBe(200);
    expect(await titles(health)).toEqual(['西岗区家庭教育促进法知晓情况调查（副本）｜西岗区卫生健康局', '西岗区家庭教育促进法知晓情况调查｜西岗区卫生健康局']);
    expect((await send(health, 'GET', `/api/surveys/${officeSurvey.id}`)).statusCode).toBe(403);
    expect((await send(health, 'PUT', `/api/surveys/${officeSurvey.id}`, input(null))).statusCode).toBe(403);

    // Feeding indicators stays with the statistics group, for a department's survey too.
    expect((await send(xigangStatistics, 'GET', `/api/surveys/${own.id}/feeds`)).statusCode).toBe(200);
    expect((await send(health, 'GET', `/api/surveys/${own.id}/feeds`)).statusCode).toBe(403);
    // A department with surveys cannot be deleted.
    expect((await send(xigangOffice, 'DELETE', `/api/departments/${dept.health}`)).json().message).toContain('2 份问卷');
  });

  it('tells a department without the authorisation so, and keeps its results readable once withdrawn', async () => {
    const refused = await send(health, 'POST', '/api/surveys', input(dept.health));
    expect([refused.statusCode, refused.json().code, refused.json().message]).toEqual([403, 'SURVEYS_NOT_AUTHORISED', ERRORS.SURVEYS_NOT_AUTHORISED.message]);

    await authorise(dept.health, true);
    const own = (await send(health, 'POST', '/api/surveys', input(dept.health))).json<SurveyDto>();
    await send(health, 'POST', `/api/surveys/${own.id}/publish`);
    await send(health, 'POST', `/api/surveys/${own.id}/close`);
    await authorise(dept.health, false);
    // The session says so at once: the menu (问卷调查, no 新建问卷) reads it with the policy.
    expect((await send(health, 'GET', '/api/auth/me')).json().user.roles[0].authorisations).toEqual(['surveyResults']);
    expect((await send(education, 'GET', '/api/auth/me')).json().user.roles[0].authorisations).toEqual([]);

    expect(await titles(health)).toEqual(['西岗区家庭教育知识问卷｜西岗区卫生健康局']);
    expect((await send(health, 'GET', `/api/surveys/${own.id}/stats`)).statusCode).toBe(200);
    expect((await send(health, 'GET', `/api/surveys/${own.id}/summary.xlsx`)).statusCode).toBe(200);
    expect((await send(health, 'GET', `/api/surveys/${own.id}/rights`)).json()).toEqual({ manage: false, read: true, feed: false });
    for (const [method, url, body] of [['POST', '/api/surveys', input(dept.health)], ['POST', `/api/surveys/${own.id}/publish`], ['POST', `/api/surveys/${own.id}/copy`, {}], ['PUT', `/api/surveys/${own.id}`, input(dept.health)]] as const) {
      const res = await send(health, method, url, body);
      expect([res.statusCode, res.json().code], `${method} ${url}`).toEqual([403, 'SURVEYS_NOT_AUTHORISED']);
    }
    // The office still manages it.
    expect((await send(xigangOffice, 'POST', `/api/surveys/${own.id}/publish`)).statusCode).toBe(200);
  });
});
