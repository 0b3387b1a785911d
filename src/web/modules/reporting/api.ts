import type { z } from 'zod';
import type { IndicatorDto } from '../../../shared/api/indicators';
import type {
  AuditEntryDto, CellSave, CompletenessSchema, GridDto, IssueSchema, NotificationSchema, SaveResultSchema, SubmissionDto, TaskCreateInput, TaskDto, XlsxUploadResultDto,
} from '../../../shared/api/reporting';
import type { OptionCode } from '../../../shared/monitoring/validation';
import type { WorkflowAction } from '../../../shared/monitoring/workflow';
import { api } from '../../http/client';

export type IssueDto = z.infer<typeof IssueSchema>;
export type SaveResultDto = z.infer<typeof SaveResultSchema>;
export type CompletenessDto = z.infer<typeof CompletenessSchema>;
export type NotificationDto = z.infer<typeof NotificationSchema>;
export type GridRowDto = GridDto['rows'][number];
export type GridCellDto = GridRowDto['cells'][number];

/** One step of a submission's review, as GET …/events answers. */
export interface ReviewEventDto {
  id: number;
  action: string;
  from: string;
  to: string;
  comment: string | null;
  at: string;
  by: string | null;
}

/** One value's history, or (without data element and option) every change at a unit in a year. */
export interface AuditQuery {
  orgUnitId: number;
  period: number;
  dataElementId?: number;
  option?: OptionCode;
}

function uploadXlsx(url: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<XlsxUploadResultDto>(url, form);
}

/** Read endpoints, for useApiGet and download links. */
export const reportingUrls = {
  tasks: '/api/reporting/tasks',
  task: (id: number) => `/api/reporting/tasks/${id}`,
  completeness: (id: number) => `/api/reporting/tasks/${id}/completeness`,
  overlaps: (year: number, indicatorIds: number[], orgUnitIds: number[]) =>
    `/api/reporting/tasks/overlaps?${new URLSearchParams({ year: String(year), indicatorIds: indicatorIds.join(','), orgUnitIds: orgUnitIds.join(',') })}`,
  mySubmissions: '/api/reporting/submissions?mine=true',
  submissions: '/api/reporting/submissions',
  grid: (id: number) => `/api/reporting/submissions/${id}/grid`,
  events: (id: number) => `/api/reporting/submissions/${id}/events`,
  audit: (q: AuditQuery) =>
    `/api/reporting/audit?${new URLSearchParams({
      orgUnitId: String(q.orgUnitId),
      period: String(q.period),
      ...(q.dataElementId === undefined ? {} : { dataElementId: String(q.dataElementId) }),
      ...(q.option === undefined ? {} : { option: q.option }),
    })}`,
  indicators: '/api/indicators',
  notifications: '/api/notifications',
  /** The xlsx template of one submission, filled with its stored values. */
  submissionTemplate: (id: number) => `/api/reporting/submissions/${id}/template.xlsx`,
  /** One sheet per unit that `department` (a short name) reports for in the task, as far as the user may see. */
  taskTemplate: (taskId: number, department: string) =>
    `/api/reporting/tasks/${taskId}/template.xlsx?${new URLSearchParams({ department })}`,
};

export const reportingApi = {
  grid: (id: number) => api.get<GridDto>(reportingUrls.grid(id)),
  saveCells: (id: number, cells: CellSave[]) => api.put<SaveResultDto>(`/api/reporting/submissions/${id}/values`, { cells }),
  act: (id: number, action: WorkflowAction, reason?: string) =>
    api.post<GridDto>(`/api/reporting/submissions/${id}/actions`, reason === undefined ? { action } : { action, reason }),
  createTask: (input: TaskCreateInput) => api.post<TaskDto>(reportingUrls.tasks, input),
  closeTask: (taskId: number) => api.post<TaskDto>(`/api/reporting/tasks/${taskId}/close`, {}),
  deleteTask: (taskId: number) => api.delete(reportingUrls.task(taskId)),
  remind: (taskId: number, submissionIds?: number[]) =>
    api.post<{ submissions: number; notified: number; unstaffed: number }>(`/api/reporting/tasks/${taskId}/remind`, submissionIds ? { submissionIds } : {}),
  submissions: () => api.get<SubmissionDto[]>(reportingUrls.submissions),
  indicators: () => api.get<IndicatorDto[]>(reportingUrls.indicators),
  audit: (q: AuditQuery) => api.get<AuditEntryDto[]>(reportingUrls.audit(q)),
  notifications: () => api.get<NotificationDto[]>(reportingUrls.notifications),
  markRead: (ids: number[]) => api.post<void>('/api/notifications/read', { ids }),
  uploadSubmission: (id: number, file: File) => uploadXlsx(`/api/reporting/submissions/${id}/upload`, file),
  uploadTask: (taskId: number, file: File) => uploadXlsx(`/api/reporting/tasks/${taskId}/upload`, file),
};
