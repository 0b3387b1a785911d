import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildOrgUnit, buildTestApp, buildUser, login, multipart, type Session, type TestApp } from '../../../../test/support/appHarness';
import { testDialect } from '../../../../test/support/testDb';
import type { AttachmentDto } from '../../../shared/api/attachments';
import { ATTACHMENT_LIMITS } from './fileTypes';
import { filesDirFromEnv } from './store';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR 图片内容 '.repeat(100))]);

describe(`attachment store (${testDialect()})`, () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;
  /** Records of the test owner kind that are public. */
  const publicRecords = new Set<number>();

  beforeEach(async () => {
    t = await buildTestApp();
    const city = await buildOrgUnit(t.db, { name: '大连市' });
    alice = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    bob = await login(t.app, (await buildUser(t.db, { role: 'office', orgUnitId: city.id })).username);
    publicRecords.clear();
    t.app.services.attachments.registerOwner('memo', {
      label: '测试记录',
      canUpload: (auth) => auth.roles.some((r) => r.role === 'office'),
      canRead: (auth, id) => publicRecords.has(id) || auth !== null,
    });
  });
  afterEach(async () => t.close());

  const upload = (s: Session | null, name: string, bytes: Buffer, kind = 'memo') => {
    const body = multipart({ name, bytes });
    return t.app.inject({ method: 'POST', url: `/api/attachments?ownerKind=${kind}`, payload: body.payload, headers: { ...body.headers, ...(s ? authHeaders(s) : {}) } });
  };
  const download = (s: Session | null, id: number) => t.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: s ? authHeaders(s) : {} });
  const stored = async () => (await t.app.services.attachments.listFiles());
  const rows = async () => (await t.db.kysely.selectFrom('attachments').select('id').execute()).length;

  it('stores content once under its sha-256 and a row per upload', async () => {
    const first = await upload(alice, '活动照片.png', PNG);
    expect(first.statusCode).toBe(200);
    const dto = first.json<AttachmentDto>();
    expect(dto).toMatchObject({ name: '活动照片.png', type: 'image/png', size: PNG.length, url: `/api/attachments/${dto.id}` });
    const again = await upload(bob, '同一张.png', PNG);
    expect(again.statusCode).toBe(200);

    const hash = createHash('sha256').update(PNG).digest('hex');
    expect(await stored()).toEqual([join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect(await readFile(join(t.app.services.attachments.dir, await stored().then((f) => f[0]!)))).toEqual(PNG);
    expect(await rows()).toBe(2);
  });

  it('lets only the uploader read an upload not yet saved with its record, then follows the record', async () => {
    const { id } = (await upload(alice, '草稿图.png', PNG)).json<AttachmentDto>();
    expect((await download(alice, id)).statusCode).toBe(200);
    expect((await download(bob, id)).statusCode).toBe(404);
    expect((await download(null, id)).statusCode).toBe(404);

    const auth = (await t.app.services.auth.resolve(alice.cookie.split('=')[1]!))!;
    await t.db.kysely.transaction().execute((trx) => t.app.services.attachments.bind(trx, auth, 'memo', 7, [id]));
    expect((await download(bob, id)).statusCode).toBe(200);
    expect((await download(null, id)).statusCode).toBe(404);
    publicRecords.add(7);
    const res = await download(null, id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('public');
    expect(res.rawPayload).toEqual(PNG);

    // Bob cannot take Alice's record's file for another record.
    const bobAuth = (await t.app.services.auth.resolve(bob.cookie.split('=')[1]!))!;
    await expect(t.db.kysely.transaction().execute((trx) => t.app.services.attachments.bind(trx, bobAuth, 'memo', 8, [id]))).rejects.toThrow(`附件 ${id} 不存在或不属于本条记录`);
  });

  it('refuses by content and by size before keeping anything', async () => {
    const script = await upload(alice, '照片.png', Buffer.from('<script>alert(1)</script>'.repeat(4)));
    expect(script.statusCode).toBe(415);
    expect(script.json()).toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED', message: '文件内容不是有效的 .png 文件' });
    const svg = await upload(alice, 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'));
    expect(svg.statusCode).toBe(415);

    const big = Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1, 1);
    PNG.copy(big);
    const tooBig = await upload(alice, '大图.png', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toBe('文件过大：附件最大 10 MB');

    expect(await rows()).toBe(0);
    expect(await stored()).toEqual([]);
    expect(await readdir(join(t.app.services.attachments.dir, 'tmp'))).toEqual([]);
  });

  it('asks the owning module who may upload', async () => {
    expect((await upload(null, 'a.png', PNG)).statusCode).toBe(401);
    const city = await t.db.kysely.selectFrom('org_units').select('id').executeTakeFirstOrThrow();
    const reporter = await login(t.app, (await buildUser(t.db, { role: 'reporter', orgUnitId: city.id })).username);
    expect((await upload(reporter, 'a.png', PNG)).statusCode).toBe(403);
    const unknown = await upload(alice, 'a.png', PNG, 'nothing');
    expect([unknown.statusCode, unknown.json().message]).toEqual([400, '未知的附件归属“nothing”']);
  });

  it('takes its directory from HALFSKY_FILES_DIR', () => {
    const before = process.env.HALFSKY_FILES_DIR;
    process.env.HALFSKY_FILES_DIR = '/srv/halfsky-files';
    expect(filesDirFromEnv()).toBe('/srv/halfsky-files');
    delete process.env.HALFSKY_FILES_DIR;
    expect(filesDirFromEnv()).toMatch(/data\/files$/);
    if (before !== undefined) process.env.HALFSKY_FILES_DIR = before;
  });
});
