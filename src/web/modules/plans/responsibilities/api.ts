import type { AttachmentDto } from '../../../../shared/api/attachments';
import type {
  FileImplementationInputDto, ImplementationPlanDto, ItemResponsibilityDto, ResponsibilityImportResultDto, SetResponsibilityInputDto,
} from '../../../../shared/api/responsibilities';
import type { ItemKind } from '../../../../shared/plans/responsibilityTable';
import { api } from '../../../http/client';

/** Responsibilities, 我的责任目标 and 实施方案 endpoints. */
export const responsibilitiesUrls = {
  ofPlan: (planId: number) => `/api/plans/${planId}/responsibilities`,
  template: (planId: number) => `/api/plans/${planId}/responsibilities/template.xlsx`,
  mine: (departmentId: number | null) => (departmentId === null ? '/api/my-responsibilities' : `/api/my-responsibilities?departmentId=${departmentId}`),
  implementation: (planId: number) => `/api/plans/${planId}/implementation-plans`,
};

export const responsibilitiesApi = {
  set: (kind: ItemKind, id: number, input: SetResponsibilityInputDto) => api.put<ItemResponsibilityDto>(`/api/plan-items/${kind}/${id}/responsibilities`, input),
  importTable: (planId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ResponsibilityImportResultDto>(`/api/plans/${planId}/responsibilities/import`, form);
  },
  setDue: (planId: number, dueOn: string) => api.put<null>(`/api/plans/${planId}/implementation-due`, { dueOn }),
  uploadAttachment: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<AttachmentDto>('/api/attachments?ownerKind=implementation_plan', form);
  },
  file: (planId: number, input: FileImplementationInputDto) => api.post<ImplementationPlanDto>(`/api/plans/${planId}/implementation-plans`, input),
  accept: (id: number) => api.post<ImplementationPlanDto>(`/api/implementation-plans/${id}/accept`),
  return: (id: number, reason: string) => api.post<ImplementationPlanDto>(`/api/implementation-plans/${id}/return`, { reason }),
};
