import type { Kysely } from 'kysely';
import type { ArticleAction, ArticleDto, ArticleInput, ArticleListItem, ArticleUpdate } from '../../../../shared/api/publishing';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import type { AttachmentStore } from '../../../services/attachments/store';
import { attachmentDto } from '../../../services/attachments/routes';
import { can } from '../../../../shared/policy';
import { assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import type { OrgTree } from '../../orgs/tree';
import type { SearchIndex } from '../search/service';
import { articlesRepository, type ArticleRow } from './repository';
import { bodyImageIds, htmlToText, sanitizeArticleHtml } from './sanitize';
import { actionsFor, transition } from './workflow';

export const ARTICLE_OWNER = 'article';

const attachmentUrl = (id: number | null) => (id ? `/api/attachments/${id}` : null);

/** The files listed under an article: its attachments, not its cover nor the images its body shows. */
export function listedFiles<F extends { id: number }>(files: readonly F[], article: { coverAttachmentId: number | null; bodyHtml: string }): F[] {
  const shown = new Set([article.coverAttachmentId, ...bodyImageIds(article.bodyHtml)]);
  return files.filter((f) => !shown.has(f.id));
}

export function listItem(a: ArticleRow, now: string): ArticleListItem {
  return {
    id: a.id, orgUnit: { id: a.orgUnitId, name: a.orgUnitName }, category: a.category, title: a.title, summary: a.summary, status: a.status,
    publishAt: a.publishAt, visible: a.status === 'published' && a.publishAt !== null && a.publishAt <= now, pinned: !!a.pinned, featured: !!a.featured,
    coverUrl: attachmentUrl(a.coverAttachmentId), updatedAt: a.updatedAt, isDemo: !!a.isDemo,
  };
}

/** Articles as the office writes them: drafts, review, publishing, versions; the body sanitised on every save. */
export function articlesService(db: Kysely<Database>, orgs: OrgsService, attachments: AttachmentStore, search: SearchIndex) {
  const repo = articlesRepository(db);
  const now = () => new Date().toISOString();

  const canEdit = (auth: AuthContext | null, unitId: number, tree: OrgTree) => !!auth && can(auth, 'articles.edit', { orgUnitId: unitId, tree });
  const editsAnywhere = (auth: AuthContext) => can(auth, 'articles.edit');

  attachments.registerOwner(ARTICLE_OWNER, {
    label: '文章',
    canUpload: (auth) => editsAnywhere(auth),
    canRead: async (auth, id) => {
      const article = await repo.find(id);
      if (!article) return false;
      return listItem(article, now()).visible || canEdit(auth, article.orgUnitId, await orgs.tree());
    },
  });


  async function load(auth: AuthContext | null, id: number): Promise<{ article: ArticleRow; tree: OrgTree }> {
    if (!editsAnywhere(requireAuth(auth))) throw appError('AUTH_FORBIDDEN');
    const article = await repo.find(id);
    const tree = await orgs.tree();
    // Another unit's draft is not found rather than refused.
    if (!article || !canEdit(auth, article.orgUnitId, tree)) throw appError('NOT_FOUND', '文章不存在');
    return { article, tree };
  }

  async function dto(auth: AuthContext, article: ArticleRow, tree: OrgTree): Promise<ArticleDto> {
    const files = await attachments.listOfOwner(ARTICLE_OWNER, article.id);
    const parent = tree.ancestorsOrSelf(article.orgUnitId)[1] ?? null;
    const mayFeature = parent !== null && can(auth, 'articles.feature', { orgUnitId: parent, tree });
    return {
      ...listItem(article, now()),
      bodyHtml: article.bodyHtml,
      tags: article.tags ? article.tags.split(',') : [],
      cover: files.filter((f) => f.id === article.coverAttachmentId).map(attachmentDto)[0] ?? null,
      attachments: listedFiles(files, article).map(attachmentDto),
      version: article.version,
      updatedBy: article.updatedByName,
      actions: actionsFor(article, { edit: canEdit(auth, article.orgUnitId, tree), feature: mayFeature }),
      canEdit: canEdit(auth, article.orgUnitId, tree),
    };
  }

  /** The input as stored: sanitised body, a summary from the body when none is written, tags deduplicated. */
  const fields = (input: Omit<ArticleInput, 'orgUnitId'>) => {
    const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
    const tags = [...new Set(input.tags.map((t) => t.replace(/,|，/g, ' ').trim()))];
    return {
      category: input.category, title: input.title, bodyHtml, tags: tags.join(','),
      summary: input.summary || htmlToText(bodyHtml).slice(0, 120),
      coverAttachmentId: input.coverAttachmentId, publishAt: input.publishAt ? new Date(input.publishAt).toISOString() : null,
    };
  };
  // The body's images are bound with the files, so a reader of the published article may load them.
  const fileIds = (input: Omit<ArticleInput, 'orgUnitId'>) => [
    ...input.attachmentIds, ...(input.coverAttachmentId ? [input.coverAttachmentId] : []), ...bodyImageIds(sanitizeArticleHtml(input.bodyHtml)),
  ];

  return {
    /** The articles of every unit the reader edits. */
    async list(auth: AuthContext | null): Promise<ArticleListItem[]> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      if (!editsAnywhere(user)) throw appError('AUTH_FORBIDDEN');
      const t = now();
      return (await repo.listRecent()).filter((a) => canEdit(user, a.orgUnitId, tree)).map((a) => listItem(a, t));
    },

    async get(auth: AuthContext | null, id: number): Promise<ArticleDto> {
      const { article, tree } = await load(auth, id);
      return dto(auth!, article, tree);
    },

    async create(auth: AuthContext | null, input: ArticleInput): Promise<ArticleDto> {
      const tree = await orgs.tree();
      if (!tree.has(input.orgUnitId)) throw appError('NOT_FOUND', '单位不存在');
      const user = assertCan(auth, 'articles.edit', { orgUnitId: input.orgUnitId, tree });
      const id = await db.transaction().execute(async (trx) => {
        const id = await articlesRepository(trx).insert({ ...fields(input), orgUnitId: input.orgUnitId, userId: user.userId });
        await attachments.bind(trx, user, ARTICLE_OWNER, id, fileIds(input));
        await articlesRepository(trx).addVersion(id, 'create', user.userId);
        return id;
      });
      return dto(user, (await repo.find(id))!, tree);
    },

    async update(auth: AuthContext | null, id: number, input: ArticleUpdate): Promise<ArticleDto> {
      const { article, tree } = await load(auth, id);
      const user = auth!;
      await db.transaction().execute(async (trx) => {
        const r = articlesRepository(trx);
        if (!(await r.update(id, input.version, user.userId, fields(input)))) throw appError('VALUE_CONFLICT', '文章已被他人修改，请刷新后再编辑');
        await attachments.bind(trx, user, ARTICLE_OWNER, id, fileIds(input));
        await r.addVersion(id, 'save', user.userId);
        if (article.status === 'published') await search.indexArticle(trx, (await r.find(id))!);
      });
      return dto(user, (await repo.find(id))!, tree);
    },

    async act(auth: AuthContext | null, id: number, action: ArticleAction, version: number): Promise<ArticleDto> {
      const { article, tree } = await load(auth, id);
      const user = auth!;
      const parent = tree.ancestorsOrSelf(article.orgUnitId)[1] ?? null;
      const mayFeature = parent !== null && can(user, 'articles.feature', { orgUnitId: parent, tree });
      const allowed = actionsFor(article, { edit: true, feature: mayFeature });
      if (!allowed.includes(action)) throw appError('WORKFLOW_REFUSED', `当前状态（${article.status}）下不能“${action}”`);
      await db.transaction().execute(async (trx) => {
        const r = articlesRepository(trx);
        if (!(await r.update(id, version, user.userId, transition(article, action, now())))) throw appError('VALUE_CONFLICT', '文章已被他人修改，请刷新后再操作');
        await r.addVersion(id, action, user.userId);
        const saved = (await r.find(id))!;
        if (saved.status === 'published') await search.indexArticle(trx, saved);
        else await search.removeArticle(trx, id);
      });
      return dto(user, (await repo.find(id))!, tree);
    },

    async versions(auth: AuthContext | null, id: number) {
      await load(auth, id);
      return repo.versions(id);
    },
  };
}
export type ArticlesService = ReturnType<typeof articlesService>;
