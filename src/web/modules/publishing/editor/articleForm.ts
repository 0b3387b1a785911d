import dayjs, { type Dayjs } from 'dayjs';
import type { ArticleCategory, ArticleDto, ArticleInput } from '../../../../shared/api/publishing';
import type { AttachmentDto } from '../api';

/** The editor form's values: files as the uploaded attachments, the publish time as a picker value. */
export interface ArticleFormValues {
  orgUnitId?: number;
  category: ArticleCategory;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  publishAt: Dayjs | null;
  cover: AttachmentDto | null;
  attachments: AttachmentDto[];
}

export const ARTICLE_FIELDS = ['orgUnitId', 'category', 'title', 'summary', 'bodyHtml', 'tags', 'publishAt', 'coverAttachmentId', 'attachmentIds'] as const;

export function emptyArticle(orgUnitId: number | undefined, category: ArticleCategory = 'news'): ArticleFormValues {
  return { orgUnitId, category, title: '', summary: '', bodyHtml: '', tags: [], publishAt: null, cover: null, attachments: [] };
}

export function formValuesOf(a: ArticleDto): ArticleFormValues {
  return {
    category: a.category, title: a.title, summary: a.summary, bodyHtml: a.bodyHtml, tags: a.tags,
    publishAt: a.publishAt ? dayjs(a.publishAt) : null, cover: a.cover, attachments: a.attachments,
  };
}

/** What the server takes; unit only when creating. */
export function inputOf(v: ArticleFormValues): Omit<ArticleInput, 'orgUnitId'> {
  return {
    category: v.category, title: v.title.trim(), summary: v.summary.trim(), bodyHtml: v.bodyHtml,
    tags: [...new Set(v.tags.map((t) => t.trim()).filter(Boolean))],
    publishAt: v.publishAt ? v.publishAt.toISOString() : null,
    coverAttachmentId: v.cover?.id ?? null,
    attachmentIds: v.attachments.map((a) => a.id),
  };
}

/** A time still to come makes 发布 a scheduled publication. */
export const isScheduled = (publishAt: string | null, now = new Date()) => publishAt !== null && new Date(publishAt) > now;
