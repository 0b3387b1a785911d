import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/testDb';
import { migrateToLatest, openDatabase } from './connection';
import { migrationProvider } from './migrations';

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

  it.runIf(testDialect() === 'sqlite')('runs SQLite in WAL mode with synchronous=NORMAL, made durable by the group commit flush', async () => {
    // A connection as the server opens it (test databases themselves skip fsync).
    const server = openDatabase(db.target);
    try {
      const { rows: mode } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(server.kysely);
      const { rows: sync } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(server.kysely);
      expect([mode[0]?.journal_mode, sync[0]?.synchronous]).toEqual(['wal', 1]); // 1 = NORMAL; groupCommit.test.ts covers the flush
    } finally {
      await server.close();
    }
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

  it('keeps every value when the value table is rebuilt with its new key, and back', async () => {
    const k = db.kysely;
    const unit = await k.insertInto('org_units').values({ code: '210203', name: '西岗区', level: 'district' }).returning('id').executeTakeFirstOrThrow();
    const element = await k
      .insertInto('data_elements')
      .values({ code: 'DE1', name: '住院分娩数', unit: '人', value_type: 'count', categories: 'sex' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Not the age groups: going back past 0005 drops them with their values (tested below).
    const options = await k.selectFrom('category_options').select('id').where('category', '!=', 'age').orderBy('id').execute();
    const rows = options.map((o, i) => ({
      data_element_id: element.id, org_unit_id: unit.id, period: 2024, option_id: o.id, value: 100 + i, comment: i ? null : '含流动人口',
      department_id: null, version: 2, created_by: null, created_at: '2025-01-02T03:04:05.678Z', created_via: 'xlsx', updated_by: null, updated_at: '2025-02-03T04:05:06.789Z',
    }));
    await k.insertInto('data_values').values(rows).execute();
    // The columns 0003 knew; later migrations add others (0006: the writing seat, empty here).
    const read = () => k.selectFrom('data_values').select(Object.keys(rows[0]!) as (keyof (typeof rows)[number])[]).orderBy('option_id').execute();
    const migrator = new Migrator({ db: k, provider: migrationProvider });

    expect((await migrator.migrateTo('0003_analytics')).error).toBeUndefined();
    expect(await read()).toEqual(rows);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await read()).toEqual(rows);
    // The new key still refuses a second value for the same cell.
    await expect(k.insertInto('data_values').values(rows[0]!).execute()).rejects.toThrow(/unique|primary key/i);
  });

  it('adds the three age groups and takes them, their values and the age category back out', async () => {
    const k = db.kysely;
    const ageOptions = () => k.selectFrom('category_options').select(['code', 'name', 'sort']).where('category', '=', 'age').orderBy('sort').execute();
    expect(await ageOptions()).toEqual([
      { code: 'age0_14', name: '0–14岁', sort: 5 },
      { code: 'age15_59', name: '15–59岁', sort: 6 },
      { code: 'age60', name: '60岁及以上', sort: 7 },
    ]);
    const unit = await k.insertInto('org_units').values({ code: '210203', name: '西岗区', level: 'district' }).returning('id').executeTakeFirstOrThrow();
    const element = await k
      .insertInto('data_elements')
      .values({ code: 'DE1', name: '常住人口数', unit: '人', value_type: 'count', categories: 'sex,age' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const options = await k.selectFrom('category_options').select(['id', 'code']).where('code', 'in', ['total', 'age60']).orderBy('id').execute();
    const stamp = { created_at: '2025-01-02T03:04:05.678Z', created_via: 'api', updated_at: '2025-01-02T03:04:05.678Z' };
    await k.insertInto('data_values').values(options.map((o) => ({ data_element_id: element.id, org_unit_id: unit.id, period: 2024, option_id: o.id, value: 7, ...stamp }))).execute();
    const migrator = new Migrator({ db: k, provider: migrationProvider });

    expect((await migrator.migrateTo('0004_values_by_unit')).error).toBeUndefined();
    expect(await ageOptions()).toEqual([]);
    expect(await k.selectFrom('data_values').select('option_id').execute()).toEqual([{ option_id: options.find((o) => o.code === 'total')!.id }]);
    expect(await k.selectFrom('data_elements').select('categories').executeTakeFirstOrThrow()).toEqual({ categories: 'sex' });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await ageOptions()).toHaveLength(3);
  });
});
