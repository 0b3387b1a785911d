import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, buildTestApp, type Session, type TestApp } from '../../../../test/support/appHarness';
import { buildReportingFixture, type ReportingFixture } from '../../../../test/support/reportingFixture';
import { testDialect } from '../../../../test/support/testDb';
import { buildApp } from '../../app';
import type { SubmissionDto, TaskDto, TaskOverlapDto } from '../../../shared/api/reporting';
import { reportingRepository } from './repository';

interface Reply {
  status: number;
  body: { code?: string; message?: string; details?: { current?: { value: number } }[] };
}

/**
 * The approval lock on every path and writes that race. On PostgreSQL the racing requests go to two
 * app instances with pools of their own; on SQLite the server holds one connection (transactions run
 * one at a time) and the race is between concurrent requests that read before they write.
 */
describe(`trustworthy values (${testDialect()})`, () => {
  let t: TestApp;
  let f: ReportingFixture;
  let apps: FastifyInstance[];
  let seat: SubmissionDto;

  beforeEach(async () => {
    t = await buildTestApp();
    f = await buildReportingFixture(t);
    apps = testDialect() === 'postgres' ? [t.app, await buildApp({ db: t.db.openAnother() })] : [t.app];
    seat = (await f.get<SubmissionDto[]>(f.reporter, '/api/reporting/submissions?mine=true')).body[0]!;
  });
  afterEach(async () => {
    for (const app of apps.slice(1)) await app.close();
    await t.close();
  });

  const request = async (i: number, s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<Reply> => {
    const res = await apps[i % apps.length]!.inject({ method, url, payload, headers: authHeaders(s) });
    return { status: res.statusCode, body: res.body ? res.json() : {} };
  };
  const saveCell = (i: number, s: Session, dataElementId: number, value: number | null, expectedVersion: number | null) =>
    request(i, s, 'PUT', `/api/reporting/submissions/${seat.id}/values`, { cells: [{ dataElementId, option: 'total', value, expectedVersion }] });
  const stored = async (dataElementId: number) =>
    t.db.kysely.selectFrom('data_values').select(['value', 'version', 'submission_id']).where('data_element_id', '=', dataElementId).where('org_unit_id', '=', f.xigang.id).executeTakeFirst();
  const act = (s: Session, id: number, action: string, reason?: string) => request(0, s, 'POST', `/api/reporting/submissions/${id}/actions`, { action, reason });
  const fillAndApprove = async () => {
    expect((await saveCell(0, f.reporter, f.mmr.numeratorId, 3, null)).status).toBe(200);
    expect((await saveCell(0, f.reporter, f.mmr.denominatorId, 40000, null)).status).toBe(200);
    expect((await act(f.reporter, seat.id, 'submit')).status).toBe(200);
    expect((await act(f.statistics, seat.id, 'approve')).status).toBe(200);
  };
  const publicCsv = async () => {
    await t.db.kysely.updateTable('indicators').set({ published: 1 }).where('id', '=', f.mmr.id).execute();
    return (await t.app.inject({ url: '/api/public/data.sdmx.csv' })).body;
  };

  describe('the approval lock', () => {
    it('refuses a second task of the year for a cell a task already collects, and names the overlap first', async () => {
      const overlaps = await f.get<TaskOverlapDto[]>(f.office, `/api/reporting/tasks/overlaps?year=2024&indicatorIds=${f.mmr.id}&orgUnitIds=${f.xigang.id}`);
      expect(overlaps.body).toEqual([{ task: { id: f.task.id, name: f.task.name, closed: false }, indicators: [{ id: f.mmr.id, name: expect.any(String) }], units: [{ id: f.xigang.id, name: '西岗区' }] }]);
      const second = await f.send<Reply['body']>(f.office, 'POST', '/api/reporting/tasks', {
        orgUnitId: f.city.id, year: 2024, name: '2024年度补充填报', opensOn: '2025-01-01', dueOn: '2099-03-31', indicatorIds: [f.mmr.id], orgUnitIds: [f.xigang.id],
      });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('TASK_OVERLAP');
      expect(second.body.message).toContain('已包含西岗区的');
      // Another year, or a unit the first task does not collect, is no overlap.
      const nextYear = await f.get<TaskOverlapDto[]>(f.office, `/api/reporting/tasks/overlaps?year=2025&indicatorIds=${f.mmr.id}&orgUnitIds=${f.xigang.id}`);
      expect(nextYear.body).toEqual([]);
    });

    it('keeps an approved value locked and unchanged in public when a second seat of the year collects the cell', async () => {
      await fillAndApprove();
      expect(await publicCsv()).toContain(',7.5');
      // A second task made before overlaps were refused (an older database): its seat is open.
      const repo = reportingRepository(t.db.kysely);
      const legacy = await repo.insertTask({ orgUnitId: f.city.id, year: 2024, name: '旧版本重复任务', opensOn: '2025-01-01', dueOn: '2099-03-31', createdBy: null, isDemo: false });
      await repo.linkIndicators(legacy, [f.mmr.id]);
      await repo.insertSubmissions(legacy, [{ orgUnitId: f.xigang.id, departmentId: f.xigangHealth }], new Date().toISOString());
      const legacySeat = (await f.get<SubmissionDto[]>(f.reporter, `/api/reporting/submissions?taskId=${legacy}`)).body[0]!;

      const res = await request(0, f.reporter, 'PUT', `/api/reporting/submissions/${legacySeat.id}/values`, {
        cells: [{ dataElementId: f.mmr.numeratorId, option: 'total', value: 9, expectedVersion: 1 }],
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('已审核通过并锁定');
      const api = await request(0, f.reporter, 'POST', '/api/dataValueSets', {
        dataValues: [{ dataElement: (await t.db.kysely.selectFrom('data_elements').select('code').where('id', '=', f.mmr.numeratorId).executeTakeFirstOrThrow()).code, period: '2024', orgUnit: '210203', value: '9' }],
      });
      expect(api.status).toBe(409);
      expect(await stored(f.mmr.numeratorId)).toMatchObject({ value: 3, version: 1 });
      expect(await publicCsv()).toContain(',7.5');
    });

    it('counts a value as approved only while the seat that wrote it is approved', async () => {
      await fillAndApprove();
      expect(await stored(f.mmr.numeratorId)).toMatchObject({ submission_id: seat.id });
      expect(await publicCsv()).toContain(',7.5');
      expect((await act(f.statistics, seat.id, 'reopen', '核对分母')).status).toBe(200);
      expect(await publicCsv()).not.toContain(',7.5');
    });

    it('closes a task so that its seats take no values; deletes only a task without values', async () => {
      expect((await saveCell(0, f.reporter, f.mmr.numeratorId, 3, null)).status).toBe(200);
      const refused = await request(0, f.office, 'DELETE', `/api/reporting/tasks/${f.task.id}`);
      expect(refused).toMatchObject({ status: 409, body: { code: 'TASK_HAS_VALUES' } });
      const closed = await f.send<TaskDto>(f.office, 'POST', `/api/reporting/tasks/${f.task.id}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ hasValues: true, closedAt: expect.any(String) });
      const late = await saveCell(0, f.reporter, f.mmr.numeratorId, 4, 1);
      expect(late.status).toBe(409);
      expect(late.body.message).toContain('填报任务已关闭');

      const empty = await f.send<TaskDto>(f.office, 'POST', '/api/reporting/tasks', {
        orgUnitId: f.city.id, year: 2023, name: '2023年度填报', opensOn: '2025-01-01', dueOn: '2099-03-31', indicatorIds: [f.mmr.id], orgUnitIds: [f.xigang.id],
      });
      expect(empty.body.hasValues).toBe(false);
      expect((await request(0, f.statistics, 'DELETE', `/api/reporting/tasks/${empty.body.id}`)).status).toBe(403);
      expect((await request(0, f.office, 'DELETE', `/api/reporting/tasks/${empty.body.id}`)).status).toBe(204);
      expect(await t.db.kysely.selectFrom('submissions').select('id').where('task_id', '=', empty.body.id).execute()).toEqual([]);
    });
  });

  describe('racing writes', () => {
    it('lets one of many simultaneous first saves of an empty cell win and tells the others its value', async () => {
      const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => saveCell(i, i % 2 ? f.reporter : f.reporter2, f.mmr.numeratorId, 10 + i, null)));
      expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array<number>(11).fill(409)]);
      const winner = 10 + replies.findIndex((r) => r.status === 200);
      expect(await stored(f.mmr.numeratorId)).toMatchObject({ value: winner, version: 1 });
      for (const lost of replies.filter((r) => r.status === 409)) {
        expect(lost.body.code).toBe('VALUE_CONFLICT');
        expect(lost.body.details?.[0]?.current?.value).toBe(winner);
      }
    });

    it('lets either a delete or an update of the same version win, never both', async () => {
      for (let round = 0; round < 8; round++) {
        const before = await stored(f.mmr.numeratorId);
        const version = before?.version ?? null;
        if (!before) expect((await saveCell(0, f.reporter, f.mmr.numeratorId, 1, null)).status).toBe(200);
        const current = before ? version! : 1;
        const [deleted, updated] = await Promise.all([
          saveCell(round, f.reporter, f.mmr.numeratorId, null, current),
          saveCell(round + 1, f.reporter2, f.mmr.numeratorId, 100 + round, current),
        ]);
        expect([deleted.status, updated.status].sort()).toEqual([200, 409]);
        const after = await stored(f.mmr.numeratorId);
        if (updated.status === 200) expect(after).toMatchObject({ value: 100 + round, version: current + 1 });
        else expect(after).toBeUndefined();
      }
    });

    it('never lands a save in a seat after it was submitted, and loses no acknowledged save', async () => {
      expect((await saveCell(0, f.reporter, f.mmr.numeratorId, 3, null)).status).toBe(200);
      expect((await saveCell(0, f.reporter, f.mmr.denominatorId, 40000, null)).status).toBe(200);
      const code = (await t.db.kysely.selectFrom('data_elements').select('code').where('id', '=', f.mmr.denominatorId).executeTakeFirstOrThrow()).code;
      const viaApi = (i: number) =>
        request(i, f.reporter, 'POST', '/api/dataValueSets', { dataValues: [{ dataElement: code, period: '2024', orgUnit: '210203', value: String(40001 + i) }] });
      const replies = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => viaApi(i)),
        request(1, f.reporter, 'POST', `/api/reporting/submissions/${seat.id}/actions`, { action: 'submit' }),
      ]);
      expect(replies.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      expect(replies.at(-1)!.status).toBe(200);
      const acknowledged = replies.slice(0, -1).filter((r) => r.status === 200 && (r.body as { response?: { importCount?: { updated: number } } }).response?.importCount?.updated === 1);
      const submittedAt = (await t.db.kysely.selectFrom('submission_events').select('at').where('submission_id', '=', seat.id).where('action', '=', 'submit').executeTakeFirstOrThrow()).at;
      const changes = await t.db.kysely.selectFrom('data_value_audits').select(['changed_at', 'new_value']).where('data_element_id', '=', f.mmr.denominatorId).execute();
      expect(changes).toHaveLength(acknowledged.length);
      for (const change of changes) expect(change.changed_at <= submittedAt).toBe(true);
      expect((await stored(f.mmr.denominatorId))?.value).toBe(changes.length ? changes.sort((a, b) => a.changed_at.localeCompare(b.changed_at)).at(-1)!.new_value : 40000);
    });
  });
});
