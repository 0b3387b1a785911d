import type { ImportInput, NewWorkPointInput, PreviewDto, RecordInput, WorkPointDto, WorkPointInput, WorkPointsDto } from '../../../shared/api/workPoints';
import { api } from '../../http/client';

export type { PreviewDto, WorkPointDto, WorkPointsDto };

const query = (p: Record<string, string | number | undefined>) => new URLSearchParams(Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const workPointsUrls = {
  list: (p: { orgUnitId?: number; year?: number }) => `/api/workpoints?${query(p)}`,
  export: (p: { orgUnitId: number; year: number }) => `/api/workpoints/export.xlsx?${query(p)}`,
  keyItems: (p: { orgUnitId: number; year: number }) => `/api/workpoints/key-items?${query(p)}`,
};

export const workPointsApi = {
  /** A file, or pasted text sent as a .txt file. */
  preview: (file: File, p: { orgUnitId: number; year?: number }) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<PreviewDto>(`/api/workpoints/preview?${query(p)}`, form);
  },
  import: (input: ImportInput) => api.post<{ saved: number; replaced: number }>('/api/workpoints/import', input),
  create: (input: NewWorkPointInput) => api.post<{ id: number }>('/api/workpoints', input),
  update: (id: number, input: WorkPointInput) => api.put(`/api/workpoints/${id}`, input),
  move: (id: number, direction: 'up' | 'down') => api.post(`/api/workpoints/${id}/move`, { direction }),
  remove: (id: number) => api.delete(`/api/workpoints/${id}`),
  record: (id: number, input: RecordInput) => api.post(`/api/workpoints/${id}/records`, input),
  link: (id: number, keyItemIds: number[]) => api.put(`/api/workpoints/${id}/key-items`, { keyItemIds }),
};
