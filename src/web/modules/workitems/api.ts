import type { AttachmentDto } from '../../../shared/api/attachments';
import type { ImportResultDto, IndicatorSupervisionDto, KeyItemDto, KeyItemListDto, ReportInput, SupervisionActionInput, SupervisionDto, SupervisionInput } from '../../../shared/api/workitems';
import { api } from '../../http/client';

export type { ImportResultDto, IndicatorSupervisionDto, KeyItemDto, KeyItemListDto, SupervisionDto };

export interface ItemDetailDto {
  item: KeyItemDto;
  canManage: boolean;
  reportAs: number[];
  /** The 工作要点 points this item carries out. */
  workPoints: { id: number; title: string }[];
}

const query = (p: Record<string, string | number | undefined>) => new URLSearchParams(Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const workitemsUrls = {
  list: (p: { orgUnitId?: number; year?: number }) => `/api/workitems/key-items?${query(p)}`,
  item: (id: number) => `/api/workitems/key-items/${id}`,
  bulletin: (format: 'docx' | 'xlsx', p: { orgUnitId: number; year: number; period: 'H1' | 'annual' }) => `/api/workitems/bulletin.${format}?${query(p)}`,
  supervisions: (p: { state?: 'open' | 'all'; itemId?: number; indicatorId?: number; workPointId?: number }) => `/api/supervisions?${query(p)}`,
  indicatorSupervision: (p: { indicatorId: number; orgUnitId: number }) => `/api/supervisions/indicator?${query(p)}`,
};

export const workitemsApi = {
  importFile: (file: File, p: { orgUnitId: number; year?: number; dryRun: boolean }) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<ImportResultDto>(`/api/workitems/import?${query({ ...p, dryRun: String(p.dryRun) })}`, form);
  },
  uploadEvidence: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<AttachmentDto>('/api/attachments?ownerKind=key_item_report', form);
  },
  report: (milestoneId: number, input: ReportInput) => api.post<ItemDetailDto>(`/api/workitems/milestones/${milestoneId}/reports`, input),
  issue: (input: SupervisionInput) => api.post<SupervisionDto>('/api/supervisions', input),
  act: (id: number, input: SupervisionActionInput) => api.post<SupervisionDto>(`/api/supervisions/${id}/actions`, input),
};
