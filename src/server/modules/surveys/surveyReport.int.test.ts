import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSurveyDto, SurveyDto, SurveyInput } from '../../../shared/api/surveys';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import { TICKET_RULES } from './ticket';

const definition = (rootId: number): SurveyInput['definition'] => ({
  sections: [{
    title: '基本情况',
    questions: [
      { code: 'D', type: 'region', title: '您住在哪个区？', required: true, regionRootId: rootId },
      { code: 'K', type: 'single', title: '您知道妇女营养健康知识吗？', required: true, options: [{ code: '1', label: '知道' }, { code: '2', label: '不知道' }] },
      { code: 'C', type: 'multiple', title: '您从哪些渠道了解？', required: false, options: [{ code: 'a', label: '电视' }, { code: 'b', label: '社区讲座' }, { code: 'o', label: '其他', other: true }] },
      { code: 'A', type: 'number', title: '您的年龄', required: true, integer: true, min: 18, max: 99 },
      { code: 'W', type: 'text', title: '您的建议', required: false },
    ],
  }],
});

describe(`survey report (${testDialect()})`, () => {
  let t: TestApp;
  let office: Session;
  let survey: SurveyDto;
  let units: { city: number; xigang: number; zhongshan: number };

  beforeAll(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市', level: 'city' });
    const xigang = await buildOrgUnit(t.db, { name: '西岗区', parentId: city.id });
    const zhongshan = await buildOrgUnit(t.db, { name: '中山区', parentId: city.id });
    units = { city: city.id, xigang: xigang.id, zhongshan: zhongshan.id };
    office = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    const input: SurveyInput = { orgUnitId: city.id, title: '2025年妇女儿童知识问卷', description: null, audience: 'adult', definition: definition(city.id), opensAt: null, closesAt: null, accessMode: 'open' };
    const created = (await t.app.inject({ method: 'POST', url: '/api/surveys', payload: input, headers: authHeaders(office) })).json<SurveyDto>();
    survey = (await t.app.inject({ method: 'POST', url: `/api/surveys/${created.id}/publish`, headers: authHeaders(office) })).json<SurveyDto>();
    const ticket = (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${survey.publicId}` })).json<PublicSurveyDto>().ticket;
    await new Promise((r) => setTimeout(r, TICKET_RULES.minSeconds * 1000 + 100));
    const answers = [
      { D: units.xigang, K: '1', C: ['a', 'b'], A: 34, W: '希望社区多办健康讲座' },
      { D: units.xigang, K: '1', C: ['o'], A: 41 },
      { D: units.zhongshan, K: '2', A: 29, W: '健康讲座时间安排在周末' },
      { D: units.zhongshan, K: '1', C: ['b'], A: 52 },
    ];
    for (const [i, values] of answers.entries()) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`,
        payload: { answers: { values, ...(values.C?.includes('o') ? { other: { C: '单位宣传栏' } } : {}) }, browserToken: `report-browser-${i}-xxxxxxxx`, idempotencyKey: `report-key-${i}-xxxxxxxxxx`, ticket },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t.close());

  async function report(query: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/surveys/${survey.id}/report.docx${query}`, headers: { cookie: office.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2025年妇女儿童知识问卷-调查报告.docx'));
    const zip = await JSZip.loadAsync(res.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const footnotes = (await zip.file('word/footnotes.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const images = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    return { text, footnotes, images };
  }

  it('writes the title page data, sample, per-question tables and charts, and the method footnote', async () => {
    const { text, footnotes, images } = await report('');
    expect(text).toContain('2025年妇女儿童知识问卷调查报告');
    expect(text).toContain('共回收答卷 4 份');
    for (const title of ['调查概况', '各题结果', '方法说明', '您知道妇女营养健康知识吗？', '您的年龄']) expect(text).toContain(title);
    // 知道 3 of 4; 社区讲座 2 of the 3 who answered the channel question.
    expect(text).toMatch(/知道375\.0%/);
    expect(text).toMatch(/社区讲座266\.7%/);
    expect(text).toContain('“其他”填写举例：单位宣传栏');
    expect(text).toContain('讲座');
    expect(footnotes).toContain('分母为该题的有效作答人数');
    expect(text).not.toContain('交叉分析');
    // Charts: region, single, multiple choice and the age histogram.
    expect(images).toHaveLength(4);
  });

  it('carries the filter and the cross-tab chosen on the statistics page', async () => {
    const { text, images } = await report(`?rows=K&columns=D&filter=D:${units.zhongshan}&charts=K:bar`);
    expect(text).toContain('本报告按“您住在哪个区？：中山区”筛选，计 2 份');
    expect(text).toContain('交叉分析');
    expect(text).toContain('中山区（2）');
    expect(images).toHaveLength(4);
  });
});
