import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp } from '../../../../../test/support/appHarness';
import { testDialect } from '../../../../../test/support/testDb';
import type { AttachmentDto } from '../../../../shared/api/attachments';
import type { ArticleDto, ArticlePage, SearchResultDto } from '../../../../shared/api/publishing';

describe(`articles: publishing, visibility, districts, search (${testDialect()})`, () => {
  let t: TestApp;
  let city: { id: number };
  let xigang: { id: number };
  let cityOffice: Session;
  let xigangOffice: Session;

  beforeEach(async () => {
    t = await buildTestApp();
    city = await buildOrgUnit(t.db, { name: '大连市', code: '210200' });
    xigang = await buildOrgUnit(t.db, { name: '西岗区', code: '210203', parentId: city.id });
    await buildOrgUnit(t.db, { name: '中山区', code: '210202', parentId: city.id });
    cityOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    xigangOffice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: xigang.id })).username);
  });
  afterEach(async () => t.close());

  const send = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: s ? authHeaders(s) : {} });
  const input = (over: Record<string, unknown> = {}) => ({
    orgUnitId: city.id, category: 'news', title: '我市启动农村妇女“两癌”免费检查', summary: '', coverAttachmentId: null, attachmentIds: [], tags: ['两癌', '妇女健康'], publishAt: null,
    bodyHtml: '<h1>总体安排</h1><p onclick="x()">实施农村妇女“两癌”免费检查试点项目。</p><script>alert(1)</script><p><a href="javascript:alert(1)">链接</a></p>',
    ...over,
  });
  const create = async (s: Session, over: Record<string, unknown> = {}) => {
    const res = await send(s, 'POST', '/api/publishing/articles', input(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ArticleDto>();
  };
  const act = async (s: Session, a: ArticleDto, ...actions: string[]) => {
    let current = a;
    for (const action of actions) {
      const res = await send(s, 'POST', `/api/publishing/articles/${a.id}/actions`, { action, version: current.version });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      current = res.json<ArticleDto>();
    }
    return current;
  };
  const portalIds = async (query = '') => (await send(null, 'GET', `/api/public/articles${query}`)).json<ArticlePage>().items.map((i) => i.id);
  const searchIds = async (q: string) => (await send(null, 'GET', `/api/public/search?q=${encodeURIComponent(q)}`)).json<SearchResultDto>().results.map((r) => `${r.kind}:${r.id}`);

  it('sanitises the body and shows the article only once published, until unpublished', async () => {
    const draft = await create(cityOffice);
    expect(draft.bodyHtml).toBe('<h2>总体安排</h2><p>实施农村妇女“两癌”免费检查试点项目。</p><p><a>链接</a></p>');
    expect(draft).toMatchObject({ status: 'draft', visible: false, summary: '总体安排 实施农村妇女“两癌”免费检查试点项目。 链接', actions: ['submit', 'pin'] });
    expect(await portalIds()).toEqual([]);
    expect((await send(null, 'GET', `/portal/articles/${draft.id}`)).statusCode).toBe(404);

    const published = await act(cityOffice, draft, 'submit', 'publish');
    expect(published).toMatchObject({ status: 'published', visible: true });
    expect(await portalIds()).toEqual([draft.id]);
    const page = await send(null, 'GET', `/portal/articles/${draft.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>我市启动农村妇女“两癌”免费检查 - 大连市妇女儿童工作委员会</title>');
    expect(page.body).toContain('<meta name="description" content="总体安排 实施农村妇女“两癌”免费检查试点项目。 链接">');
    expect(page.body).not.toMatch(/<script|onclick|javascript:/);
    const feed = await send(null, 'GET', '/feed.xml');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain(`<link href="http://localhost:80/portal/articles/${draft.id}"/>`);

    // 「两癌」 inside 「农村妇女“两癌”免费检查」, and several words at once.
    expect(await searchIds('两癌')).toEqual([`article:${draft.id}`]);
    expect(await searchIds('农村妇女 两癌')).toEqual([`article:${draft.id}`]);
    expect(await searchIds('宫颈癌')).toEqual([]);

    await act(cityOffice, published, 'unpublish');
    expect(await portalIds()).toEqual([]);
    expect(await searchIds('两癌')).toEqual([]);
    expect((await send(null, 'GET', `/api/public/articles/${draft.id}`)).statusCode).toBe(404);
  });

  it('schedules a publication for a later time', async () => {
    const later = await create(cityOffice, { publishAt: '2099-01-01T00:00:00+08:00', title: '定时通知' });
    const now = await create(cityOffice, { title: '即时通知', category: 'notice' });
    const scheduled = await act(cityOffice, later, 'submit', 'publish');
    await act(cityOffice, now, 'submit', 'publish');
    expect(scheduled).toMatchObject({ status: 'published', visible: false, publishAt: '2098-12-31T16:00:00.000Z' });
    expect(await portalIds()).toEqual([now.id]);
    expect(await portalIds('?category=notice')).toEqual([now.id]);
    expect(await portalIds('?category=news')).toEqual([]);
    expect((await send(null, 'GET', `/portal/articles/${later.id}`)).statusCode).toBe(404);
    expect(await searchIds('定时')).toEqual([]);
  });

  it("keeps a district's articles in its own section until the city features one", async () => {
    const own = await act(xigangOffice, await create(xigangOffice, { orgUnitId: xigang.id, title: '西岗区妇女议事会' }), 'submit', 'publish');
    expect(own.actions).not.toContain('feature');
    expect(await portalIds(`?orgUnitId=${xigang.id}`)).toEqual([own.id]);
    expect(await portalIds()).toEqual([]);

    // The district cannot touch the city's articles, nor feature its own.
    const cityArticle = await create(cityOffice);
    expect((await send(xigangOffice, 'GET', `/api/publishing/articles/${cityArticle.id}`)).statusCode).toBe(404);
    expect((await send(xigangOffice, 'POST', '/api/publishing/articles', input())).statusCode).toBe(403);
    const refused = await send(xigangOffice, 'POST', `/api/publishing/articles/${own.id}/actions`, { action: 'feature', version: own.version });
    expect(refused.statusCode).toBe(409);

    const byCity = (await send(cityOffice, 'GET', `/api/publishing/articles/${own.id}`)).json<ArticleDto>();
    expect(byCity.actions).toContain('feature');
    await act(cityOffice, byCity, 'feature');
    expect(await portalIds()).toEqual([own.id]);
    expect((await send(cityOffice, 'GET', '/api/publishing/articles')).json<ArticleDto[]>().map((a) => a.id).sort()).toEqual([own.id, cityArticle.id].sort());
    expect((await send(xigangOffice, 'GET', '/api/publishing/articles')).json<ArticleDto[]>().map((a) => a.id)).toEqual([own.id]);
  });

  it('keeps every version and refuses a save over someone else’s', async () => {
    const draft = await create(cityOffice);
    const saved = await send(cityOffice, 'PUT', `/api/publishing/articles/${draft.id}`, { ...input({ title: '第二稿' }), version: draft.version });
    expect(saved.statusCode).toBe(200);
    const stale = await send(cityOffice, 'PUT', `/api/publishing/articles/${draft.id}`, { ...input({ title: '过期的稿' }), version: draft.version });
    expect([stale.statusCode, stale.json().message]).toEqual([409, '文章已被他人修改，请刷新后再编辑']);
    const versions = (await send(cityOffice, 'GET', `/api/publishing/articles/${draft.id}/versions`)).json<{ version: number; action: string; title: string }[]>();
    expect(versions.map((v) => [v.version, v.action, v.title])).toEqual([[2, 'save', '第二稿'], [1, 'create', '我市启动农村妇女“两癌”免费检查']]);
    const bad = await send(cityOffice, 'POST', '/api/publishing/articles', input({ title: ' ' }));
    expect([bad.statusCode, bad.json().message]).toEqual([400, '提交的数据不符合要求：title：请填写标题']);
  });

  it("binds the body's images to the article: readers of the published article load them, they are not listed as files", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR 活动照片 '.repeat(50))]);
    const upload = async (name: string, bytes: Buffer | string) => {
      const body = multipart({ name, bytes });
      const res = await t.app.inject({ method: 'POST', url: '/api/attachments?ownerKind=article', payload: body.payload, headers: { ...authHeaders(cityOffice), ...body.headers } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AttachmentDto>();
    };
    const image = await upload('活动照片.png', png);
    const file = await upload('实施方案.pdf', '%PDF-1.4 实施方案');
    expect((await send(null, 'GET', image.url)).statusCode).toBe(404);
    const draft = await create(cityOffice, { bodyHtml: `<p>现场：</p><p><img src="${image.url}" alt="活动现场"></p>`, attachmentIds: [file.id] });
    expect(draft.attachments.map((a) => a.name)).toEqual(['实施方案.pdf']);
    expect((await send(null, 'GET', image.url)).statusCode).toBe(404);
    await act(cityOffice, draft, 'submit', 'publish');
    const read = await send(null, 'GET', image.url);
    expect([read.statusCode, read.headers['content-type']]).toEqual([200, 'image/png']);
    const page = await send(null, 'GET', `/portal/articles/${draft.id}`);
    expect(page.body).toContain(`<img src="${image.url}" alt="活动现场" />`);
    expect(page.body.match(/<section class="files"[\s\S]*<\/section>/)?.[0]).not.toContain('活动照片');
  });
});
