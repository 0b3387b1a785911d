import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidatesDto, FormDto, ResultsDto, RoundDetailDto, RoundSummaryDto, SaveFormInput, WeightsDto } from '../../../shared/api/evaluation';
import { DEFAULT_CRITERIA } from '../../../shared/evaluation/scoring';
import { buildAnalyticsFixture, type AnalyticsFixture } from '../../../../test/support/analyticsFixture';
import { authHeaders, buildTestApp, multipart, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildDepartment, departmentNamed } from '../../../../test/support/monitoringFactories';
import { testDialect } from '../../../../test/support/testDb';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const FULL = { indicators: 55, measures: 27, mechanisms: 9 };

describe(`mid-term and final evaluation (${testDialect()})`, () => {
  let t: TestApp;
  let f: AnalyticsFixture;
  let plan: { id: number; goals: { health: number; education: number; qualitative: number } };
  let dept: { health: number; education: number };
  let s: { health: Session; education: Session; evaluation: Session; xigangOffice: Session; zhongshanOffice: Session };

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildAnalyticsFixture(t);
    dept = { health: await departmentNamed(t.db, f.city.id, '卫健委'), education: await departmentNamed(t.db, f.city.id, '教育局') };
    // 住院分娩率 (卫健委) rose from 80% to 95% against a 2025 target of 90%; 巩固率 (教育局) has no data yet.
    const delivery = await f.percentIndicator({ name: '住院分娩率' });
    const retention = await f.rateIndicator({ name: '九年义务教育巩固率' });
    for (const year of [2020, 2024]) await f.openTask(year, [delivery.id], { units: [f.xigang] });
    await f.write([...f.ratio(delivery, f.xigang, 2020, 80, 100), ...f.ratio(delivery, f.xigang, 2024, 95, 100)]);
    const k = t.db.kysely;
    const p = await k.insertInto('plans').values({
      org_unit_id: f.city.id, kind: 'women', title: '大连市妇女发展规划（2021—2030年）', period_start: 2021, period_end: 2030, status: 'adopted', source_name: 't.txt', source_text: '', source_hash: 'h', is_demo: 0,
      created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    }).returning('id').executeTakeFirstOrThrow();
    const area = async (no: number, title: string) => (await k.insertInto('plan_areas').values({ plan_id: p.id, no, title, line: no }).returning('id').executeTakeFirstOrThrow()).id;
    const goal = async (areaId: number, no: number, text: string) => (await k.insertInto('plan_goals').values({ area_id: areaId, no, text, line_start: 1, line_end: 1, qualitative: 0 }).returning('id').executeTakeFirstOrThrow()).id;
    const target = (goalId: number, indicatorId: number, value: number, year: number) =>
      k.insertInto('plan_targets').values({ goal_id: goalId, seq: 1, indicator: '指标', comparator: '>=', value, unit: '%', year, base_year: null, quote: '目标', edited_by: null, edited_at: null, indicator_id: indicatorId }).execute();
    const health = await area(1, '妇女与健康');
    const education = await area(2, '妇女与教育');
    plan = { id: p.id, goals: { health: await goal(health, 1, '住院分娩率保持在90%以上。'), education: await goal(education, 1, '巩固率达到95%。'), qualitative: await goal(education, 2, '男女平等理念深入人心。') } };
    await target(plan.goals.health, delivery.id, 90, 2025);
    await target(plan.goals.education, retention.id, 95, 2030);
    // At the top unit the dictionary's targets speak, as generating the indicators from the plan sets them.
    await f.setTargets(delivery.id, [[2025, '>=', 90]]);
    await f.setTargets(retention.id, [[2030, '>=', 95]]);
    s = {
      health: await f.user('dalian_weijian', 'reporter', f.city.id, dept.health),
      education: await f.user('dalian_jiaoyu', 'reporter', f.city.id, dept.education),
      evaluation: await f.user('dalian_pinggu', 'evaluation', f.city.id),
      xigangOffice: await f.user('xigang_office', 'office', f.xigang.id),
      zhongshanOffice: await f.user('zhongshan_office', 'office', f.zhongshan.id),
    };
  });
  afterEach(async () => t.close());

  const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, payload, headers: authHeaders(who) });
  const get = async <T>(who: Session, url: string) => {
    const res = await t.app.inject({ url, headers: authHeaders(who) });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const roundInput = (o: Partial<{ criteria: object[]; departmentIds: number[]; committeeUnitIds: number[] }> = {}) => ({
    planId: plan.id, milestone: 2025, criteria: o.criteria ?? DEFAULT_CRITERIA, selfDueOn: '2025-09-30', reviewDueOn: '2025-11-30',
    departmentIds: o.departmentIds ?? [dept.health, dept.education], committeeUnitIds: o.committeeUnitIds ?? [f.xigang.id],
  });
  const createRound = async () => {
    const res = await send(f.cityOffice, 'POST', '/api/evaluation/rounds', roundInput());
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RoundDetailDto>();
  };
  const formOf = (round: RoundDetailDto, participantLabel: string, goalId: number) => round.forms.find((x) => x.participant.label === participantLabel && x.goal.id === goalId)!;
  const save = (who: Session, id: number, input: Partial<SaveFormInput>) =>
    send(who, 'PUT', `/api/evaluation/forms/${id}`, { attainment: null, attainmentReason: '', evidence: '', problems: '', rectification: '', scores: {}, attachmentIds: [], submit: false, ...input });

  it('takes a round from creation through self-evaluation and review to its results', async () => {
    const candidates = await get<CandidatesDto>(f.cityOffice, `/api/evaluation/candidates?planId=${plan.id}`);
    expect(candidates.body.departments.map((d) => [d.department.id, d.goals])).toEqual([[dept.health, 1], [dept.education, 1]]);
    expect(candidates.body.committees.map((c) => c.orgUnit.name)).toEqual(['西岗区', '中山区']);
    expect(candidates.body.milestones).toEqual([2025, 2030]);

    const round = await createRound();
    expect([round.kind, round.title, round.counts.total]).toEqual(['midterm', '《大连市妇女发展规划（2021—2030年）》中期评估（2025 年）', 5]);
    // The departments lead the goals whose indicators they report; the lower committee evaluates every goal.
    expect(round.forms.map((x) => [x.participant.label, x.goal.text])).toEqual([
      ['卫健委', '住院分娩率保持在90%以上。'], ['西岗区妇儿工委', '住院分娩率保持在90%以上。'],
      ['教育局', '巩固率达到95%。'], ['西岗区妇儿工委', '巩固率达到95%。'], ['西岗区妇儿工委', '男女平等理念深入人心。'],
    ]);

    // 卫健委 sees its one form, prefilled from the data: 95% against ≥ 90% is 达标.
    const mine = await get<RoundDetailDto>(s.health, `/api/evaluation/rounds/${round.id}`);
    expect(mine.body.forms.map((x) => x.goal.id)).toEqual([plan.goals.health]);
    const formId = mine.body.forms[0]!.id;
    const form = await get<FormDto>(s.health, `/api/evaluation/forms/${formId}`);
    expect([form.body.suggested, form.body.canEdit, form.body.canReview, form.body.indicators.map((i) => [i.name, i.status])]).toEqual(['met', true, false, [['住院分娩率', 'achieved']]]);

    // A draft may be partial; a submission must be complete, each refusal naming the field.
    expect((await save(s.health, formId, { evidence: '全市住院分娩率95%', scores: { indicators: 50 } })).statusCode).toBe(200);
    const overridden = await save(s.health, formId, { attainment: 'partly', evidence: '全市住院分娩率95%', scores: FULL, submit: true });
    expect([overridden.statusCode, overridden.json().message]).toEqual([400, expect.stringContaining('数据显示为“达标”，改为“基本达标”须说明理由')]);
    const overScore = await save(s.health, formId, { attainment: 'met', evidence: 'x', scores: { ...FULL, measures: 31 }, submit: true });
    expect([overScore.statusCode, overScore.json().message]).toEqual([400, expect.stringContaining('“措施落实”的得分应在 0 到 30 之间')]);

    const upload = multipart({ name: '住院分娩统计.png', bytes: PNG });
    const file = await t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=evaluation_form', payload: upload.payload, headers: { ...authHeaders(s.health), ...upload.headers } });
    expect(file.statusCode, file.body).toBe(200);
    const submitted = await save(s.health, formId, { attainment: 'met', evidence: '全市住院分娩率95%，高于目标。', scores: FULL, attachmentIds: [file.json().id], submit: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<FormDto>()).toMatchObject({ state: 'submitted', selfTotal: 91, canEdit: false, attachments: [{ name: '住院分娩统计.png' }] });
    expect((await save(s.health, formId, { evidence: '改' })).statusCode).toBe(409);
    // Another department cannot read its file.
    expect((await t.app.inject({ url: submitted.json<FormDto>().attachments[0]!.url, headers: authHeaders(s.education) })).statusCode).toBe(404);

    // The 评估组 scores it.
    const reviewed = await send(s.evaluation, 'POST', `/api/evaluation/forms/${formId}/review`, { action: 'review', scores: { indicators: 52, measures: 25, mechanisms: 8 }, comment: '材料翔实。' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json<FormDto>()).toMatchObject({ state: 'reviewed', reviewTotal: 85, reviewComment: '材料翔实。', reviewedBy: '测试用户dalian_pinggu' });
    expect(reviewed.json<FormDto>().events.map((e) => e.action)).toEqual(['save', 'submit', 'review']);

    // 教育局 has no data: 无法评估, with what it commits to.
    const eduForm = formOf(round, '教育局', plan.goals.education).id;
    expect((await get<FormDto>(s.education, `/api/evaluation/forms/${eduForm}`)).body.suggested).toBe('unassessable');
    const notMet = await save(s.education, eduForm, { attainment: 'not_met', attainmentReason: '据学籍系统，巩固率为93%', evidence: '学籍系统统计', problems: '流动儿童辍学', rectification: '2026年建立控辍保学台账', scores: { indicators: 30, measures: 20, mechanisms: 8 }, submit: true });
    expect(notMet.statusCode, notMet.body).toBe(200);

    const results = await get<ResultsDto>(f.cityOffice, `/api/evaluation/rounds/${round.id}/results`);
    expect(results.status).toBe(200);
    expect(results.body.overall).toEqual({ met: 1, assessable: 2, rate: 0.5 });
    expect(results.body.areas.map((a) => [a.title, a.rate.rate])).toEqual([['妇女与健康', 1], ['妇女与教育', 0]]);
    expect(results.body.goals.map((g) => [g.goal.text, g.attainment, g.selfScore, g.reviewScore])).toEqual([
      ['住院分娩率保持在90%以上。', 'met', 91, 85], ['巩固率达到95%。', 'not_met', 58, null], ['男女平等理念深入人心。', null, null, null],
    ]);
    expect(results.body.units.map((u) => [u.participant.label, u.submitted, u.reviewScore, u.rank])).toEqual([['卫健委', 1, 85, 1], ['教育局', 1, null, null], ['西岗区妇儿工委', 0, null, null]]);
    expect(results.body.notMet.map((n) => [n.participant.label, n.problems, n.rectification])).toEqual([['教育局', '流动儿童辍学', '2026年建立控辍保学台账']]);
    // A department does not see the round's results.
    expect((await get(s.health, `/api/evaluation/rounds/${round.id}/results`)).status).toBe(403);
  });

  it('returns a self-evaluation for more evidence, and the unit resubmits', async () => {
    const round = await createRound();
    const id = formOf(round, '卫健委', plan.goals.health).id;
    expect((await save(s.health, id, { attainment: 'met', evidence: '已达标', scores: FULL, submit: true })).statusCode).toBe(200);
    const returned = await send(s.evaluation, 'POST', `/api/evaluation/forms/${id}/review`, { action: 'return', reason: '请补充分区县住院分娩统计表' });
    expect(returned.json<FormDto>()).toMatchObject({ state: 'returned', returnReason: '请补充分区县住院分娩统计表' });
    // Returned: no scoring until the unit resubmits.
    expect((await send(s.evaluation, 'POST', `/api/evaluation/forms/${id}/review`, { action: 'review', scores: FULL, comment: '' })).statusCode).toBe(409);
    const seen = (await get<FormDto>(s.health, `/api/evaluation/forms/${id}`)).body;
    expect([seen.canEdit, seen.returnReason, seen.evidence]).toEqual([true, '请补充分区县住院分娩统计表', '已达标']);
    const again = await save(s.health, id, { attainment: 'met', evidence: '已达标，附分区县统计表', scores: FULL, submit: true });
    expect(again.json<FormDto>()).toMatchObject({ state: 'submitted' });
    expect(again.json<FormDto>().events.map((e) => e.action)).toEqual(['submit', 'return', 'submit']);
  });

  it('takes an evidence file off a draft or returned form, never the last evidence of a submission, and refuses once submitted', async () => {
    const round = await createRound();
    const id = formOf(round, '卫健委', plan.goals.health).id;
    const upload = async (who: Session, name: string) => {
      const body = multipart({ name, bytes: PNG });
      const res = await t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=evaluation_form', payload: body.payload, headers: { ...authHeaders(who), ...body.headers } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: number }>().id;
    };
    const names = (res: { json: <T>() => T }) => res.json<FormDto>().attachments.map((a) => a.name).sort();
    const wrong = await upload(s.health, '错传的文件.png');
    const right = await upload(s.health, '住院分娩统计.png');
    expect(names(await save(s.health, id, { attachmentIds: [wrong, right] }))).toEqual(['住院分娩统计.png', '错传的文件.png']);

    // Only this form's own files come off.
    const foreign = await save(s.health, id, { removeAttachmentIds: [await upload(s.education, '别人的.png')] });
    expect([foreign.statusCode, foreign.json<{ message: string }>().message]).toEqual([400, expect.stringContaining('不存在或不属于本条记录')]);
    const removed = await save(s.health, id, { removeAttachmentIds: [wrong] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(names(removed)).toEqual(['住院分娩统计.png']);
    expect(removed.json<FormDto>().events.at(-1)!.text).toBe('保存草稿（移除佐证材料 1 个）');
    // Taking off the only evidence in the submission is refused as a whole: the file stays.
    const bare = await save(s.health, id, { attainment: 'met', scores: FULL, removeAttachmentIds: [right], submit: true });
    expect([bare.statusCode, bare.json<{ message: string }>().message]).toEqual([400, expect.stringContaining('请填写佐证说明或上传佐证材料')]);
    expect((await get<FormDto>(s.health, `/api/evaluation/forms/${id}`)).body.attachments.map((a) => a.id)).toEqual([right]);

    expect((await save(s.health, id, { attainment: 'met', scores: FULL, submit: true })).statusCode).toBe(200);
    const locked = await save(s.health, id, { removeAttachmentIds: [right] });
    expect([locked.statusCode, locked.json<{ code: string }>().code]).toEqual([409, 'EVALUATION_FORM_LOCKED']);
    // Returned for more evidence: the unit may swap the file.
    expect((await send(s.evaluation, 'POST', `/api/evaluation/forms/${id}/review`, { action: 'return', reason: '请换用加盖公章的统计表' })).statusCode).toBe(200);
    const swapped = await save(s.health, id, { attachmentIds: [await upload(s.health, '统计表（盖章）.png')], removeAttachmentIds: [right] });
    expect(names(swapped)).toEqual(['统计表（盖章）.png']);
  });

  it('shows a unit only its own forms', async () => {
    const round = await createRound();
    const healthForm = formOf(round, '卫健委', plan.goals.health).id;
    const xigangForms = round.forms.filter((x) => x.participant.label === '西岗区妇儿工委');
    // A department: its own forms, not another's, and not a lower committee's.
    expect((await get(s.education, `/api/evaluation/forms/${healthForm}`)).status).toBe(403);
    expect((await save(s.education, healthForm, { evidence: 'x' })).statusCode).toBe(403);
    expect((await get<RoundDetailDto>(s.education, `/api/evaluation/rounds/${round.id}`)).body.participants.map((p) => p.label)).toEqual(['教育局']);
    // A lower unit's office: its committee's forms only, which it fills in.
    const xg = await get<RoundDetailDto>(s.xigangOffice, `/api/evaluation/rounds/${round.id}`);
    expect(xg.body.forms.map((x) => x.id)).toEqual(xigangForms.map((x) => x.id));
    expect((await get<FormDto>(s.xigangOffice, `/api/evaluation/forms/${xigangForms[0]!.id}`)).body.canEdit).toBe(true);
    expect((await get(s.xigangOffice, `/api/evaluation/forms/${healthForm}`)).status).toBe(403);
    // 中山区 takes no part: the round is not in its list and is refused.
    expect((await get<RoundSummaryDto[]>(s.zhongshanOffice, '/api/evaluation/rounds')).body).toEqual([]);
    expect((await get(s.zhongshanOffice, `/api/evaluation/rounds/${round.id}`)).status).toBe(403);
    // The city office oversees every form but does not fill a department's.
    expect((await save(f.cityOffice, healthForm, { evidence: 'x' })).statusCode).toBe(403);
  });

  it('weighs by area or goal: validated by name, results recomputed from the raw scores, reset, audited', async () => {
    const round = await createRound();
    const health = formOf(round, '卫健委', plan.goals.health).id;
    expect((await save(s.health, health, { attainment: 'met', evidence: '已达标', scores: FULL, submit: true })).statusCode).toBe(200);
    expect((await send(s.evaluation, 'POST', `/api/evaluation/forms/${health}/review`, { action: 'review', scores: { indicators: 52, measures: 25, mechanisms: 8 }, comment: '' })).statusCode).toBe(200);
    const edu = formOf(round, '教育局', plan.goals.education).id;
    expect((await save(s.education, edu, { attainment: 'unassessable', evidence: '暂无数据', scores: { indicators: 30, measures: 20, mechanisms: 8 }, submit: true })).statusCode).toBe(200);
    const url = `/api/evaluation/rounds/${round.id}/weights`;
    const results = async () => (await get<ResultsDto>(f.cityOffice, `/api/evaluation/rounds/${round.id}/results`)).body;

    // The default: the round's criteria everywhere, areas weighted by their number of goals.
    const before = (await get<WeightsDto>(f.cityOffice, url)).body;
    expect(before.canEdit).toBe(true);
    expect(before.areas.map((a) => [a.title, a.effectiveShare, a.percent, a.goals.map((g) => g.source)])).toEqual([['妇女与健康', 1, 33.3, ['round']], ['妇女与教育', 2, 66.7, ['round', 'round']]]);
    const healthArea = before.areas[0]!.id;
    expect((await results()).score).toEqual({ self: 69, review: 85 });

    // Refused by name, nothing written; a department may not set weights at all.
    const wrong = await send(f.cityOffice, 'PUT', url, { scope: 'area', targetId: healthArea, criteria: { indicators: 60, measures: 20, mechanisms: 10 }, share: null });
    expect([wrong.statusCode, wrong.json<{ message: string }>().message]).toEqual([400, expect.stringContaining('领域“妇女与健康”的各项分值合计应为 100，现为 90')]);
    expect((await send(f.cityOffice, 'PUT', url, { scope: 'goal', targetId: 1_000_000, criteria: null, share: 2 })).statusCode).toBe(400);
    expect((await send(s.health, 'PUT', url, { scope: 'area', targetId: healthArea, criteria: null, share: 2 })).statusCode).toBe(403);

    // 妇女与健康 weighs indicator attainment 80, leaves mechanisms out and counts three times: the stored scores count anew.
    const set = await send(f.cityOffice, 'PUT', url, { scope: 'area', targetId: healthArea, criteria: { indicators: 80, measures: 20, mechanisms: 0 }, share: 3 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<WeightsDto>().areas.map((a) => [a.effectiveShare, a.percent, a.goals.map((g) => g.source)])).toEqual([[3, 60, ['area']], [2, 40, ['round', 'round']]]);
    const form = (await get<FormDto>(s.health, `/api/evaluation/forms/${health}`)).body;
    expect(form.round.criteria.map((c) => [c.label, c.weight, c.max])).toEqual([['指标达标', 80, 60], ['措施落实', 20, 30], ['机制保障', 0, 10]]);
    expect([form.selfTotal, form.reviewTotal]).toEqual([91.3, 86]);
    const after = await results();
    expect(after.goals.map((g) => [g.selfScore, g.reviewScore])).toEqual([[91.3, 86], [58, null], [null, null]]);
    expect(after.areas.map((a) => [a.title, a.weight, a.selfScore, a.reviewScore])).toEqual([['妇女与健康', 3, 91.3, 86], ['妇女与教育', 2, 58, null]]);
    expect(after.score).toEqual({ self: 78, review: 86 });
    expect(after.units.find((u) => u.participant.label === '卫健委')!.reviewScore).toBe(86);

    // The goal's own weights win over its area's, and resetting brings the area's back.
    expect((await send(f.cityOffice, 'PUT', url, { scope: 'goal', targetId: plan.goals.health, criteria: { indicators: 100, measures: 0, mechanisms: 0 }, share: null })).statusCode).toBe(200);
    expect((await results()).goals[0]!.reviewScore).toBe(86.7);
    const reset = await t.app.inject({ method: 'DELETE', url: `${url}?scope=goal&targetId=${plan.goals.health}`, headers: authHeaders(f.cityOffice) });
    expect(reset.json<WeightsDto>().areas[0]!.goals[0]!.source).toBe('area');
    expect((await results()).goals[0]!.reviewScore).toBe(86);

    // Every change is in the change log, with the old and the new weights.
    const log = await t.db.kysely.selectFrom('change_log').select(['field', 'old_value', 'new_value']).where('entity', '=', 'evaluation_round').where('entity_id', '=', round.id).orderBy('id').execute();
    expect(log).toEqual([
      { field: `weights.area.${healthArea}`, old_value: null, new_value: '{"criteria":{"indicators":80,"measures":20,"mechanisms":0},"share":3}' },
      { field: `weights.goal.${plan.goals.health}`, old_value: null, new_value: '{"criteria":{"indicators":100,"measures":0,"mechanisms":0},"share":null}' },
      { field: `weights.goal.${plan.goals.health}`, old_value: '{"criteria":{"indicators":100,"measures":0,"mechanisms":0},"share":null}', new_value: null },
    ]);
  });

  it.each([
    ['weights not adding up to 100', { criteria: [{ key: 'a', label: '指标达标', weight: 60 }] }, 'criteria', '各项分值合计应为 100，现为 60'],
    ['a department leading no goal', 'women', 'departmentIds', '妇联不牵头本规划任何目标的指标'],
    ['a unit that is no lower committee', { committeeUnitIds: [1_000_000] }, 'committeeUnitIds', '不是大连市的下级妇儿工委'],
  ])('refuses a round with %s, naming the field', async (_what, o, path, message) => {
    const input = o === 'women' ? roundInput({ departmentIds: [await buildDepartment(t.db, f.city.id, '妇联')] }) : roundInput(o as never);
    const res = await send(f.cityOffice, 'POST', '/api/evaluation/rounds', input);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(message);
    expect(JSON.stringify(res.json())).toContain(path);
    expect((await get<RoundSummaryDto[]>(f.cityOffice, '/api/evaluation/rounds')).body).toEqual([]);
  });

  it('refuses a second round of the same plan and year, and a round from a department', async () => {
    await createRound();
    expect((await send(f.cityOffice, 'POST', '/api/evaluation/rounds', roundInput())).statusCode).toBe(409);
    expect((await send(s.health, 'POST', '/api/evaluation/rounds', { ...roundInput(), milestone: 2030 })).statusCode).toBe(403);
  });
});
