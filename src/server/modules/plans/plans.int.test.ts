import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp,
} from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import type { PlanDetailDto, PlanImportDto, PlanPreviewDto, PlanSummaryDto } from '../../../shared/api/plans';
import { seedText } from '../../../shared/plan-text/testTexts';

const DALIAN = seedText('dalian');

async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(doc);
}

describe(`plans (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;
  let city: { id: number; name: string };

  beforeEach(async () => {
    t = await buildTestApp();
    city = await buildOrgUnit(t.db, { name: '大连市', code: '210200', level: 'city' });
    const user = await buildUser(t.db, { role: 'office', orgUnitId: city.id });
    office = await login(t.app, user.username);
  });
  afterEach(async () => t.close());

  const upload = (url: string, session: Session, file: { name: string; bytes: Uint8Array | string }, fields?: Record<string, string>) => {
    const body = multipart(file, fields);
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...authHeaders(session) } });
  };
  const planCount = async () => (await t.db.kysely.selectFrom('plans').select('id').execute()).length;

  it('previews without writing, then imports in one go; the owner comes from the title', async () => {
    const preview = await upload('/api/plans/preview', office, { name: '大连市妇女发展规划.txt', bytes: DALIAN });
    expect(preview.statusCode).toBe(200);
    const body = preview.json<PlanPreviewDto>();
    const plan = body.result.plans[0]!;
    expect([plan.areas.length, plan.areas.reduce((n, a) => n + a.goals.length, 0), plan.areas.reduce((n, a) => n + a.measures.length, 0)]).toEqual([8, 82, 96]);
    expect(body.outcomes).toEqual([{
      planId: null, title: '大连市妇女发展规划', orgUnit: city, outcome: 'created', changes: { added: [], changed: [], removed: [], details: [] },
      links: { linked: [], ambiguous: [], carried: [], flagged: [], restored: [] },
    }]);
    expect(await planCount()).toBe(0);

    const imported = await upload('/api/plans/import', office, { name: '大连市妇女发展规划.txt', bytes: DALIAN });
    expect(imported.statusCode).toBe(200);
    const planId = imported.json<PlanImportDto>().outcomes[0]!.planId!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: office.cookie } })).json<PlanDetailDto>();
    expect(detail.counts).toEqual({ areas: 8, goals: 82, measures: 96, targets: 75 });
    const health = detail.areas[0]!;
    expect(health.title).toBe('妇女与健康');
    expect(health.goals[1]!.targets.map((x) => [x.indicator, x.comparator, x.value, x.unit, x.year])).toEqual([
      ['孕产妇系统管理率', '>=', 95, '%', null],
      ['孕产妇死亡率', '<=', 9, '/10万', 2025],
      ['孕产妇死亡率', '<=', 8, '/10万', 2030],
      ['城乡差距', 'decrease', null, null, null],
    ]);

    const source = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/source`, headers: { cookie: office.cookie } })).json<{ text: string }>();
    expect(source.text).toBe(DALIAN);
    expect(source.text.split('\n')[health.goals[1]!.lineStart - 1]).toContain(health.goals[1]!.text);
  });

  it('re-importing the same text changes nothing and says so', async () => {
    await upload('/api/plans/import', office, { name: 'a.txt', bytes: DALIAN });
    const again = await upload('/api/plans/import', office, { name: 'a.txt', bytes: DALIAN });
    expect(again.json<PlanImportDto>().outcomes[0]).toMatchObject({ outcome: 'unchanged', changes: { added: [], changed: [], removed: [] } });
    expect(await planCount()).toBe(1);
  });

  it('updates a revised text in place and reports what was added, changed and removed, keeping hand edits of unchanged goals', async () => {
    const first = (await upload('/api/plans/import', office, { name: 'a.txt', bytes: DALIAN })).json<PlanImportDto>();
    const planId = first.outcomes[0]!.planId!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: office.cookie } })).json<PlanDetailDto>();
    const kept = detail.areas[0]!.goals[1]!.targets[0]!; // 孕产妇系统管理率 ≥ 95%, goal 2 stays the same
    const edit = await t.app.inject({
      method: 'PATCH', url: `/api/targets/${kept.id}`, headers: authHeaders(office),
      payload: { indicator: '孕产妇系统管理率', comparator: '>=', value: 96, unit: '%', year: 2030, baseYear: null },
    });
    expect(edit.statusCode).toBe(200);

    const revised = DALIAN
      .replace('8.预防和减少孕产妇贫血，孕妇贫血率力争到 2030 年控制在 10%以下。', '8.预防和减少孕产妇贫血，孕妇贫血率力争到 2030 年控制在 9%以下。')
      .replace('13. 女性药品、化妆品质量抽检合格率达到 95% 以上。', '13. 女性药品、化妆品质量抽检合格率达到 95% 以上。\n\n14. 妇女健康信息化服务水平明显提升。')
      .replace(/\n14\.加强女性相关产品的质量监督。[^\n]*\n/, '\n');
    const preview = (await upload('/api/plans/preview', office, { name: 'b.txt', bytes: revised })).json<PlanPreviewDto>();
    expect(preview.outcomes[0]).toMatchObject({
      planId,
      outcome: 'updated',
      changes: { added: ['（一）妇女与健康 目标14'], changed: ['（一）妇女与健康 目标8', '（一）妇女与健康 目标13'], removed: ['（一）妇女与健康 措施14'] },
    });
    const result = (await upload('/api/plans/import', office, { name: 'b.txt', bytes: revised })).json<PlanImportDto>();
    expect(result.outcomes[0]).toEqual(preview.outcomes[0]);

    const after = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: office.cookie } })).json<PlanDetailDto>();
    expect(after.counts).toMatchObject({ goals: 83, measures: 95 });
    expect(after.areas[0]!.goals[7]!.targets[0]).toMatchObject({ indicator: '孕妇贫血率', value: 9, edited: false });
    expect(after.areas[0]!.goals[1]!.targets[0]).toMatchObject({ id: kept.id, value: 96, year: 2030, edited: true });
  });

  it('imports a .docx the same as its text: plans, areas, goals, measures and targets field by field', async () => {
    const preview = async (file: { name: string; bytes: Uint8Array | string }) => {
      const res = await upload('/api/plans/preview', office, file);
      expect(res.statusCode).toBe(200);
      return res.json<PlanPreviewDto>().result;
    };
    const fromDocx = await preview({ name: '规划.docx', bytes: await docxOf(DALIAN) });
    const fromText = await preview({ name: '规划.txt', bytes: DALIAN });
    // Word gives paragraphs, not the text file's lines: everything but the line numbers must agree.
    const withoutLines = (result: PlanPreviewDto['result']) =>
      JSON.parse(JSON.stringify(result, (key, value: unknown) => (['line', 'lineStart', 'lineEnd'].includes(key) ? undefined : value)));
    expect(withoutLines(fromDocx)).toEqual(withoutLines(fromText));
    const plan = fromDocx.plans[0]!;
    expect(plan.areas.map((a) => a.goals.length)).toEqual([13, 10, 10, 12, 9, 9, 10, 9]);
    expect(plan.areas.reduce((n, a) => n + a.goals.reduce((m, g) => m + g.targets.length, 0), 0)).toBe(75);
  });

  it.each([
    ['an empty file', { name: 'empty.txt', bytes: '' }, '文件为空'],
    ['an image', { name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }, '不支持的文件类型“.png”'],
    ['binary content in a .txt', { name: 'x.txt', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 0]) }, '不是文本文件'],
    ['a broken .docx', { name: 'broken.docx', bytes: 'PK\u0003\u0004 not really a zip' }, '无法读取 .docx 文件'],
    ['a text that is not a plan', { name: 'notes.txt', bytes: '2023年重点工作\n\n1.召开会议。' }, '未识别到发展规划'],
    ['an old .doc', { name: 'old.doc', bytes: 'x' }, '另存为 .docx'],
  ])('refuses %s with a Chinese reason and writes nothing', async (_name, file, message) => {
    for (const url of ['/api/plans/preview', '/api/plans/import']) {
      const res = await upload(url, office, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(message);
    }
    expect(await planCount()).toBe(0);
  });

  it('answers a cut-off upload with a Chinese 400', async () => {
    const body = multipart({ name: 'a.txt', bytes: DALIAN });
    const res = await t.app.inject({
      method: 'POST', url: '/api/plans/preview', payload: body.payload.subarray(0, 200), headers: { ...body.headers, ...authHeaders(office) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UPLOAD_MALFORMED', message: expect.stringContaining('上传内容不完整') });
  });

  it('refuses a plan whose owner cannot be told from its title, unless one is chosen', async () => {
    const text = DALIAN.replace('大连市妇女发展规划', '某某市妇女发展规划');
    const res = await upload('/api/plans/preview', office, { name: 'x.txt', bytes: text });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'PLAN_ORG_UNKNOWN' });
    const chosen = await upload('/api/plans/preview', office, { name: 'x.txt', bytes: text }, { orgUnitId: String(city.id) });
    expect(chosen.json<PlanPreviewDto>().outcomes[0]!.orgUnit).toEqual(city);
  });

  it('lets only the office of the owning unit or above import and edit', async () => {
    const district = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    const districtOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: district.id })).username);
    const leader = await login(t.app, (await buildUser(t.db, { role: 'leader', orgUnitId: city.id })).username);

    const byDistrict = await upload('/api/plans/import', districtOffice, { name: 'a.txt', bytes: DALIAN });
    expect(byDistrict.statusCode).toBe(403);
    expect(byDistrict.json().code).toBe('AUTH_OUT_OF_SCOPE');
    const byLeader = await upload('/api/plans/import', leader, { name: 'a.txt', bytes: DALIAN });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().message).toBe('没有权限管理规划');
    expect(await planCount()).toBe(0);

    const planId = (await upload('/api/plans/import', office, { name: 'a.txt', bytes: DALIAN })).json<PlanImportDto>().outcomes[0]!.planId!;
    const plans = (await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: leader.cookie } })).json<PlanSummaryDto[]>();
    expect(plans.map((p) => p.id)).toEqual([planId]);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: districtOffice.cookie } })).json<PlanDetailDto>();
    const targetId = detail.areas[0]!.goals[1]!.targets[0]!.id;
    const edit = await t.app.inject({
      method: 'PATCH', url: `/api/targets/${targetId}`, headers: authHeaders(districtOffice),
      payload: { indicator: 'x', comparator: '>=', value: 1, unit: '%', year: null, baseYear: null },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('edits targets by hand: correct, add, delete, mark a goal qualitative; refuses bad values in Chinese', async () => {
    const planId = (await upload('/api/plans/import', office, { name: 'a.txt', bytes: DALIAN })).json<PlanImportDto>().outcomes[0]!.planId!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: { cookie: office.cookie } })).json<PlanDetailDto>();
    const goal = detail.areas[0]!.goals[2]!; // 3. 妇女常见病防治力度不断加大。 — no target
    expect(goal.targets).toEqual([]);

    const bad = await t.app.inject({
      method: 'POST', url: `/api/goals/${goal.id}/targets`, headers: authHeaders(office),
      payload: { indicator: '妇女常见病筛查率', comparator: '>=', value: null, unit: '%', year: 2030, baseYear: 2031 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { path: 'value', message: '定量目标必须填写目标值' },
      { path: 'baseYear', message: '基期年份应早于目标年份' },
    ]);

    const added = await t.app.inject({
      method: 'POST', url: `/api/goals/${goal.id}/targets`, headers: authHeaders(office),
      payload: { indicator: '妇女常见病筛查率', comparator: '>=', value: 80, unit: '%', year: 2030, baseYear: null },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ indicator: '妇女常见病筛查率', value: 80, edited: true, quote: goal.text });

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/targets/${added.json().id}`, headers: authHeaders(office) });
    expect(removed.statusCode).toBe(204);

    const marked = await t.app.inject({ method: 'PATCH', url: `/api/goals/${goal.id}`, headers: authHeaders(office), payload: { qualitative: true } });
    expect(marked.json()).toMatchObject({ id: goal.id, qualitative: true, targets: [] });

    const missing = await t.app.inject({ method: 'DELETE', url: '/api/targets/999999', headers: authHeaders(office) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('不存在');
  });
});
