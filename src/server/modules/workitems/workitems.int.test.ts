import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResultDto, IndicatorSupervisionDto, KeyItemDto, KeyItemListDto, SupervisionDto } from '../../../shared/api/workitems';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment, buildRatioIndicator } from '../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../test/support/testDb';

const SEED = readFileSync(new URL('../../demo/texts/yantai-key-items-2023.txt', import.meta.url), 'utf8');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe(`key items and 督办 (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;
  let health: Session;
  let education: Session;
  let city: number;
  let dept: { health: number; education: number };

  beforeEach(async () => {
    t = await buildTestApp();
    city = (await buildOrgUnit(t.db, { name: '大连市', level: 'city' })).id;
    dept = {
      health: await buildDepartment(t.db, city, '卫健委', '大连市卫生健康委员会'),
      education: await buildDepartment(t.db, city, '教育局', '大连市教育局'),
    };
    await buildDepartment(t.db, city, '妇联', '大连市妇女联合会');
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city })).username);
    health = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: city, departmentId: dept.health })).username);
    education = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: city, departmentId: dept.education })).username);
  });
  afterEach(async () => t.close());

  const importTable = (s: Session, dryRun: boolean, file: { name: string; bytes: Uint8Array | string } = { name: '重要事项.txt', bytes: SEED }, year = 2026) => {
    const form = multipart(file);
    return t.app.inject({ method: 'POST', url: `/api/workitems/import?orgUnitId=${city}&year=${year}&dryRun=${dryRun}`, payload: form.payload, headers: { ...authHeaders(s), ...form.headers } });
  };
  const send = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: authHeaders(s) });
  const items = async (s: Session) => (await t.app.inject({ url: `/api/workitems/key-items?orgUnitId=${city}`, headers: authHeaders(s) })).json<KeyItemListDto>();

  it('previews, then saves a year’s table; names that match no member department stay text with a warning', async () => {
    const preview = await importTable(office, true);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<ImportResultDto>();
    expect([p.year, p.items.length, p.saved]).toEqual([2026, 20, false]);
    expect(p.items[0]!.leads).toEqual([{ name: '市卫生健康委', departmentId: dept.health, departmentName: '大连市卫生健康委员会' }]);
    expect(p.items[0]!.milestones.map((m) => [m.period, m.value, m.unit, m.due])).toEqual([['annual', 22, '万人', '2026-12-31'], ['H1', 10, '万人', '2026-06-30'], ['H2', 12, '万人', '2026-12-31']]);
    expect(p.warnings.map((w) => w.message)).toContain('第 14 项的“市残联”不是大连市妇儿工委的成员单位，按文字保存（无法在平台上报送进展）');
    expect((await items(office)).items).toEqual([]);

    const saved = await importTable(office, false);
    expect(saved.json<ImportResultDto>()).toMatchObject({ saved: true, replaced: 0 });
    const list = await items(office);
    expect([list.year, list.items.length, list.canManage]).toEqual([2026, 20, true]);
    // A member department sees the items it is named on: 卫健委 leads 1, 2 and 13.
    expect((await items(health)).items.map((i) => i.no)).toEqual([1, 2, 13]);
    // A second save of the same year replaces the items while nobody has reported.
    expect((await importTable(office, false)).json<ImportResultDto>().replaced).toBe(20);
  });

  it('imports the same table from an xlsx with a merged plan cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.addRow(['2025年重要事项推进计划表']);
    sheet.addRow(['序号', '事项名称', '事项简介', '年度任务目标', '上半年', '下半年', '牵头单位']);
    sheet.addRow([1, '提升体质健康达标优良率', '', '达标优良率达到52%。', '本目标为年度目标。', '', '市教育局']);
    sheet.mergeCells('E3:F3');
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await importTable(office, true, { name: 'items.xlsx', bytes }, 2025);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportResultDto>().items[0]).toMatchObject({ leads: [{ departmentId: dept.education }], milestones: [{ period: 'annual', value: 52, unit: '%' }, { period: 'H1' }] });
  });

  it.each([
    ['a file that is no table', { name: 'x.txt', bytes: '会议纪要' }, 400, '未识别到重要事项'],
    ['a Word file', { name: 'x.doc', bytes: 'abc' }, 400, '不支持的文件类型'],
  ])('refuses %s in Chinese and saves nothing', async (_what, file, status, message) => {
    const res = await importTable(office, false, file);
    expect([res.statusCode, res.json().message]).toEqual([status, expect.stringContaining(message)]);
    expect((await items(office)).items).toEqual([]);
  });

  it('takes progress from the lead unit with an evidence file and partners’ parts; then the table cannot be replaced', async () => {
    await importTable(office, false);
    const item1 = (await items(office)).items[0]!;
    const h1 = item1.milestones.find((m) => m.period === 'H1')!;
    const form = multipart({ name: '两癌检查进度.png', bytes: PNG });
    const file = await t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=key_item_report', payload: form.payload, headers: { ...authHeaders(health), ...form.headers } });
    expect(file.statusCode, file.body).toBe(200);

    const report = (s: Session, body: object) => send(s, `/api/workitems/milestones/${h1.id}/reports`, { value: null, completed: false, attachmentIds: [], text: '进展', ...body });
    // Not one of the item's units; a report for another department.
    expect((await report(education, { departmentId: dept.education })).statusCode).toBe(400);
    expect((await report(education, { departmentId: dept.health })).statusCode).toBe(403);
    const partial = await report(health, { departmentId: dept.health, value: 6.5, text: '已完成 6.5 万人' });
    expect(partial.json<{ item: KeyItemDto }>().item.milestones.find((m) => m.period === 'H1')).toMatchObject({ achieved: 6.5 });
    const done = await report(health, { departmentId: dept.health, value: 10.3, text: '上半年完成 10.3 万人，质控方案已印发', attachmentIds: [file.json().id] });
    expect(done.statusCode, done.body).toBe(200);
    const m = done.json<{ item: KeyItemDto }>().item.milestones.find((x) => x.period === 'H1')!;
    expect([m.status, m.achieved, m.reports.length, m.reports[1]!.attachments.map((a) => a.name)]).toEqual(['met', 10.3, 2, ['两癌检查进度.png']]);
    // The office may read the evidence; another department may not.
    const url = m.reports[1]!.attachments[0]!.url;
    expect((await t.app.inject({ url, headers: authHeaders(office) })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: authHeaders(education) })).statusCode).toBe(404);

    const again = await importTable(office, false);
    expect([again.statusCode, again.json().code]).toEqual([409, 'KEY_ITEMS_HAVE_PROGRESS']);
    const docx = await t.app.inject({ url: `/api/workitems/bulletin.docx?orgUnitId=${city}&year=2026&period=H1`, headers: authHeaders(office) });
    expect([docx.statusCode, docx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.app.inject({ url: `/api/workitems/bulletin.xlsx?orgUnitId=${city}&year=2026&period=H1`, headers: authHeaders(office) })).rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[2] === '扩大农村适龄妇女、城镇低保家庭妇女宫颈癌和乳腺癌检查覆盖面')?.slice(5, 12)).toEqual(['上半年', '完成10万人，制定“两癌”检查质控方案。', 10, '万人', '2026-06-30', 10.3, '已完成']);
  });

  // [steps before, who acts, action, expected status, state after]
  const STEPS: [string[], 'office' | 'health' | 'education', 'reply' | 'press' | 'close', number, SupervisionDto['state'] | null][] = [
    [[], 'health', 'reply', 200, 'replied'],
    [[], 'education', 'reply', 403, 'open'],
    [[], 'office', 'press', 200, 'open'],
    [[], 'office', 'close', 200, 'closed'],
    [['reply'], 'health', 'reply', 409, 'replied'],
    [['reply'], 'office', 'press', 200, 'open'],
    [['reply'], 'office', 'close', 200, 'closed'],
    [['reply'], 'health', 'close', 403, 'replied'],
    [['close'], 'health', 'reply', 409, 'closed'],
    [['close'], 'office', 'press', 409, 'closed'],
  ];
  it.each(STEPS)('督办 after %j: %s %s → %i, %s', async (before, who, action, status, after) => {
    await importTable(office, false);
    const item = (await items(office)).items[0]!;
    const issued = await send(office, '/api/supervisions', { orgUnitId: city, departmentId: dept.health, itemId: item.id, indicatorId: null, subject: '两癌检查上半年进度滞后', request: '请说明原因和措施', dueOn: '2099-07-15' });
    expect(issued.statusCode, issued.body).toBe(200);
    const id = issued.json<SupervisionDto>().id;
    const sessions = { office, health, education };
    for (const step of before) expect((await send(step === 'reply' ? health : office, `/api/supervisions/${id}/actions`, { action: step, text: '办理' })).statusCode).toBe(200);
    const res = await send(sessions[who], `/api/supervisions/${id}/actions`, { action, text: '意见', dueOn: action === 'press' ? '2099-08-01' : undefined });
    expect(res.statusCode, res.body).toBe(status);
    const now = (await t.app.inject({ url: `/api/supervisions/${id}`, headers: authHeaders(office) })).json<SupervisionDto>();
    expect(now.state).toBe(after);
    expect(now.events.map((e) => e.action)).toEqual(['issue', ...before, ...(status === 200 ? [action] : [])]);
    if (action === 'press' && status === 200) expect([now.round, now.dueOn]).toEqual([2, '2099-08-01']);
  });

  it('shows open 督办 to the department it went to, not to others, and counts them on the item', async () => {
    await importTable(office, false);
    const item = (await items(office)).items[0]!;
    await send(office, '/api/supervisions', { orgUnitId: city, departmentId: dept.health, itemId: item.id, indicatorId: null, subject: '进度滞后', request: '请加快', dueOn: '2099-07-15' });
    const open = (s: Session) => t.app.inject({ url: '/api/supervisions', headers: authHeaders(s) }).then((r) => r.json<SupervisionDto[]>());
    expect((await open(health)).map((s) => [s.subject, s.canReply, s.canManage])).toEqual([['进度滞后', true, false]]);
    expect(await open(education)).toEqual([]);
    expect((await open(office)).map((s) => [s.canReply, s.canManage])).toEqual([[false, true]]);
    expect((await items(office)).items[0]!.openSupervisions).toBe(1);
    // A past deadline is refused.
    const past = await send(office, '/api/supervisions', { orgUnitId: city, departmentId: dept.health, itemId: null, indicatorId: null, subject: '过期', request: '请加快', dueOn: '2020-01-01' });
    expect(past.statusCode).toBe(400);
  });

  it('puts a lagging indicator under 督办 with its responsible department at the unit, found by id along counterparts', async () => {
    const mmr = await buildRatioIndicator(t.db, { dept: '卫健委' });
    const district = (await buildOrgUnit(t.db, { name: '西岗区', parentId: city })).id;
    // Named differently from the city's: the counterpart link decides, not the name.
    const xgHealth = await buildDepartment(t.db, district, '卫健委', '西岗区卫生健康局');
    await buildDepartment(t.db, district, '教育局', '西岗区教育局');
    const context = async (s: Session, orgUnitId: number) => t.app.inject({ url: `/api/supervisions/indicator?indicatorId=${mmr.id}&orgUnitId=${orgUnitId}`, headers: authHeaders(s) });
    const atDistrict = (await context(office, district)).json<IndicatorSupervisionDto>();
    expect([atDistrict.departmentId, atDistrict.departments.map((d) => d.name), atDistrict.open]).toEqual([xgHealth, ['西岗区卫生健康局', '西岗区教育局'], 0]);
    expect((await context(office, city)).json<IndicatorSupervisionDto>().departmentId).toBe(dept.health);
    expect((await context(health, city)).statusCode).toBe(403);

    const issued = await send(office, '/api/supervisions', { orgUnitId: district, departmentId: xgHealth, itemId: null, indicatorId: mmr.id, subject: '孕产妇死亡率预计达标困难', request: '请分析原因，提出措施', dueOn: '2099-07-15' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json<SupervisionDto>()).toMatchObject({ indicator: { id: mmr.id, name: '孕产妇死亡率' }, item: null, workPoint: null, department: { id: xgHealth } });
    expect((await context(office, district)).json<IndicatorSupervisionDto>().open).toBe(1);
    const ofIndicator = await t.app.inject({ url: `/api/supervisions?indicatorId=${mmr.id}&state=all`, headers: authHeaders(office) });
    expect(ofIndicator.json<SupervisionDto[]>().map((s) => s.subject)).toEqual(['孕产妇死亡率预计达标困难']);
    // One subject per 督办.
    await importTable(office, false);
    const item = (await items(office)).items[0]!;
    const both = await send(office, '/api/supervisions', { orgUnitId: city, departmentId: dept.health, itemId: item.id, indicatorId: mmr.id, subject: '两项', request: '请加快', dueOn: '2099-07-15' });
    expect([both.statusCode, both.json().message]).toEqual([400, expect.stringContaining('一项督办只针对一个对象')]);
  });
});
