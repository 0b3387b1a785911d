import type { AttachmentDto } from '../../../shared/api/attachments';
import type { FormDto, MyFormDto, RoundDto, RoundInput, RoundListDto, SaveFormInput } from '../../../shared/api/unitreports';
import { api } from '../../http/client';

export type { FormDto, MyFormDto, RoundDto, RoundListDto };

export const unitReportsUrls = {
  rounds: (orgUnitId?: number) => `/api/unitreports/rounds${orgUnitId ? `?orgUnitId=${orgUnitId}` : ''}`,
  round: (id: number) => `/api/unitreports/rounds/${id}`,
  compiled: (id: number) => `/api/unitreports/rounds/${id}/compiled.docx`,
  submissions: (id: number) => `/api/unitreports/rounds/${id}/submissions.xlsx`,
  mine: '/api/unitreports/forms/mine',
  form: (id: number) => `/api/unitreports/forms/${id}`,
};

export const unitReportsApi = {
  open: (input: RoundInput) => api.post<RoundDto>('/api/unitreports/rounds', input),
  remind: (roundId: number, formIds?: number[]) => api.post<{ reminded: number }>(`/api/unitreports/rounds/${roundId}/remind`, { formIds }),
  save: (id: number, input: SaveFormInput) => api.put<FormDto>(unitReportsUrls.form(id), input),
  submit: (id: number, version: number) => api.post<FormDto>(`/api/unitreports/forms/${id}/submit`, { version }),
  accept: (id: number) => api.post<FormDto>(`/api/unitreports/forms/${id}/accept`),
  return: (id: number, reason: string) => api.post<FormDto>(`/api/unitreports/forms/${id}/return`, { reason }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<AttachmentDto>('/api/attachments?ownerKind=unit_report', form);
  },
};
