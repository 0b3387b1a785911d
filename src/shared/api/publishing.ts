import { z } from 'zod';
import { AttachmentSchema } from './attachments';

export const ARTICLE_CATEGORIES = ['news', 'notice', 'policy', 'publicity'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<ArticleCategory, string> = { news: '工作动态', notice: '通知公告', policy: '政策文件', publicity: '宣传资料' };

export const ARTICLE_STATUSES = ['draft', 'review', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const STATUS_LABELS: Record<ArticleStatus, string> = { draft: '草稿', review: '待审核', published: '已发布', unpublished: '已撤下' };

export const ARTICLE_ACTIONS = ['submit', 'return', 'publish', 'unpublish', 'pin', 'unpin', 'feature', 'unfeature'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];
export const ACTION_LABELS: Record<ArticleAction | 'create' | 'save', string> = {
  create: '创建', save: '保存', submit: '提交审核', return: '退回修改', publish: '发布', unpublish: '撤下',
  pin: '置顶', unpin: '取消置顶', feature: '推荐到市级首页', unfeature: '取消推荐',
};

/** Limits of one article, checked before anything is saved. */
export const ARTICLE_LIMITS = { title: 200, summary: 500, bodyChars: 400_000, tags: 10, tagChars: 20, attachments: 20 } as const;

export const ArticleInputSchema = z.object({
  orgUnitId: z.number().int().positive(),
  category: z.enum(ARTICLE_CATEGORIES, { message: '请选择栏目' }),
  title: z.string().trim().min(1, '请填写标题').max(ARTICLE_LIMITS.title, `标题最多 ${ARTICLE_LIMITS.title} 字`),
  summary: z.string().trim().max(ARTICLE_LIMITS.summary, `摘要最多 ${ARTICLE_LIMITS.summary} 字`),
  bodyHtml: z.string().max(ARTICLE_LIMITS.bodyChars, `正文过长（最多 ${ARTICLE_LIMITS.bodyChars} 个字符）`),
  coverAttachmentId: z.number().int().positive().nullable(),
  attachmentIds: z.array(z.number().int().positive()).max(ARTICLE_LIMITS.attachments, `附件最多 ${ARTICLE_LIMITS.attachments} 个`),
  tags: z.array(z.string().trim().min(1).max(ARTICLE_LIMITS.tagChars, `标签最多 ${ARTICLE_LIMITS.tagChars} 字`)).max(ARTICLE_LIMITS.tags, `标签最多 ${ARTICLE_LIMITS.tags} 个`),
  /** When it shows on the portal once published; a later time schedules it. Null: when published. */
  publishAt: z.iso.datetime({ offset: true, message: '发布时间格式不正确' }).nullable(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;
export const ArticleUpdateSchema = ArticleInputSchema.omit({ orgUnitId: true }).extend({ version: z.number().int().positive() });
export type ArticleUpdate = z.infer<typeof ArticleUpdateSchema>;

const UnitRef = z.object({ id: z.number(), name: z.string() });

export const ArticleListItemSchema = z.object({
  id: z.number(),
  orgUnit: UnitRef,
  category: z.enum(ARTICLE_CATEGORIES),
  title: z.string(),
  summary: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  publishAt: z.string().nullable(),
  /** Published and its time has come: what the portal shows. */
  visible: z.boolean(),
  pinned: z.boolean(),
  featured: z.boolean(),
  coverUrl: z.string().nullable(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
});
export type ArticleListItem = z.infer<typeof ArticleListItemSchema>;

export const ArticleSchema = ArticleListItemSchema.extend({
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  cover: AttachmentSchema.nullable(),
  attachments: z.array(AttachmentSchema),
  version: z.number(),
  updatedBy: z.string(),
  /** What the reader may do next. */
  actions: z.array(z.enum(ARTICLE_ACTIONS)),
  canEdit: z.boolean(),
});
export type ArticleDto = z.infer<typeof ArticleSchema>;

export const ArticleActionSchema = z.object({ action: z.enum(ARTICLE_ACTIONS), version: z.number().int().positive() });

export const ArticleVersionSchema = z.object({ version: z.number(), action: z.string(), title: z.string(), savedBy: z.string(), savedAt: z.string(), bodyHtml: z.string() });

export const ArticlePageSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(ArticleListItemSchema) });
export type ArticlePage = z.infer<typeof ArticlePageSchema>;

export const PublicArticlesQuery = z.object({
  orgUnitId: z.coerce.number().int().positive().optional(),
  category: z.enum(ARTICLE_CATEGORIES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const EventSchema = z.object({
  id: z.number(), no: z.number(), date: z.string().nullable(), title: z.string(), text: z.string(),
  indicatorId: z.number().nullable(), linkUrl: z.string().nullable(),
  /** Photos of the event, shown under its text on the portal. */
  pictures: z.array(AttachmentSchema),
});
export type EventDto = z.infer<typeof EventSchema>;

export const SearchResultSchema = z.object({
  query: z.string(),
  results: z.array(z.object({ kind: z.enum(['article', 'indicator']), id: z.number(), title: z.string(), snippet: z.string(), url: z.string(), date: z.string().nullable() })),
});
export type SearchResultDto = z.infer<typeof SearchResultSchema>;

/** Limits of the office's 大事记 editing, checked before anything is written. */
export const EVENT_LIMITS = { title: 80, text: 5_000, importChars: 200_000, pictures: 9 } as const;

export const EventUpdateSchema = z.object({
  date: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '日期应为“2011-03”或“2011”').nullable(),
  title: z.string().trim().min(1, '请填写标题').max(EVENT_LIMITS.title, `标题最多 ${EVENT_LIMITS.title} 字`),
  text: z.string().trim().max(EVENT_LIMITS.text, `正文最多 ${EVENT_LIMITS.text} 字`),
  indicatorId: z.number().int().positive().nullable(),
  linkUrl: z.url({ protocol: /^https?$/, message: '链接应以 http:// 或 https:// 开头' }).max(500).nullable(),
  /** The photos it keeps, uploads among them; left out, the photos stay as they are. */
  pictureIds: z.array(z.number().int().positive()).max(EVENT_LIMITS.pictures, `配图最多 ${EVENT_LIMITS.pictures} 张`).optional(),
});
export type EventUpdate = z.infer<typeof EventUpdateSchema>;

export const EventImportSchema = z.object({
  orgUnitId: z.number().int().positive(),
  text: z.string().min(1, '请粘贴大事记文本').max(EVENT_LIMITS.importChars, `文本最多 ${EVENT_LIMITS.importChars.toLocaleString('en')} 字`),
  dryRun: z.boolean(),
});

export const EventImportResultSchema = z.object({
  heading: z.string().nullable(),
  events: z.array(z.object({ no: z.number(), title: z.string(), date: z.string().nullable(), text: z.string() })),
  warnings: z.array(z.string()),
  /** Null for a preview (dryRun). */
  outcome: z.object({ added: z.number(), updated: z.number() }).nullable(),
});
export type EventImportResult = z.infer<typeof EventImportResultSchema>;
