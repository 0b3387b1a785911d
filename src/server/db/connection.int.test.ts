import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { migrateToLatest } from './connection';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`database connection (${testDialect()})`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('is fully migrated', async () => {
    expect(db.dialect).toBe(testDialect());
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('stores and reads back a row, Chinese text included', async () => {
    const { id } = await db.kysely
      .insertInto('org_units')
      .values({ code: '440300', name: '深圳市妇女儿童工作委员会', level: 'city' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const row = await db.kysely.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({
      id,
      code: '440300',
      name: '深圳市妇女儿童工作委员会',
      level: 'city',
      parent_id: null,
      sort: 0,
      is_demo: 0,
    });

    const { n } = await db.kysely
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('round-trips ISO timestamps and defaults them to now', async () => {
    const before = new Date().toISOString();
    // Separate inserts: in a multi-row insert Kysely fills a missing column with NULL on SQLite, not the default.
    await db.kysely
      .insertInto('users')
      .values({ username: 'explicit', display_name: '甲', password_hash: 'x', created_at: '2024-03-01T08:30:00.250Z' })
      .execute();
    await db.kysely.insertInto('users').values({ username: 'defaulted', display_name: '乙', password_hash: 'x' }).execute();

    const rows = await db.kysely.selectFrom('users').select(['username', 'created_at']).orderBy('id').execute();
    expect(rows[0]).toEqual({ username: 'explicit', created_at: '2024-03-01T08:30:00.250Z' });
    const defaulted = rows[1]?.created_at;
    expect(defaulted).toMatch(ISO_INSTANT);
    // Millisecond precision on both sides; allow for clock granularity between Node and the database.
    expect(Date.parse(defaulted ?? '')).toBeGreaterThanOrEqual(Date.parse(before) - 1000);
  });

  it('enforces unique constraints', async () => {
    const unit = { code: '440300', name: '深圳市', level: 'city' } as const;
    await db.kysely.insertInto('org_units').values(unit).execute();
    await expect(db.kysely.insertInto('org_units').values(unit).execute()).rejects.toThrow(/unique/i);
  });
});
