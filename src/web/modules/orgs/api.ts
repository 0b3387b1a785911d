import type {
  DepartmentChangeDto, DepartmentDto, DepartmentInputDto, OrgUnitCreateInput, OrgUnitDto, OrgUnitUpdateInput,
} from '../../../shared/api/orgs';
import { api } from '../../http/client';

export const orgUrls = {
  list: '/api/org-units',
};

export const orgsApi = {
  createUnit: (input: OrgUnitCreateInput) => api.post<OrgUnitDto>('/api/org-units', input),
  updateUnit: (id: number, input: OrgUnitUpdateInput) => api.patch<OrgUnitDto>(`/api/org-units/${id}`, input),
  deleteUnit: (id: number) => api.delete(`/api/org-units/${id}`),
  addDepartment: (unitId: number, input: DepartmentInputDto) => api.post<DepartmentDto>(`/api/org-units/${unitId}/departments`, input),
  reorderDepartments: (unitId: number, ids: number[]) => api.post<DepartmentDto[]>(`/api/org-units/${unitId}/departments/order`, { ids }),
  updateDepartment: (id: number, input: DepartmentInputDto) => api.patch<DepartmentDto>(`/api/departments/${id}`, input),
  deleteDepartment: (id: number) => api.delete(`/api/departments/${id}`),
  departmentHistory: (id: number) => api.get<DepartmentChangeDto[]>(`/api/departments/${id}/history`),
};
