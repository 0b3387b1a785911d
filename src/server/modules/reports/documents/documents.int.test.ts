import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import { readZip } from '../../../../../test/support/zipFiles';
import type { PublicReportDto, ReportDocumentDto } from '../../../../shared/api/reports';
import { bumpDataVersion } from '../../../db/dataVersion';
import { seedDemo } from '../../../demo/seedDemo';
import { seedDemoReports } from '../../../demo/seedDemoReports';

const bodyText = (docx: Buffer) => readZip(docx).find((p) => p.name === 'word/document.xml')!.data.toString('utf8').replace(/<[^>]+>/g, '');

describe(`annual report: draft → 审核 → 审定 → 发布, frozen once out (${testDialect()})`, () => {
  let t: TestApp;
  let city: number;
  let office: Session;
  let statistics: Session;
  let leader: Session;
  let cityStatisticsOfXigang: Session;
  let evaluationGroup: Session;

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s ? authHeaders(s) : {}, ...(payload ? { payload } : {}) });
  const ok = <T>(res: LightMyRequestResponse): T => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const step = (s: Session, id: number, action: string, comment: string | null = null) => call(s, 'POST', `/api/reports/${id}/steps`, { action, comment });
  const findings = (d: ReportDocumentDto) => (d.content.kind === 'annual' ? d.content.plans.flatMap((p) => p.areas.flatMap((a) => a.findings)) : []);

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db, 'Demo-密码-2025');
    const unit = (code: string) => t.db.kysely.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    city = (await unit('210200')).id;
    const xigang = (await unit('210203')).id;
    const as = async (role: 'office' | 'statistics' | 'leader' | 'evaluation', orgUnitId: number) => login(t.app, (await buildUser(t.db, { role, orgUnitId })).username);
    office = await as('office', city);
    statistics = await as('statistics', city);
    leader = await as('leader', city);
    cityStatisticsOfXigang = await as('statistics', xigang);
    evaluationGroup = await as('evaluation', city);
  }, 600_000);
  afterAll(async () => t?.close());

  it('goes out as the office words it, after both reviews, and stays as published when the data is corrected', async () => {
    const draft = ok<ReportDocumentDto>(await call(office, 'POST', '/api/reports', { orgUnitId: city, year: 2024, plan: 'women' }));
    expect([draft.title, draft.status]).toEqual(['大连市2024年妇女发展规划统计监测报告', 'draft']);
    expect(findings(draft).length).toBeGreaterThan(40);
    const first = findings(draft)[0]!;
    const edit = { text: { headline: '妇女健康水平持续提高', sentences: [...first.generated.sentences, '全市持续实施母婴安全行动计划。'] }, note: '数据经市卫健委复核。' };

    expect((await call(office, 'PUT', `/api/reports/${draft.id}/findings/${first.indicatorId}`, { ...edit, expectedVersion: draft.version + 1 })).json().code).toBe('REPORT_EDIT_CONFLICT');
    expect((await call(statistics, 'PUT', `/api/reports/${draft.id}/findings/${first.indicatorId}`, { ...edit, expectedVersion: draft.version })).statusCode).toBe(403);
    const edited = ok<ReportDocumentDto>(await call(office, 'PUT', `/api/reports/${draft.id}/findings/${first.indicatorId}`, { ...edit, expectedVersion: draft.version }));
    expect(findings(edited)[0]).toMatchObject({ text: edit.text, generated: first.generated, edited: true, note: edit.note });

    expect(ok<ReportDocumentDto>(await step(office, draft.id, 'submit')).status).toBe('reviewing');
    expect((await call(office, 'PUT', `/api/reports/${draft.id}/findings/${first.indicatorId}`, { ...edit, expectedVersion: edited.version + 1 })).json().code).toBe('REPORT_NOT_DRAFT');
    // Reviewing belongs to the report's own unit's 统计监测组; approving to its leader; a return says why.
    expect((await step(leader, draft.id, 'pass')).statusCode).toBe(403);
    expect((await step(cityStatisticsOfXigang, draft.id, 'pass')).statusCode).toBe(403);
    expect((await step(statistics, draft.id, 'return')).json().details).toEqual([{ path: 'comment', message: '请填写退回理由' }]);
    expect(ok<ReportDocumentDto>(await step(statistics, draft.id, 'return', '第二部分请补充城乡对比')).status).toBe('draft');
    ok(await step(office, draft.id, 'submit'));
    expect((await step(office, draft.id, 'publish')).json().code).toBe('WORKFLOW_REFUSED');
    expect(ok<ReportDocumentDto>(await step(statistics, draft.id, 'pass')).status).toBe('approving');
    expect((await step(statistics, draft.id, 'approve')).statusCode).toBe(403);
    expect(ok<ReportDocumentDto>(await step(leader, draft.id, 'approve')).status).toBe('approved');
    const published = ok<ReportDocumentDto>(await step(office, draft.id, 'publish'));
    expect([published.status, published.files]).toEqual(['published', { docx: true, pdf: true }]);
    // Each step told whoever takes the next one, in the notification centre.
    const told = async (s: Session) => ok<{ items: { title: string; body: string; link: string }[] }>(await call(s, 'GET', '/api/notifications/centre?kind=workflow')).items.filter((n) => n.link === `/reports/${draft.id}`);
    expect((await told(statistics)).map((n) => n.title)).toEqual(['《大连市2024年妇女发展规划统计监测报告》待统计监测组审核', '《大连市2024年妇女发展规划统计监测报告》待统计监测组审核']);
    expect((await told(leader)).map((n) => n.title)).toEqual(['《大连市2024年妇女发展规划统计监测报告》待领导审定']);
    expect((await told(office)).map((n) => n.title)).toEqual(['《大连市2024年妇女发展规划统计监测报告》已审定，待发布', '《大连市2024年妇女发展规划统计监测报告》被退回修改']);
    expect((await told(office))[1]!.body).toContain('退回理由：第二部分请补充城乡对比');
    expect(await told(cityStatisticsOfXigang)).toEqual([]);
    expect(published.steps.map((s) => [s.action, s.toStatus, s.comment])).toEqual([
      ['create', 'draft', null], ['submit', 'reviewing', null], ['return', 'draft', '第二部分请补充城乡对比'], ['submit', 'reviewing', null],
      ['pass', 'approving', null], ['approve', 'approved', null], ['publish', 'published', null],
    ]);

    // On the portal, for anyone: the stored .docx with the office's words, and the PDF.
    const listed = ok<PublicReportDto[]>(await call(null, 'GET', `/api/public/reports?orgUnitId=${city}`));
    expect(listed.map((r) => r.title)).toEqual(['大连市2024年妇女发展规划统计监测报告']);
    const docx = await call(null, 'GET', listed[0]!.docxUrl);
    expect(docx.statusCode).toBe(200);
    const text = bodyText(docx.rawPayload);
    expect(text).toContain('妇女健康水平持续提高');
    expect(text).toContain('全市持续实施母婴安全行动计划。');
    expect(text).toContain('注：数据经市卫健委复核。');
    const pdf = await call(null, 'GET', listed[0]!.pdfUrl!);
    expect([pdf.statusCode, pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);

    // A correction of the data later changes nothing in it.
    const indicator = await t.db.kysely.selectFrom('indicators').selectAll().where('id', '=', first.indicatorId).executeTakeFirstOrThrow();
    const element = (indicator.numerator_de_id ?? indicator.value_de_id)!;
    await t.db.kysely.updateTable('data_values').set((eb) => ({ value: eb('value', '+', 1) })).where('data_element_id', '=', element).where('period', '=', 2024).execute();
    await bumpDataVersion(t.db.kysely);
    const after = ok<ReportDocumentDto>(await call(office, 'GET', `/api/reports/${draft.id}`));
    expect(findings(after)).toEqual(findings(published));
    expect(after.currentDataVersion).not.toBe(after.dataVersion);
    expect((await call(null, 'GET', listed[0]!.docxUrl)).rawPayload.equals(docx.rawPayload)).toBe(true);
    expect((await call(office, 'DELETE', `/api/reports/${draft.id}`)).json().code).toBe('REPORT_NOT_DRAFT');

    // A new draft made now states the corrected figure; regenerating an older draft drops an edit whose figures changed.
    const second = ok<ReportDocumentDto>(await call(office, 'POST', '/api/reports', { orgUnitId: city, year: 2024, plan: 'women' }));
    expect(findings(second)[0]!.generated).not.toEqual(first.generated);
    const secondEdited = ok<ReportDocumentDto>(await call(office, 'PUT', `/api/reports/${second.id}/findings/${first.indicatorId}`, { ...edit, expectedVersion: second.version }));
    await t.db.kysely.updateTable('data_values').set((eb) => ({ value: eb('value', '-', 1) })).where('data_element_id', '=', element).where('period', '=', 2024).execute();
    await bumpDataVersion(t.db.kysely);
    const regenerated = ok<{ document: ReportDocumentDto; restored: string[] }>(await call(office, 'POST', `/api/reports/${second.id}/regenerate`));
    expect(regenerated.restored).toEqual([first.name]);
    expect(findings(regenerated.document)[0]).toMatchObject({ text: first.generated, edited: false, note: edit.note });
    expect(regenerated.document.version).toBe(secondEdited.version + 1);
    expect((await call(office, 'DELETE', `/api/reports/${second.id}`)).statusCode).toBe(204);
  }, 600_000);

  it('lists a unit’s reports to its overseers only, and refuses a report without data in Chinese', async () => {
    expect((await call(cityStatisticsOfXigang, 'GET', `/api/reports?orgUnitId=${city}`)).statusCode).toBe(403);
    const none = await call(office, 'POST', '/api/reports', { orgUnitId: city, year: 2018, plan: 'women' });
    expect([none.statusCode, none.json().code]).toEqual([422, 'REPORT_NO_DATA']);
    expect(ok<unknown[]>(await call(leader, 'GET', '/api/reports')).length).toBeGreaterThan(0);
  });

  it('seeds the demo’s reports the office’s way: 大连市’s published, 西岗区’s with its statistics group', async () => {
    const filesDir = await mkdtemp(join(tmpdir(), 'halfsky-demo-reports-'));
    await seedDemoReports(t.db, filesDir);
    await rm(filesDir, { recursive: true, force: true });
    const demo = await t.db.kysely.selectFrom('report_documents').select(['title', 'status', 'pdf_attachment_id']).where('is_demo', '=', 1).orderBy('id').execute();
    expect(demo.map((r) => [r.title, r.status, r.pdf_attachment_id !== null])).toEqual([
      ['大连市2024年妇女发展规划统计监测报告', 'published', true],
      ['西岗区2024年妇女儿童发展规划统计监测报告', 'reviewing', false],
      [expect.stringMatching(/^《大连市妇女发展规划.*》中期评估（2025 年）报告$/), 'draft', false],
    ]);
    const listed = ok<PublicReportDto[]>(await call(null, 'GET', '/api/public/reports'));
    expect(listed.map((r) => r.title)).toContain('大连市2024年妇女发展规划统计监测报告');
    expect(listed.map((r) => r.title)).not.toContain('西岗区2024年妇女儿童发展规划统计监测报告');
  }, 600_000);
  it('sends the evaluation report through the 评估组 and the leader, with the office’s 意见建议, to the portal', async () => {
    const round = await t.db.kysely.selectFrom('evaluation_rounds').select(['id', 'title']).where('org_unit_id', '=', city).executeTakeFirstOrThrow();
    const draft = ok<ReportDocumentDto>(await call(office, 'POST', '/api/reports/evaluation', { roundId: round.id }));
    expect([draft.kind, draft.title, draft.status, draft.year]).toEqual(['evaluation', `${round.title}报告`, 'draft', 2025]);
    if (draft.content.kind !== 'evaluation') throw new Error('an evaluation report was asked for');
    expect(draft.content).toMatchObject({ roundId: round.id, adviceEdited: false, advice: draft.content.generatedAdvice });
    expect(draft.content.units.length).toBeGreaterThan(2);
    expect((await call(statistics, 'POST', '/api/reports/evaluation', { roundId: round.id })).statusCode).toBe(403);

    // The office words the 意见建议; a finding of an annual report is not there to edit.
    const advice = ['建议各责任单位对照未达标目标逐项制定整改方案。', '请市统计局牵头完善分性别统计。'];
    expect((await call(office, 'PUT', `/api/reports/${draft.id}/advice`, { advice, expectedVersion: draft.version + 1 })).json().code).toBe('REPORT_EDIT_CONFLICT');
    expect((await call(evaluationGroup, 'PUT', `/api/reports/${draft.id}/advice`, { advice, expectedVersion: draft.version })).statusCode).toBe(403);
    expect((await call(office, 'PUT', `/api/reports/${draft.id}/advice`, { advice: [''], expectedVersion: draft.version })).json().details).toEqual([{ path: 'advice.0', message: '段落不能为空' }]);
    const worded = ok<ReportDocumentDto>(await call(office, 'PUT', `/api/reports/${draft.id}/advice`, { advice, expectedVersion: draft.version }));
    expect(worded.content).toMatchObject({ advice, adviceEdited: true });
    expect((await call(office, 'PUT', `/api/reports/${draft.id}/findings/1`, { text: null, note: '附注', expectedVersion: worded.version })).statusCode).toBe(404);

    // Regenerating reads the round again and keeps the office's words.
    const regenerated = ok<{ document: ReportDocumentDto; restored: string[] }>(await call(office, 'POST', `/api/reports/${draft.id}/regenerate`));
    expect([regenerated.restored, regenerated.document.content]).toMatchObject([[], { advice, adviceEdited: true }]);

    // Reviewing is the 评估组's, not the statistics group's; approving the leader's.
    ok(await step(office, draft.id, 'submit'));
    expect((await step(statistics, draft.id, 'pass')).statusCode).toBe(403);
    expect(ok<ReportDocumentDto>(await step(evaluationGroup, draft.id, 'pass')).status).toBe('approving');
    ok(await step(leader, draft.id, 'approve'));
    const published = ok<ReportDocumentDto>(await step(office, draft.id, 'publish'));
    expect(published.steps.map((x) => x.action)).toEqual(['create', 'regenerate', 'submit', 'pass', 'approve', 'publish']);

    const listed = ok<PublicReportDto[]>(await call(null, 'GET', `/api/public/reports?orgUnitId=${city}`)).find((r) => r.id === draft.id)!;
    expect(listed.kind).toBe('evaluation');
    const text = bodyText((await call(null, 'GET', listed.docxUrl)).rawPayload);
    expect(text).toContain('评估依据和方法');
    expect(text).toContain(advice[0]);
    expect(text).not.toContain('进一步完善分性别统计和监测指标数据采集');
  }, 600_000);
});
