import type { AttachmentDto } from '../../../shared/api/attachments';
import type { ArticleAction, ArticleDto, ArticleInput, ArticleListItem, ArticleUpdate, EventDto, EventImportResult, EventUpdate } from '../../../shared/api/publishing';
import { api } from '../../http/client';

export type { ArticleDto, ArticleListItem, AttachmentDto, EventDto, EventImportResult };
export interface ArticleVersion { version: number; action: string; title: string; savedBy: string; savedAt: string; bodyHtml: string }

/** A file sent to the attachment store for a record of `ownerKind` (bound to it when the record is saved). */
const uploadFor = (ownerKind: 'article' | 'event') => (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<AttachmentDto>(`/api/attachments?ownerKind=${ownerKind}`, form);
};

export const articleUrls = {
  list: '/api/publishing/articles',
  one: (id: number) => `/api/publishing/articles/${id}`,
  versions: (id: number) => `/api/publishing/articles/${id}/versions`,
  /** The server-rendered public page. */
  publicPage: (id: number) => `/portal/articles/${id}`,
};

export const articlesApi = {
  create: (input: ArticleInput) => api.post<ArticleDto>(articleUrls.list, input),
  update: (id: number, input: ArticleUpdate) => api.put<ArticleDto>(articleUrls.one(id), input),
  act: (id: number, action: ArticleAction, version: number) => api.post<ArticleDto>(`${articleUrls.one(id)}/actions`, { action, version }),
  upload: uploadFor('article'),
};

export const eventUrls = {
  list: (orgUnitId: number) => `/api/publishing/events?orgUnitId=${orgUnitId}`,
};

export const eventsApi = {
  update: (id: number, input: EventUpdate) => api.put<EventDto>(`/api/publishing/events/${id}`, input),
  upload: uploadFor('event'),
  import: (orgUnitId: number, text: string, dryRun: boolean) => api.post<EventImportResult>('/api/publishing/events/import', { orgUnitId, text, dryRun }),
};
