import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportInput, PreviewDto, WorkPointDto, WorkPointsDto } from '../../../shared/api/workPoints';
import { pointToSave } from '../../../shared/workitems/workPoints';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { handMadeWorkPoints, sheetXlsx } from '../../../../test/support/workPointSheets';
import { testDialect } from '../../../../test/support/testDb';

const SEED = readFileSync(new URL('../../demo/texts/zibo-work-points-2015.txt', import.meta.url), 'utf8');

const outline = (ps: WorkPointDto[]): string[] => ps.flatMap((p) => [`${p.label}${p.title}`, ...outline(p.children).map((c) => `  ${c}`)]);

describe(`work points (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;
  let cityOffice: Session;
  let reporter: Session;
  let unit: number;
  let dept: { finance: number; health: number; foreign: number };

  beforeEach(async () => {
    t = await buildTestApp();
    const city = (await buildOrgUnit(t.db, { name: '山东省', level: 'city' })).id;
    unit = (await buildOrgUnit(t.db, { name: '淄博市', parentId: city })).id;
    dept = {
      finance: await buildDepartment(t.db, unit, '财政局', '淄博市财政局'),
      health: await buildDepartment(t.db, unit, '卫计委', '淄博市卫生和计划生育委员会'),
      foreign: await buildDepartment(t.db, city, '教育厅', '山东省教育厅'),
    };
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: unit })).username);
    cityOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city })).username);
    reporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: unit, departmentId: dept.health })).username);
  });
  afterEach(async () => t.close());

  const preview = (s: Session, file: { name: string; bytes: Uint8Array | string }, year = '') => {
    const form = multipart(file);
    return t.app.inject({ method: 'POST', url: `/api/workpoints/preview?orgUnitId=${unit}${year && `&year=${year}`}`, payload: form.payload, headers: { ...authHeaders(s), ...form.headers } });
  };
  const send = (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(s) });
  const list = async (s: Session, year = 2015) => (await t.app.inject({ url: `/api/workpoints?orgUnitId=${unit}&year=${year}`, headers: authHeaders(s) })).json<WorkPointsDto>();
  const importSeed = async () => {
    const p = (await preview(office, { name: '2015年工作要点.txt', bytes: SEED })).json<PreviewDto>();
    const input: ImportInput = { orgUnitId: unit, year: 2015, points: p.points.map(pointToSave) };
    return { preview: p, input, res: await send(office, 'POST', '/api/workpoints/import', input) };
  };

  it('previews seed 003 with the units it mentions matched by id, saves it, and lets every member department read it', async () => {
    const p = (await preview(office, { name: '2015年工作要点.txt', bytes: SEED })).json<PreviewDto>();
    expect([p.title, p.year, p.points.length, p.warnings]).toEqual(['淄博市妇女儿童工作委员会2015年工作要点', 2015, 5, []]);
    expect(p.points[3]!.children[0]!.mentioned).toEqual([
      { name: '市财政局', departmentId: dept.finance, departmentName: '淄博市财政局' },
      { name: '市卫计委', departmentId: dept.health, departmentName: '淄博市卫生和计划生育委员会' },
    ]);
    expect(await list(office)).toMatchObject({ points: [], years: [] });
    expect((await importSeed()).res.json()).toEqual({ saved: 16, replaced: 0 });

    const saved = await list(reporter);
    expect(saved.canManage).toBe(false);
    expect(outline(saved.points).slice(0, 3)).toEqual(['一、抓住有利契机，推动国策教育培训制度化、常态化', '  1.继续开展男女平等和儿童优先原则宣传月主题活动', '  2.建立男女平等基本国策宣传教育长效机制']);
    expect(saved.points[3]!.children[0]).toMatchObject({ partners: [{ id: dept.finance, name: '淄博市财政局' }, { id: dept.health, name: '淄博市卫生和计划生育委员会' }], mentioned: ['市财政局', '市卫计委'] });
    expect((await list(office)).canManage).toBe(true);
  });

  // GB18030 text goes through the plans' decoder (decodePlanText), tested there.
  it('reads a .docx the same as the text', async () => {
    const doc = new Document({ sections: [{ children: SEED.split('\n').map((line) => new Paragraph(line)) }] });
    const docx = await preview(office, { name: '要点.docx', bytes: await Packer.toBuffer(doc) });
    expect(docx.statusCode, docx.body).toBe(200);
    const txt = await preview(office, { name: '要点.txt', bytes: SEED });
    const titles = (d: PreviewDto) => d.points.flatMap((x) => [x.title, ...x.children.map((c) => c.title)]);
    expect(titles(docx.json<PreviewDto>())).toEqual(titles(txt.json<PreviewDto>()));
    expect(titles(txt.json<PreviewDto>()).length).toBe(16);
  });

  it.each([
    ['text without numbered points', { name: 'a.txt', bytes: '这是一段普通的文字。' }, '没有找到“一、”“1、”这样编号的条目'],
    ['an old .doc file', { name: 'a.doc', bytes: 'x' }, '不支持旧版 Word 格式（.doc）'],
    ['an empty file', { name: 'a.txt', bytes: '' }, '文件为空'],
  ])('refuses %s in Chinese and saves nothing', async (_what, file, message) => {
    const res = await preview(office, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect((await list(office)).years).toEqual([]);
  });

  it('saves all or nothing: a department of another committee deep in the tree refuses the whole import', async () => {
    const { input } = await importSeed();
    const bad = structuredClone(input);
    bad.points[4]!.children[2]!.leadIds = [dept.foreign];
    bad.points[0]!.title = '改过的标题';
    const res = await send(office, 'POST', '/api/workpoints/import', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(`第 5 部分第 3 条“完善督查、会议、信息交流、总结报告、数据统计等各项工作机制”的牵头单位（编号 ${dept.foreign}）不是淄博市妇儿工委的成员单位`);
    expect((await list(office)).points[0]!.title).toBe('抓住有利契机，推动国策教育培训制度化、常态化');
    // Importing again replaces the year while nothing is recorded on it…
    expect((await send(office, 'POST', '/api/workpoints/import', input)).json()).toEqual({ saved: 16, replaced: 16 });
    // …and no more once a 实事项目 has its 备案.
    const item = (await list(office)).points[1]!.children[1]!;
    await send(office, 'PUT', `/api/workpoints/${item.id}`, { version: item.version, title: item.title, text: item.text, practical: true, leadIds: [dept.health] });
    expect((await send(office, 'POST', `/api/workpoints/${item.id}/records`, { kind: 'filing', onDate: '2015-03-10', ref: '淄妇儿工委〔2015〕3号' })).statusCode).toBe(200);
    const again = await send(office, 'POST', '/api/workpoints/import', input);
    expect([again.statusCode, again.json().code]).toEqual([409, 'WORK_POINTS_HAVE_RECORDS']);
    expect((await list(office)).points[1]!.children[1]!.state).toBe('filed');
  });

  it('edits the tree by hand: add, edit, reorder, delete without records; three levels at most', async () => {
    const add = async (parentId: number | null, title: string, extra: object = {}) => {
      const res = await send(office, 'POST', '/api/workpoints', { orgUnitId: unit, year: 2016, parentId, title, ...extra });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: number }>().id;
    };
    const s1 = await add(null, '加强组织领导');
    const a = await add(s1, '召开全体委员会议', { dueOn: '2016-06-30', leadIds: [dept.health], partnerIds: [dept.finance, dept.health] });
    const b = await add(s1, '开展统计监测');
    const sub = await add(b, '印发监测方案');
    const deeper = await send(office, 'POST', '/api/workpoints', { orgUnitId: unit, year: 2016, parentId: sub, title: '第四级' });
    expect(deeper.json().message).toContain('工作要点最多 3 级');
    expect((await send(office, 'POST', `/api/workpoints/${b}/move`, { direction: 'up' })).statusCode).toBe(200);
    await send(office, 'PUT', `/api/workpoints/${a}`, { version: 0, title: '召开妇儿工委全体会议', text: '上半年召开', dueOn: '2016-06-30', leadIds: [dept.health], partnerIds: [dept.finance] });
    let tree = (await list(office, 2016)).points;
    expect(outline(tree)).toEqual(['一、加强组织领导', '  1.开展统计监测', '    （1）印发监测方案', '  2.召开妇儿工委全体会议']);
    // A lead is not also a partner; departments are kept by id.
    expect(tree[0]!.children[1]).toMatchObject({ dueOn: '2016-06-30', leads: [{ id: dept.health }], partners: [{ id: dept.finance }], text: '上半年召开' });

    expect((await send(office, 'DELETE', `/api/workpoints/${b}`)).statusCode).toBe(200);
    tree = (await list(office, 2016)).points;
    expect(outline(tree)).toEqual(['一、加强组织领导', '  1.召开妇儿工委全体会议']);
    await send(office, 'PUT', `/api/workpoints/${a}`, { version: 1, title: '召开妇儿工委全体会议', practical: true });
    await send(office, 'POST', `/api/workpoints/${a}/records`, { kind: 'notice', onDate: '2016-07-01', text: '上半年已召开' });
    const refused = await send(office, 'DELETE', `/api/workpoints/${s1}`);
    expect([refused.statusCode, refused.json().message]).toEqual([409, '“加强组织领导”或其下的条目已有备案、通报、督办或关联的重要事项，不能删除']);
  });

  it('keeps the history of 备案 and 通报 and exports the year as xlsx', async () => {
    await importSeed();
    const item = (await list(office)).points[3]!.children[0]!;
    const record = (payload: object) => send(office, 'POST', `/api/workpoints/${item.id}/records`, payload);
    expect((await record({ kind: 'filing', onDate: '2015-03-01', ref: 'x' })).json().message).toContain('不是实事项目');
    await send(office, 'PUT', `/api/workpoints/${item.id}`, { version: item.version, title: item.title, text: item.text, practical: true, dueOn: '2015-12-31', leadIds: [dept.health], partnerIds: [dept.finance] });
    expect((await record({ kind: 'filing', onDate: '2015-03-01', ref: '' })).json().message).toContain('备案须填写备案文号或文件名');
    await record({ kind: 'filing', onDate: '2015-03-01', ref: '淄妇儿工委〔2015〕3号' });
    await record({ kind: 'notice', onDate: '2015-07-10', text: '上半年完成检查3.2万人' });
    const saved = (await list(office)).points[3]!.children[0]!;
    expect([saved.state, saved.records.map((r) => [r.kind, r.onDate]), saved.deletable]).toEqual(['notified', [['filing', '2015-03-01'], ['notice', '2015-07-10']], false]);

    const res = await t.app.inject({ url: `/api/workpoints/export.xlsx?orgUnitId=${unit}&year=2015`, headers: authHeaders(reporter) });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['淄博市妇女儿童工作委员会2015年工作要点']);
    expect(rows.length).toBe(2 + 16);
    expect(rows.find((r) => r[0] === '四、1.')).toEqual([
      '四、1.', '进一步推动党委政府加大“两癌”检查力度', item.text, '淄博市卫生和计划生育委员会', '淄博市财政局', '2015-12-31', '是', '已通报', '2015-03-01 淄妇儿工委〔2015〕3号', '2015-07-10 上半年完成检查3.2万人', '',
    ]);
  });

  it('imports its own export edited in Excel: the same tree, with the edit', async () => {
    await importSeed();
    const item = (await list(office)).points[3]!.children[0]!;
    await send(office, 'PUT', `/api/workpoints/${item.id}`, { version: item.version, title: item.title, text: item.text, practical: true, dueOn: '2015-09-30', leadIds: [dept.health], partnerIds: [dept.finance] });
    const tree = (ps: WorkPointDto[]): unknown[] =>
      ps.map((p) => ({ level: p.level, label: p.label, title: p.title, text: p.text, dueOn: p.dueOn, practical: p.practical, leads: p.leads.map((d) => d.id), partners: p.partners.map((d) => d.id), children: tree(p.children) }));
    const before = tree((await list(office)).points);

    const exported = await t.app.inject({ url: `/api/workpoints/export.xlsx?orgUnitId=${unit}&year=2015`, headers: authHeaders(office) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const reimport = async () => {
      const p = await preview(office, { name: '工作要点.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) });
      expect(p.statusCode, p.body).toBe(200);
      const parsed = p.json<PreviewDto>();
      expect([parsed.title, parsed.year]).toEqual(['淄博市妇女儿童工作委员会2015年工作要点', 2015]);
      expect((await send(office, 'POST', '/api/workpoints/import', { orgUnitId: unit, year: 2015, points: parsed.points.map(pointToSave) })).json()).toEqual({ saved: 16, replaced: 16 });
      return tree((await list(office)).points);
    };
    expect(await reimport()).toEqual(before);

    // Edited in Excel: a title changed, a point marked 实事项目 with a date typed as a date.
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).text === '五、1.')!;
    row.getCell(2).value = '组织开展妇女儿童专题调研（两项）';
    row.getCell(6).value = new Date(Date.UTC(2015, 10, 30));
    row.getCell(7).value = '是';
    const after = await reimport();
    const edited = (after[4] as { children: object[] }).children[0];
    expect(edited).toMatchObject({ label: '1.', title: '组织开展妇女儿童专题调研（两项）', dueOn: '2015-11-30', practical: true });
    expect(after.filter((_, i) => i !== 4)).toEqual(before.filter((_, i) => i !== 4));
  });

  it('previews a sheet made by hand with its units matched by id, and refuses a bad sheet naming the cell, writing nothing', async () => {
    const p = await preview(office, { name: '手工要点.xlsx', bytes: await handMadeWorkPoints() }, '2015');
    expect(p.statusCode, p.body).toBe(200);
    const parsed = p.json<PreviewDto>();
    expect(parsed.points.map((x) => [x.label, x.title, x.children.length])).toEqual([['一、', '加强组织领导', 2], ['二、', '保障妇女儿童健康', 2]]);
    const screening = parsed.points[1]!.children[0]!;
    expect([screening.title, screening.dueOn, screening.practical]).toEqual(['推进“两癌”免费检查', '2015-12-31', true]);
    expect(screening.partners[0]).toEqual({ name: '市财政局', departmentId: dept.finance, departmentName: '淄博市财政局' });
    expect(parsed.warnings).toContainEqual({ line: 8, message: '第 8 行的“市卫生健康委员会”不是淄博市妇儿工委的成员单位，请在保存前选择' });

    const bad = await preview(office, { name: '要点.xlsx', bytes: await sheetXlsx([['序号', '工作要点', '实事项目'], [1, '召开会议', '也许']], { name: '要点' }) }, '2015');
    expect([bad.statusCode, bad.json().code, bad.json().message]).toEqual([400, 'WORK_POINTS_INVALID', '工作表“要点”第 2 行 C 列（实事项目）“也许”无法识别：请填“是”或留空']);
    expect((await list(office)).points).toEqual([]);
  });

  it('links a point to the key items that carry it out, shown on both', async () => {
    await importSeed();
    const keyItem = async (year: number) => (await t.db.kysely.insertInto('key_items').values({ org_unit_id: unit, year, no: 1, name: '两癌检查', summary: '', source_name: 't.txt', created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const [same, other] = [await keyItem(2015), await keyItem(2016)];
    const point = (await list(office)).points[3]!.children[0]!;
    const foreign = await send(office, 'PUT', `/api/workpoints/${point.id}/key-items`, { keyItemIds: [other] });
    expect(foreign.json().message).toContain(`重要事项（编号 ${other}）不是本单位 2015 年的重要事项`);
    expect((await send(office, 'PUT', `/api/workpoints/${point.id}/key-items`, { keyItemIds: [same] })).statusCode).toBe(200);
    expect((await list(reporter)).points[3]!.children[0]).toMatchObject({ keyItems: [{ id: same, no: 1, name: '两癌检查' }], deletable: false });
    const item = await t.app.inject({ url: `/api/workitems/key-items/${same}`, headers: authHeaders(office) });
    expect(item.json().workPoints).toEqual([{ id: point.id, title: '进一步推动党委政府加大“两癌”检查力度' }]);
  });

  it('lets only the committee’s own office write: not the office above, not a member department', async () => {
    const body = { orgUnitId: unit, year: 2016, parentId: null, title: '加强组织领导' };
    const above = await send(cityOffice, 'POST', '/api/workpoints', body);
    expect([above.statusCode, above.json().message]).toEqual([403, '工作要点由淄博市妇儿工委办公室编制']);
    expect((await send(reporter, 'POST', '/api/workpoints', body)).statusCode).toBe(403);
    const res = await preview(reporter, { name: 'a.txt', bytes: SEED });
    expect(res.statusCode).toBe(403);
    // The office above reads the year's points of the units below it.
    expect((await list(cityOffice)).canManage).toBe(false);
  });
});
