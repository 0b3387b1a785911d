import { createTokenIndex, dropTokenIndex, nowDefault, types, withId, type MigrationDb } from './schemaUtils';

/**
 * Publishing: the platform's attachment store (files by sha-256, metadata here), articles with
 * their versions, the 大事记 timeline, and the search index of articles and public indicators.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = types(db);

  // One row per upload; the bytes live once per hash in the files directory. An upload not yet
  // saved with its owner has owner_id null and is readable by its uploader only.
  await withId(db, db.schema.createTable('attachments'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer')
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('attachments_hash').on('attachments').column('hash').execute();

  await withId(db, db.schema.createTable('articles'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('category', 'text', (c) => c.notNull()) // news | notice | policy | publicity
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('cover_attachment_id', 'integer', (c) => c.references('attachments.id'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('')) // comma-separated
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // draft | review | published | unpublished
    .addColumn('publish_at', t.timestamp) // shown from then on once published; a later time schedules it
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0)) // a district's article the city shows
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('articles_listing').on('articles').columns(['org_unit_id', 'status', 'publish_at']).execute();

  await withId(db, db.schema.createTable('article_versions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // save | submit | publish | unpublish | …
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', t.text, (c) => c.notNull())
    .addColumn('body_html', t.text, (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('saved_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('article_versions_article').on('article_versions').columns(['article_id', 'version']).execute();

  await withId(db, db.schema.createTable('events'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('date', 'text') // YYYY-MM or YYYY, null when the text names no year
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id').onDelete('set null'))
    .addColumn('link_url', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex('events_unit').on('events').columns(['org_unit_id', 'date']).execute();

  await withId(db, db.schema.createTable('search_entries'))
    .addColumn('kind', 'text', (c) => c.notNull()) // article | indicator
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('tokens', t.text, (c) => c.notNull())
    .addUniqueConstraint('search_entries_ref', ['kind', 'ref_id'])
    .execute();
  await createTokenIndex(db, 'search_entries', 'tokens');
}

export async function down(db: MigrationDb): Promise<void> {
  await dropTokenIndex(db, 'search_entries');
  for (const table of ['search_entries', 'events', 'article_versions', 'articles', 'attachments']) await db.schema.dropTable(table).execute();
}
