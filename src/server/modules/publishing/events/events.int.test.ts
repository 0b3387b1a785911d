import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, json, login, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import type { EventDto, EventImportResult } from '../../../../shared/api/publishing';

const TEXT = '大连市妇女儿童发展大事记\n\n1.启动两癌免费检查\n2011年3月，全市启动农村妇女“两癌”免费检查，覆\n\n盖十个区市县。\n\n2.成立儿童议事会\n2012年，首批儿童议事会成立。\n';

describe(`大事记 editing over HTTP (${testDialect()})`, () => {
  let t: TestApp;
  let city: number;
  let xigang: number;
  let office: Session;
  let xigangOffice: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    city = (await buildOrgUnit(t.db, { name: '大连市', level: 'city' })).id;
    xigang = (await buildOrgUnit(t.db, { name: '西岗区', parentId: city })).id;
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city })).username);
    xigangOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: xigang })).username);
  });
  afterEach(async () => t?.close());

  const importText = (s: Session, text: string, dryRun: boolean, orgUnitId = city) =>
    t.app.inject({ method: 'POST', url: '/api/publishing/events/import', headers: authHeaders(s), payload: { orgUnitId, text, dryRun } });
  const list = async (s: Session, orgUnitId = city) => json<EventDto[]>(await t.app.inject({ url: `/api/publishing/events?orgUnitId=${orgUnitId}`, headers: authHeaders(s) }));

  it('previews an import without writing, then imports, joining the page break', async () => {
    const preview = await importText(office, TEXT, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(json<EventImportResult>(preview)).toMatchObject({
      outcome: null,
      events: [
        { no: 1, title: '启动两癌免费检查', date: '2011-03', text: '2011年3月，全市启动农村妇女“两癌”免费检查，覆盖十个区市县。' },
        { no: 2, title: '成立儿童议事会', date: '2012' },
      ],
    });
    expect(await list(office)).toEqual([]);
    expect(json<EventImportResult>(await importText(office, TEXT, false)).outcome).toEqual({ added: 2, updated: 0 });
    expect((await list(office)).map((e) => e.title)).toEqual(['启动两癌免费检查', '成立儿童议事会']);
  });

  it('refuses a text it cannot read in Chinese and writes nothing', async () => {
    const res = await importText(office, '这不是大事记', false);
    expect(res.statusCode).toBe(400);
    expect(json<{ message: string }>(res).message).toMatch(/^大事记文本无法识别/);
    expect(await list(office)).toEqual([]);
  });

  it('edits an event, links an indicator only if it exists, and keeps districts to their own', async () => {
    await importText(office, TEXT, false);
    const [first] = await list(office);
    const put = (s: Session, body: object) => t.app.inject({ method: 'PUT', url: `/api/publishing/events/${first!.id}`, headers: authHeaders(s), payload: body });
    const edit = { date: '2011-04', title: '启动“两癌”免费检查', text: '改写的正文。', indicatorId: null, linkUrl: 'https://example.org/news/1' };
    const saved = await put(office, edit);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<EventDto>(saved)).toMatchObject({ date: '2011-04', title: '启动“两癌”免费检查', linkUrl: 'https://example.org/news/1' });
    expect((await put(office, { ...edit, indicatorId: 999999 })).statusCode).toBe(400);
    expect((await put(office, { ...edit, date: '2011-13' })).statusCode).toBe(400);
    expect((await put(office, { ...edit, linkUrl: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect((await put(xigangOffice, edit)).statusCode).toBe(403);
    expect((await importText(xigangOffice, TEXT, true, city)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/public/events` })).json<EventDto[]>()[0]).toMatchObject({ title: '启动“两癌”免费检查' });
  });
});
