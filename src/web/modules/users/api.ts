import type { UserCreateInput, UserCreatedDto, UserDto, UserListFilter, UserUpdateInput } from '../../../shared/api/users';
import { api } from '../../http/client';

export const usersUrls = {
  list: (filter: UserListFilter) => {
    const params = new URLSearchParams();
    if (filter.orgUnitId !== undefined) params.set('orgUnitId', String(filter.orgUnitId));
    if (filter.role) params.set('role', filter.role);
    if (filter.keyword) params.set('keyword', filter.keyword);
    const query = params.toString();
    return query ? `/api/users?${query}` : '/api/users';
  },
};

export const usersApi = {
  create: (input: UserCreateInput) => api.post<UserCreatedDto>('/api/users', input),
  update: (id: number, input: UserUpdateInput) => api.patch<UserDto>(`/api/users/${id}`, input),
  setDisabled: (id: number, disabled: boolean) => api.post<UserDto>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`),
  resetPassword: (id: number) => api.post<{ password: string }>(`/api/users/${id}/reset-password`),
};
