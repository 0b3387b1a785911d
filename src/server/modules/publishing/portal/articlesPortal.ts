import type { Kysely } from 'kysely';
import type { ArticleCategory, ArticlePage } from '../../../../shared/api/publishing';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import { ARTICLE_OWNER, listedFiles, listItem } from '../articles/service';
import { articlesRepository } from '../articles/repository';
import type { AttachmentStore } from '../../../services/attachments/store';
import { attachmentDto } from '../../../services/attachments/routes';
import type { EventsService } from '../events/service';

type PublicUnit = { id: number; name: string; level: string };

/**
 * The portal's articles and timeline, no login: published articles whose time has come. The top
 * unit's home lists its own and the districts' articles it featured; a district's section its own.
 */
export function articlesPortal(db: Kysely<Database>, units: () => Promise<PublicUnit[]>, events: EventsService, attachments: AttachmentStore) {
  const repo = articlesRepository(db);

  async function unitOf(orgUnitId: number | undefined): Promise<{ unit: PublicUnit; isTop: boolean; children: number[] }> {
    const all = await units();
    const unit = orgUnitId === undefined ? all[0] : all.find((u) => u.id === orgUnitId);
    if (!unit) throw appError('NOT_FOUND', '该单位没有公开栏目');
    const isTop = unit.id === all[0]!.id;
    return { unit, isTop, children: isTop ? all.slice(1).map((u) => u.id) : [] };
  }

  return {
    async page(q: { orgUnitId?: number; category?: ArticleCategory; page: number; pageSize: number }): Promise<ArticlePage> {
      const { unit, children } = await unitOf(q.orgUnitId);
      const now = new Date().toISOString();
      const { total, rows } = await repo.pageVisible({ now, unitIds: [unit.id], featuredFrom: children, category: q.category }, q.page, q.pageSize);
      return { total, page: q.page, pageSize: q.pageSize, items: rows.map((a) => listItem(a, now)) };
    },

    async article(id: number) {
      const now = new Date().toISOString();
      const a = await repo.findVisible(id, now);
      if (!a) throw appError('NOT_FOUND', '文章不存在或尚未发布');
      const files = await attachments.listOfOwner(ARTICLE_OWNER, a.id);
      return {
        ...listItem(a, now), bodyHtml: a.bodyHtml, tags: a.tags ? a.tags.split(',') : [],
        attachments: listedFiles(files, a).map(attachmentDto),
      };
    },

    async events(orgUnitId: number | undefined) {
      const { unit } = await unitOf(orgUnitId);
      return events.list(unit.id);
    },

    /** The newest published articles of every public unit, for the feed. */
    latest: (limit: number) => repo.latestVisible(new Date().toISOString(), limit),
  };
}
export type ArticlesPortal = ReturnType<typeof articlesPortal>;
