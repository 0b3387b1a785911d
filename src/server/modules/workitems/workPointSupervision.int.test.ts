import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkPointDto, WorkPointsDto } from '../../../shared/api/workPoints';
import type { SupervisionDto } from '../../../shared/api/workitems';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment } from '../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../test/support/testDb';

describe(`督办 on work points, and saves that lose nobody's edit (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;
  let colleague: Session;
  let reporter: Session;
  let unit: number;
  let other: number;
  let dept: { health: number; finance: number };
  let point: WorkPointDto;

  const send = (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(s) });
  const points = async (s: Session) => (await t.app.inject({ url: `/api/workpoints?orgUnitId=${unit}&year=2026`, headers: authHeaders(s) })).json<WorkPointsDto>().points;
  const issue = (payload: object) => send(office, 'POST', '/api/supervisions', { orgUnitId: unit, departmentId: dept.health, itemId: null, indicatorId: null, subject: '实事项目尚未备案', request: '请报送备案材料', dueOn: '2099-07-15', ...payload });
  const edit = (s: Session, version: number, title: string) => send(s, 'PUT', `/api/workpoints/${point.id}`, { version, title, practical: true, leadIds: [dept.health] });

  beforeEach(async () => {
    t = await buildTestApp();
    unit = (await buildOrgUnit(t.db, { name: '淄博市', level: 'city' })).id;
    other = (await buildOrgUnit(t.db, { name: '张店区', parentId: unit })).id;
    dept = { health: await buildDepartment(t.db, unit, '卫健委', '淄博市卫生健康委员会'), finance: await buildDepartment(t.db, unit, '财政局', '淄博市财政局') };
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: unit, username: 'zhang' })).username);
    colleague = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: unit, username: 'li' })).username);
    reporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: unit, departmentId: dept.health })).username);
    const section = (await send(office, 'POST', '/api/workpoints', { orgUnitId: unit, year: 2026, parentId: null, title: '实施妇女儿童民生实事' })).json<{ id: number }>().id;
    await send(office, 'POST', '/api/workpoints', { orgUnitId: unit, year: 2026, parentId: section, title: '建设儿童友好公园', practical: true, leadIds: [dept.health] });
    point = (await points(office))[0]!.children[0]!;
  });
  afterEach(async () => t.close());

  it('puts a 实事项目 under 督办: the point shows it open, the department answers, and the point cannot be deleted', async () => {
    const issued = await issue({ workPointId: point.id });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json<SupervisionDto>()).toMatchObject({ workPoint: { id: point.id, title: '建设儿童友好公园', year: 2026 }, item: null, indicator: null });
    expect((await points(reporter))[0]!.children[0]).toMatchObject({ openSupervisions: 1, deletable: false });
    const mine = await t.app.inject({ url: `/api/supervisions?workPointId=${point.id}`, headers: authHeaders(reporter) });
    expect(mine.json<SupervisionDto[]>().map((s) => [s.subject, s.canReply])).toEqual([['实事项目尚未备案', true]]);

    const refused = await send(office, 'DELETE', `/api/workpoints/${point.id}`);
    expect([refused.statusCode, refused.json().message]).toEqual([409, '“建设儿童友好公园”已有备案、通报、督办或关联的重要事项，不能删除']);
    // Closed, it no longer counts as open, but stays on the point's history.
    await send(office, 'POST', `/api/supervisions/${issued.json<SupervisionDto>().id}/actions`, { action: 'close', text: '已备案' });
    expect((await points(office))[0]!.children[0]).toMatchObject({ openSupervisions: 0, deletable: false });
  });

  it('refuses a 督办 on a point of another unit, or on two subjects at once', async () => {
    const theirs = (await t.db.kysely.insertInto('work_points').values({ org_unit_id: other, year: 2026, parent_id: null, sort: 0, title: '区级要点', body: '', due_on: null, practical: 0, source_line: null, is_demo: 0, created_by: null, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
    const wrongUnit = await issue({ workPointId: theirs });
    expect([wrongUnit.statusCode, wrongUnit.json().message]).toEqual([400, expect.stringContaining('督办的工作要点不属于本单位')]);
    const item = (await t.db.kysely.insertInto('key_items').values({ org_unit_id: unit, year: 2026, no: 1, name: '儿童友好城市建设', summary: '', source_name: 't.txt', created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const two = await issue({ workPointId: point.id, itemId: item });
    expect([two.statusCode, two.json().message]).toEqual([400, expect.stringContaining('一项督办只针对一个对象')]);
    expect((await points(office))[0]!.children[0]!.openSupervisions).toBe(0);
  });

  it('refuses the second of two saves made from the same version, naming who saved first; nothing of it is written', async () => {
    expect(point.version).toBe(0);
    expect((await edit(office, 0, '建设儿童友好公园（一期）')).statusCode).toBe(200);
    const stale = await edit(colleague, 0, '建设儿童友好公园和儿童之家');
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'WORK_POINT_CHANGED']);
    expect(stale.json().message).toMatch(/^“建设儿童友好公园（一期）”已被测试用户zhang于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} 修改，请刷新后再改（您的修改尚未保存）$/);
    const now = (await points(office))[0]!.children[0]!;
    expect([now.title, now.version]).toEqual(['建设儿童友好公园（一期）', 1]);
    // From the version now shown, the colleague's save goes through.
    expect((await edit(colleague, now.version, '建设儿童友好公园和儿童之家')).statusCode).toBe(200);
    expect((await points(office))[0]!.children[0]).toMatchObject({ title: '建设儿童友好公园和儿童之家', version: 2 });
  });

  it('lets exactly one of two simultaneous saves from one version through', async () => {
    const results = await Promise.all([edit(office, 0, '甲的标题'), edit(colleague, 0, '乙的标题'), edit(office, 0, '丙的标题')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = ['甲的标题', '乙的标题', '丙的标题'][results.findIndex((r) => r.statusCode === 200)];
    expect((await points(office))[0]!.children[0]).toMatchObject({ title: winner, version: 1, leads: [{ id: dept.health }] });
  });
});
