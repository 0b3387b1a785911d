import { sql, type Kysely, type Transaction } from 'kysely';
import type { ArticleCategory, ArticleStatus, Database } from '../../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface ArticleRow {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  category: ArticleCategory;
  title: string;
  summary: string;
  bodyHtml: string;
  coverAttachmentId: number | null;
  tags: string;
  status: ArticleStatus;
  publishAt: string | null;
  pinned: number;
  featured: number;
  version: number;
  updatedAt: string;
  updatedByName: string;
  isDemo: number;
}

export interface ArticleFields {
  category: ArticleCategory;
  title: string;
  summary: string;
  bodyHtml: string;
  coverAttachmentId: number | null;
  tags: string;
  publishAt: string | null;
}

/** Which published articles a listing shows: those of some units, or also featured ones below them. */
export interface VisibleFilter {
  now: string;
  unitIds: readonly number[];
  featuredFrom?: readonly number[];
  category?: ArticleCategory;
}

export function articlesRepository(db: Executor) {
  const base = () =>
    db
      .selectFrom('articles as a')
      .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
      .innerJoin('users as w', 'w.id', 'a.updated_by')
      .select([
        'a.id', 'a.org_unit_id as orgUnitId', 'u.name as orgUnitName', 'a.category', 'a.title', 'a.summary', 'a.body_html as bodyHtml',
        'a.cover_attachment_id as coverAttachmentId', 'a.tags', 'a.status', 'a.publish_at as publishAt', 'a.pinned', 'a.featured', 'a.version',
        'a.updated_at as updatedAt', 'w.display_name as updatedByName', 'a.is_demo as isDemo',
      ]);

  const visible = (f: VisibleFilter) => {
    let q = base().where('a.status', '=', 'published').where('a.publish_at', '<=', f.now);
    q = q.where((eb) => eb.or([eb('a.org_unit_id', 'in', f.unitIds), ...(f.featuredFrom?.length ? [eb.and([eb('a.org_unit_id', 'in', f.featuredFrom), eb('a.featured', '=', 1)])] : [])]));
    return f.category ? q.where('a.category', '=', f.category) : q;
  };

  return {
    find: (id: number): Promise<ArticleRow | undefined> => base().where('a.id', '=', id).executeTakeFirst(),

    /** The most recently changed articles, for the editors' list (filtered by scope in the service). */
    listRecent: (): Promise<ArticleRow[]> => base().orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(1000).execute(),

    async pageVisible(f: VisibleFilter, page: number, pageSize: number): Promise<{ total: number; rows: ArticleRow[] }> {
      const { total } = await visible(f).clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await visible(f).orderBy('a.pinned', 'desc').orderBy('a.publish_at', 'desc').orderBy('a.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
      return { total: Number(total), rows };
    },

    findVisible: (id: number, now: string): Promise<ArticleRow | undefined> =>
      base().where('a.id', '=', id).where('a.status', '=', 'published').where('a.publish_at', '<=', now).executeTakeFirst(),

    visibleAmong: (ids: readonly number[], now: string): Promise<ArticleRow[]> =>
      ids.length ? base().where('a.id', 'in', ids).where('a.status', '=', 'published').where('a.publish_at', '<=', now).execute() : Promise.resolve([]),

    latestVisible: (now: string, limit: number): Promise<ArticleRow[]> =>
      base().where('a.status', '=', 'published').where('a.publish_at', '<=', now).orderBy('a.publish_at', 'desc').limit(limit).execute(),

    async insert(row: ArticleFields & { orgUnitId: number; userId: number; isDemo?: boolean; status?: ArticleStatus }): Promise<number> {
      const { id } = await db
        .insertInto('articles')
        .values({
          org_unit_id: row.orgUnitId, category: row.category, title: row.title, summary: row.summary, body_html: row.bodyHtml,
          cover_attachment_id: row.coverAttachmentId, tags: row.tags, publish_at: row.publishAt, status: row.status ?? 'draft',
          created_by: row.userId, updated_by: row.userId, is_demo: row.isDemo ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    /** Writes when the version is still `version`; false when someone else saved first. */
    async update(id: number, version: number, userId: number, set: Partial<ArticleFields & { status: ArticleStatus; pinned: number; featured: number }>): Promise<boolean> {
      const res = await db
        .updateTable('articles')
        .set({
          ...(set.category !== undefined && { category: set.category }), ...(set.title !== undefined && { title: set.title }),
          ...(set.summary !== undefined && { summary: set.summary }), ...(set.bodyHtml !== undefined && { body_html: set.bodyHtml }),
          ...(set.coverAttachmentId !== undefined && { cover_attachment_id: set.coverAttachmentId }), ...(set.tags !== undefined && { tags: set.tags }),
          ...(set.publishAt !== undefined && { publish_at: set.publishAt }), ...(set.status !== undefined && { status: set.status }),
          ...(set.pinned !== undefined && { pinned: set.pinned }), ...(set.featured !== undefined && { featured: set.featured }),
          version: version + 1, updated_by: userId, updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async addVersion(articleId: number, action: string, userId: number): Promise<void> {
      await db
        .insertInto('article_versions')
        .columns(['article_id', 'version', 'action', 'title', 'summary', 'body_html', 'tags', 'saved_by'])
        .expression((eb) =>
          eb.selectFrom('articles').where('id', '=', articleId)
            .select(['id', 'version', sql.lit(action).as('action'), 'title', 'summary', 'body_html', 'tags', sql.lit(userId).as('saved_by')]),
        )
        .execute();
    },

    versions: (articleId: number) =>
      db
        .selectFrom('article_versions as v')
        .innerJoin('users as w', 'w.id', 'v.saved_by')
        .select(['v.version', 'v.action', 'v.title', 'w.display_name as savedBy', 'v.saved_at as savedAt', 'v.body_html as bodyHtml'])
        .where('v.article_id', '=', articleId)
        .orderBy('v.version', 'desc')
        .execute(),
  };
}
export type ArticlesRepository = ReturnType<typeof articlesRepository>;
