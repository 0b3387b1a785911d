import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, json, login, multipart, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import type { AttachmentDto } from '../../../../shared/api/attachments';
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

  it('adds pictures to an event for everyone to see, refuses other files, and takes a picture off', async () => {
    await importText(office, TEXT, false);
    const [first] = await list(office);
    const upload = async (s: Session, name: string, bytes: Uint8Array) => {
      const body = multipart({ name, bytes });
      return t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=event', headers: { ...authHeaders(s), ...body.headers }, payload: body.payload });
    };
    const png = (fill: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, fill)]);
    const a = json<AttachmentDto>(await upload(office, '启动仪式.png', png(1)));
    const b = json<AttachmentDto>(await upload(office, '义诊现场.png', png(2)));
    // Only pictures: a PDF is refused from its first bytes.
    const pdf = await upload(office, '通知.pdf', Buffer.from('%PDF-1.4\n'.padEnd(64, ' ')));
    expect([pdf.statusCode, json<{ message: string }>(pdf).message]).toEqual([415, '这里只接受图片（.png、.jpg、.jpeg、.gif、.webp），该文件是PDF 文档']);

    const edit = { date: first!.date, title: first!.title, text: first!.text, indicatorId: null, linkUrl: null };
    const put = (s: Session, body: object) => t.app.inject({ method: 'PUT', url: `/api/publishing/events/${first!.id}`, headers: authHeaders(s), payload: body });
    const saved = json<EventDto>(await put(office, { ...edit, pictureIds: [a.id, b.id] }));
    expect(saved.pictures.map((p) => p.name)).toEqual(['启动仪式.png', '义诊现场.png']);
    // A save without pictureIds leaves them; the portal shows them, and anyone may load them.
    expect(json<EventDto>(await put(office, { ...edit, title: '改名' })).pictures).toHaveLength(2);
    const pub = (await t.app.inject({ url: '/api/public/events' })).json<EventDto[]>()[0]!;
    expect(pub.pictures.map((p) => p.url)).toEqual([a.url, b.url]);
    expect((await t.app.inject({ url: a.url })).statusCode).toBe(200);
    // Another unit's office cannot put its upload on this event, nor more than nine pictures go on.
    const foreign = json<AttachmentDto>(await upload(xigangOffice, '别处.png', png(3)));
    expect((await put(office, { ...edit, pictureIds: [a.id, foreign.id] })).statusCode).toBe(400);
    expect(json<{ details: { path: string; message: string }[] }>(await put(office, { ...edit, pictureIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).details).toEqual([{ path: 'pictureIds', message: '配图最多 9 张' }]);

    expect(json<EventDto>(await put(office, { ...edit, pictureIds: [b.id] })).pictures.map((p) => p.name)).toEqual(['义诊现场.png']);
    expect((await t.app.inject({ url: a.url })).statusCode).toBe(404);
  });
});
