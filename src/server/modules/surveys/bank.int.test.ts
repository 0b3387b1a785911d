import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankQuestionDto } from '../../../shared/api/surveys';
import type { Question } from '../../../shared/surveys/model';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';

const knows: Question = {
  code: 'Q7', type: 'single', title: '您是否知道孕前孕期要补充叶酸？', required: true, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }],
  showIf: [{ question: 'Q2', op: 'equals', value: '1' }],
};

describe(`survey question bank (${testDialect()})`, () => {
  let t: TestApp;
  let cityOffice: Session;
  let districtOffice: Session;
  let units: { city: number; xigang: number };

  beforeAll(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
    const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    units = { city: city.id, xigang: xigang.id };
    cityOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    districtOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: xigang.id })).username);
  });
  afterAll(async () => t.close());

  const send = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(s) });

  it('saves a question without its code and skip rule, finds it by words of its wording, keeps each unit to its own bank', async () => {
    const saved = await send(cityOffice, 'POST', '/api/survey-bank', { orgUnitId: units.city, question: knows });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<BankQuestionDto>().question).toEqual({ type: 'single', title: knows.title, required: true, options: knows.options });
    await send(cityOffice, 'POST', '/api/survey-bank', { orgUnitId: units.city, question: { code: 'Q9', type: 'text', title: '您对100%覆盖的建议', required: false } });

    const found = (q: string) => send(cityOffice, 'GET', `/api/survey-bank?orgUnitId=${units.city}&q=${encodeURIComponent(q)}`).then((r) => r.json<BankQuestionDto[]>().map((b) => b.question.title));
    expect(await found('叶酸')).toEqual([knows.title]);
    expect(await found('%')).toEqual(['您对100%覆盖的建议']);
    expect(await found('')).toHaveLength(2);
    expect(await found('维生素')).toEqual([]);

    const twice = await send(cityOffice, 'POST', '/api/survey-bank', { orgUnitId: units.city, question: { ...knows, code: 'Q1' } });
    expect([twice.statusCode, twice.json().message]).toEqual([400, `提交的数据不符合要求：题库中已有题目“${knows.title}”`]);
    const broken = await send(cityOffice, 'POST', '/api/survey-bank', { orgUnitId: units.city, question: { ...knows, title: '只有一个选项', options: [{ code: '1', label: '知道' }] } });
    expect([broken.statusCode, broken.json().message]).toEqual([400, '提交的数据不符合要求：至少需要两个选项']);

    // The district's office has a bank of its own and cannot read or change the city's.
    expect((await send(districtOffice, 'GET', `/api/survey-bank?orgUnitId=${units.xigang}`)).json()).toEqual([]);
    expect((await send(districtOffice, 'GET', `/api/survey-bank?orgUnitId=${units.city}`)).statusCode).toBe(403);
    const id = saved.json<BankQuestionDto>().id;
    expect((await send(districtOffice, 'DELETE', `/api/survey-bank/${id}`)).statusCode).toBe(403);
    expect((await send(cityOffice, 'DELETE', `/api/survey-bank/${id}`)).statusCode).toBe(204);
    expect(await found('叶酸')).toEqual([]);
  });
});
