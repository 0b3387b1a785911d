import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDto, MyFormDto, RoundDto, RoundListDto } from '../../../shared/api/unitreports';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { authHeaders, buildTestApp, multipart, type Session, type TestApp } from '../../../../test/support/appHarness';
import { printDocx } from '../../../../test/support/libreoffice';
import { testDialect } from '../../../../test/support/testDb';
import { beijingDate } from '../../../shared/workitems/status';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const WOMEN = '大连市妇女发展规划（2021—2030年）';

describe(`member units' annual reports (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let cityHealth: number;
  let cityEducation: number;
  let healthReporter: Session;
  let educationReporter: Session;
  let xigangOffice: Session;
  let indicatorId: number;
  let delivery: Awaited<ReturnType<AnalyticsFixture['percentIndicator']>>;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    const dept = (short: string) => t.db.kysely.selectFrom('departments as d').innerJoin('committees as c', 'c.id', 'd.committee_id').select('d.id').where('c.org_unit_id', '=', f.city.id).where('d.short_name', '=', short).executeTakeFirstOrThrow();
    cityHealth = (await dept('卫健委')).id;
    cityEducation = (await dept('教育局')).id;
    healthReporter = await f.user('dalian_weijian', 'reporter', f.city.id, cityHealth);
    educationReporter = await f.user('dalian_jiaoyu', 'reporter', f.city.id, cityEducation);
    xigangOffice = await f.user('xigang_office', 'office', f.xigang.id);
    // 住院分娩率, reported by 卫健委: 99.2% at 西岗区 and 98.6% at 中山区 in 2024, 大连市 their ratio of sums.
    const ind = await f.percentIndicator({ name: '住院分娩率' });
    indicatorId = ind.id;
    delivery = ind;
    await f.linkToArea(ind.id, { planTitle: WOMEN, no: 1, title: '妇女与健康' });
    await f.setTargets(ind.id, [[2025, '>=', 99]]);
    await f.openTask(2024, [ind.id]);
    await f.write([...f.ratio(ind, f.xigang, 2024, 992, 1000), ...f.ratio(ind, f.zhongshan, 2024, 986, 1000)]);
  });
  afterEach(async () => t.close());

  const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object = {}) => t.app.inject({ method, url, payload, headers: authHeaders(s) });
  const get = (s: Session, url: string) => t.app.inject({ url, headers: authHeaders(s) });
  const open = async (s: Session, orgUnitId: number, year = 2025) => {
    const res = await send(s, 'POST', '/api/unitreports/rounds', { orgUnitId, year, dueOn: '2026-01-31', note: '请各单位按时报送' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RoundDto>();
  };
  const formOf = (round: RoundDto, name: string) => round.participants.find((p) => p.name === name)!.formId;
  const form = async (s: Session, id: number) => (await get(s, `/api/unitreports/forms/${id}`)).json<FormDto>();
  const fill = async (s: Session, id: number, text: string, attachmentIds: number[] = []) => {
    const current = await form(s, id);
    const items = Object.fromEntries(current.groups.flatMap((g) => g.items).map((i) => [i.key, { done: `${text}：${i.name}`, figures: '全年住院分娩率保持在99%以上', problems: '个别外来人口孕产妇建档晚', nextYear: '加强流动孕产妇管理' }]));
    const res = await send(s, 'PUT', `/api/unitreports/forms/${id}`, { version: current.version, content: { sections: { overview: `${text}综述`, practices: '推行孕产妇全程管理', problems: '', nextYear: '继续推进' }, items }, attachmentIds });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FormDto>();
  };
  const submit = async (s: Session, id: number) => {
    const res = await send(s, 'POST', `/api/unitreports/forms/${id}/submit`, { version: (await form(s, id)).version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FormDto>();
  };

  it('takes a round from opening to the compiled .docx and the table of submissions', async () => {
    const round = await open(f.cityOffice, f.city.id);
    // Every member department, and every district committee reporting about its area (the street reports to its district).
    expect(round.participants.map((p) => [p.name, p.kind, p.state])).toEqual([
      ['卫健委', 'department', 'draft'], ['教育局', 'department', 'draft'], ['西岗区妇儿工委', 'area', 'draft'], ['中山区妇儿工委', 'area', 'draft'],
    ]);
    expect([round.total, round.counts.draft, round.canManage]).toEqual([4, 4, true]);
    const again = await send(f.cityOffice, 'POST', '/api/unitreports/rounds', { orgUnitId: f.city.id, year: 2025, dueOn: '2026-01-31' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'UNIT_REPORT_ROUND_EXISTS']);

    // The department's form: its indicators by plan area, with the analytics service's latest value and status.
    const mine = (await get(healthReporter, '/api/unitreports/forms/mine')).json<MyFormDto[]>();
    expect(mine.map((m) => [m.name, m.committee, m.state])).toEqual([['卫健委', '大连市妇儿工委', 'draft']]);
    const healthForm = await form(healthReporter, mine[0]!.formId);
    expect(healthForm.groups).toEqual([
      { planTitle: WOMEN, title: '妇女与健康', items: [expect.objectContaining({ key: `indicator:${indicatorId}`, name: '住院分娩率', latest: { year: 2024, value: 98.9 }, status: expect.any(String) })] },
    ]);
    expect(healthForm.canEdit).toBe(true);

    // Submitting needs the 综述; a file goes with the draft.
    const early = await send(healthReporter, 'POST', `/api/unitreports/forms/${healthForm.id}/submit`, { version: healthForm.version });
    expect([early.statusCode, early.json().message]).toEqual([400, expect.stringContaining('请先填写「综述」再提交')]);
    const upload = multipart({ name: '住院分娩统计.png', bytes: PNG });
    const file = await t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=unit_report', payload: upload.payload, headers: { ...authHeaders(healthReporter), ...upload.headers } });
    expect(file.statusCode, file.body).toBe(200);
    const saved = await fill(healthReporter, healthForm.id, '市卫健委', [file.json<{ id: number }>().id]);
    expect([saved.version, saved.attachments.map((a) => a.name)]).toEqual([1, ['住院分娩统计.png']]);
    // A file uploaded by mistake comes off the draft; a file that is not the draft's cannot be taken off it.
    const wrong = await t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=unit_report', payload: upload.payload, headers: { ...authHeaders(healthReporter), ...upload.headers } });
    const withWrong = await fill(healthReporter, healthForm.id, '市卫健委', [wrong.json<{ id: number }>().id]);
    expect(withWrong.attachments).toHaveLength(2);
    const foreign = await send(healthReporter, 'PUT', `/api/unitreports/forms/${healthForm.id}`, { version: withWrong.version, content: withWrong.content, attachmentIds: [], removeAttachmentIds: [999999] });
    expect([foreign.statusCode, foreign.json().message]).toEqual([400, '附件 999999 不存在或不属于本条记录']);
    const removed = await send(healthReporter, 'PUT', `/api/unitreports/forms/${healthForm.id}`, { version: withWrong.version, content: withWrong.content, attachmentIds: [], removeAttachmentIds: [wrong.json<{ id: number }>().id] });
    expect(removed.json<FormDto>().attachments.map((a) => a.id)).toEqual([saved.attachments[0]!.id]);
    expect((await get(f.cityOffice, `/api/attachments/${wrong.json<{ id: number }>().id}`)).statusCode).toBe(404);
    expect((await submit(healthReporter, healthForm.id)).participant.state).toBe('submitted');
    expect((await get(f.cityOffice, `/api/attachments/${saved.attachments[0]!.id}`)).statusCode).toBe(200);
    expect((await get(educationReporter, `/api/attachments/${saved.attachments[0]!.id}`)).statusCode).toBe(404);

    // Nothing accepted yet: nothing to compile.
    const none = await get(f.cityOffice, `/api/unitreports/rounds/${round.id}/compiled.docx`);
    expect([none.statusCode, none.json().code]).toEqual([422, 'UNIT_REPORT_NONE_ACCEPTED']);
    expect((await send(f.cityOffice, 'POST', `/api/unitreports/forms/${healthForm.id}/accept`)).json<FormDto>().participant.state).toBe('accepted');

    // 西岗区's office reports about its area upward: its form lists the areas of the plan it is judged by.
    const upward = (await get(xigangOffice, '/api/unitreports/forms/mine')).json<MyFormDto[]>();
    expect(upward.map((m) => m.name)).toEqual(['西岗区妇儿工委']);
    const areaForm = await form(xigangOffice, upward[0]!.formId);
    expect(areaForm.groups.map((g) => [g.title, g.items.map((i) => [i.name, i.note])])).toEqual([[WOMEN, [['妇女与健康', expect.stringMatching(/^1 项指标：/)]]]]);
    await fill(xigangOffice, areaForm.id, '西岗区');
    await submit(xigangOffice, areaForm.id);
    await send(f.cityOffice, 'POST', `/api/unitreports/forms/${areaForm.id}/accept`);

    const after = (await get(f.cityOffice, `/api/unitreports/rounds/${round.id}`)).json<RoundDto>();
    expect(after.counts).toEqual({ draft: 2, submitted: 0, returned: 0, accepted: 2 });
    const list = (await get(f.cityOffice, `/api/unitreports/rounds?orgUnitId=${f.city.id}`)).json<RoundListDto>();
    expect(list.rounds.map((r) => [r.year, r.total, r.counts.accepted])).toEqual([[2025, 4, 2]]);

    const docx = await get(f.cityOffice, `/api/unitreports/rounds/${round.id}/compiled.docx`);
    expect([docx.statusCode, docx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    const printed = printDocx(docx.rawPayload, 'compiled');
    try {
      const text = printed.text.replace(/\s+/g, '');
      for (const words of ['大连市2025年度妇女儿童发展规划实施情况成员单位报告汇编', '分领域规划实施情况', '妇女与健康', '卫健委', '市卫健委：住院分娩率', '住院分娩率（2024年为98.90%', '各成员单位工作综述', '市卫健委综述', '下级妇儿工委规划实施情况', '西岗区妇儿工委', '西岗区综述', '年度报告报送情况']) {
        expect(text, words).toContain(words);
      }
      // What was not accepted is not compiled.
      expect(text).not.toContain('中山区综述');
    } finally {
      printed.dispose();
    }

    const xlsx = await get(f.cityOffice, `/api/unitreports/rounds/${round.id}/submissions.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).slice(2).map((r) => [r[1], r[2], r[3]]);
    expect(rows).toEqual([['卫健委', '成员单位', '已接收'], ['教育局', '成员单位', '未提交'], ['西岗区妇儿工委', '下级妇儿工委', '已接收'], ['中山区妇儿工委', '下级妇儿工委', '未提交']]);
   // LibreOffice prints the compilation: seconds, more on a loaded machine.
  }, 180_000);

  it('keeps the figures an accepted report showed: a value corrected afterwards changes neither its page nor the compilation', async () => {
    const round = await open(f.cityOffice, f.city.id);
    const id = formOf(round, '卫健委');
    await fill(healthReporter, id, '市卫健委');
    await submit(healthReporter, id);
    const figure = (dto: FormDto) => [dto.figuresAsOf, dto.groups[0]!.items[0]!.latest];
    // Until accepted the figures are today's.
    expect(figure(await form(f.cityOffice, id))).toEqual([null, { year: 2024, value: 98.9 }]);
    const accepted = await send(f.cityOffice, 'POST', `/api/unitreports/forms/${id}/accept`);
    const today = beijingDate(new Date());
    expect(figure(accepted.json<FormDto>())).toEqual([today, { year: 2024, value: 98.9 }]);

    // 西岗区 corrects its 2024 figure: 大连市 is now (900 + 986) / 2000 = 94.3%, as a form opened today shows.
    await f.write(f.ratio(delivery, f.xigang, 2024, 900, 1000));
    const nextYear = await open(f.cityOffice, f.city.id, 2026);
    expect(figure(await form(healthReporter, formOf(nextYear, '卫健委')))).toEqual([null, { year: 2024, value: 94.3 }]);
    // The accepted report keeps what the office accepted, and says so.
    expect(figure(await form(healthReporter, id))).toEqual([today, { year: 2024, value: 98.9 }]);
    const docx = await get(f.cityOffice, `/api/unitreports/rounds/${round.id}/compiled.docx`);
    expect(docx.statusCode).toBe(200);
    const printed = printDocx(docx.rawPayload, 'compiled-frozen');
    try {
      const text = printed.text.replace(/\s+/g, '');
      expect(text).toContain('住院分娩率（2024年为98.90%');
      expect(text).toContain(`数据为受理时（${today}）的数据`);
      expect(text).not.toContain('94.30%');
    } finally {
      printed.dispose();
    }
  }, 180_000);

  it('returns a report with a reason the unit sees, and takes it again once resubmitted', async () => {
    const round = await open(f.cityOffice, f.city.id);
    const id = formOf(round, '卫健委');
    await fill(healthReporter, id, '市卫健委');
    await submit(healthReporter, id);
    // Not the reporter's to accept; a return needs its reason.
    expect((await send(healthReporter, 'POST', `/api/unitreports/forms/${id}/accept`)).statusCode).toBe(403);
    const bare = await send(f.cityOffice, 'POST', `/api/unitreports/forms/${id}/return`, { reason: ' ' });
    expect([bare.statusCode, bare.json().message]).toEqual([400, expect.stringContaining('请填写退回原因')]);
    // A submitted report is not edited.
    const locked = await send(healthReporter, 'PUT', `/api/unitreports/forms/${id}`, { version: (await form(healthReporter, id)).version, content: (await form(healthReporter, id)).content, attachmentIds: [] });
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'UNIT_REPORT_STATE']);

    const returned = await send(f.cityOffice, 'POST', `/api/unitreports/forms/${id}/return`, { reason: '请补充2024年住院分娩率的城乡差异' });
    expect(returned.json<FormDto>().participant.state).toBe('returned');
    const seen = await form(healthReporter, id);
    expect([seen.participant.state, seen.participant.returnedReason, seen.canEdit]).toEqual(['returned', '请补充2024年住院分娩率的城乡差异', true]);
    expect((await get(healthReporter, '/api/unitreports/forms/mine')).json<MyFormDto[]>()[0]!.returnedReason).toBe('请补充2024年住院分娩率的城乡差异');
    const notes = await t.db.kysely.selectFrom('notifications').select(['title', 'body']).where('title', '=', '2025年度报告被退回').execute();
    expect(notes).toEqual([{ title: '2025年度报告被退回', body: '退回原因：请补充2024年住院分娩率的城乡差异。请修改后重新提交。' }]);

    await fill(healthReporter, id, '市卫健委（修改稿）');
    expect((await submit(healthReporter, id)).participant.state).toBe('submitted');
    const accepted = (await send(f.cityOffice, 'POST', `/api/unitreports/forms/${id}/accept`)).json<FormDto>();
    expect([accepted.participant.state, accepted.content.sections.overview, accepted.events.map((e) => e.action)]).toEqual(['accepted', '市卫健委（修改稿）综述', ['submit', 'return', 'submit', 'accept']]);
    const twice = await send(f.cityOffice, 'POST', `/api/unitreports/forms/${id}/return`, { reason: '再改' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'UNIT_REPORT_STATE']);
  });

  it('lets a unit see only its own forms; the office of the unit its round; the city office the districts’ rounds to read', async () => {
    const city = await open(f.cityOffice, f.city.id);
    const district = await open(xigangOffice, f.xigang.id);
    expect(district.participants.map((p) => p.name)).toEqual(['西岗区卫生健康局', '西岗区教育局', '白云街道妇儿工委']);
    const healthForm = formOf(city, '卫健委');

    expect((await get(educationReporter, `/api/unitreports/forms/${healthForm}`)).json().code).toBe('AUTH_OUT_OF_SCOPE');
    // 西岗区's 卫健委 reports to 西岗区, not to the city: the city's 卫健委 form is not its.
    expect((await get(f.xigangReporter, `/api/unitreports/forms/${healthForm}`)).statusCode).toBe(403);
    expect((await get(f.xigangReporter, '/api/unitreports/forms/mine')).json<MyFormDto[]>().map((m) => [m.committee, m.name])).toEqual([['西岗区妇儿工委', '西岗区卫生健康局']]);
    // A district office does not see the city's round, only its own upward form of it.
    expect((await get(xigangOffice, `/api/unitreports/rounds/${city.id}`)).json().code).toBe('AUTH_OUT_OF_SCOPE');
    expect((await get(xigangOffice, `/api/unitreports/forms/${healthForm}`)).statusCode).toBe(403);
    // The city office reads the district's round, but the district's own office decides on it.
    const read = (await get(f.cityOffice, `/api/unitreports/rounds/${district.id}`)).json<RoundDto>();
    expect([read.total, read.canManage]).toEqual([3, false]);
    const xigangHealth = formOf(district, '西岗区卫生健康局');
    await fill(f.xigangReporter, xigangHealth, '西岗区卫健局');
    await submit(f.xigangReporter, xigangHealth);
    const foreign = await send(f.cityOffice, 'POST', `/api/unitreports/forms/${xigangHealth}/accept`);
    expect([foreign.statusCode, foreign.json().message]).toEqual([403, '年度报告由西岗区妇儿工委办公室办理']);
    expect((await send(xigangOffice, 'POST', `/api/unitreports/forms/${xigangHealth}/accept`)).statusCode).toBe(200);
    // The city office does not write a department's report for it.
    const other = await send(f.cityOffice, 'PUT', `/api/unitreports/forms/${healthForm}`, { version: 0, content: (await form(f.cityOffice, healthForm)).content, attachmentIds: [] });
    expect(other.statusCode).toBe(403);
  });

  it('refuses a save over a newer version with 409, naming who saved in between', async () => {
    const round = await open(f.cityOffice, f.city.id);
    const id = formOf(round, '卫健委');
    const colleague = await f.user('dalian_weijian_2', 'reporter', f.city.id, cityHealth);
    const read = await form(healthReporter, id);
    const body = (overview: string) => ({ version: read.version, content: { ...read.content, sections: { ...read.content.sections, overview } }, attachmentIds: [] });
    expect((await send(colleague, 'PUT', `/api/unitreports/forms/${id}`, body('同事的综述'))).statusCode).toBe(200);
    const stale = await send(healthReporter, 'PUT', `/api/unitreports/forms/${id}`, body('我的综述'));
    expect([stale.statusCode, stale.json().code, stale.json().message]).toEqual([409, 'UNIT_REPORT_CHANGED', expect.stringContaining('已被')]);
    expect((await form(healthReporter, id)).content.sections.overview).toBe('同事的综述');
    // Submitting over a stale version is refused the same way.
    const late = await send(healthReporter, 'POST', `/api/unitreports/forms/${id}/submit`, { version: read.version });
    expect([late.statusCode, late.json().code]).toEqual([409, 'UNIT_REPORT_CHANGED']);
  });

  it('reminds the units still owing their report, and only those', async () => {
    const round = await open(f.cityOffice, f.city.id);
    const id = formOf(round, '卫健委');
    await fill(healthReporter, id, '市卫健委');
    await submit(healthReporter, id);
    const res = await send(f.cityOffice, 'POST', `/api/unitreports/rounds/${round.id}/remind`, {});
    expect(res.json()).toEqual({ reminded: 3 });
    const bad = await send(f.cityOffice, 'POST', `/api/unitreports/rounds/${round.id}/remind`, { formIds: [id] });
    expect([bad.statusCode, bad.json().message]).toEqual([400, expect.stringContaining('已提交，无需催报')]);
    const reminded = await t.db.kysely.selectFrom('notifications').select('user_id').where('title', '=', '请报送2025年度规划实施情况报告').execute();
    const education = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'dalian_jiaoyu').executeTakeFirstOrThrow();
    const office = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'xigang_office').executeTakeFirstOrThrow();
    expect(reminded.map((r) => r.user_id).sort()).toEqual([education.id, office.id].sort());
    expect((await send(healthReporter, 'POST', `/api/unitreports/rounds/${round.id}/remind`, {})).statusCode).toBe(403);
  });
});
