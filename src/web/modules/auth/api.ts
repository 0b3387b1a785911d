import type { PasswordChangeInput, SessionInfo } from '../../../shared/api/auth';
import { api } from '../../http/client';

export const authApi = {
  me: () => api.get<SessionInfo>('/api/auth/me', { allow401: true }),
  login: (username: string, password: string) =>
    api.post<SessionInfo>('/api/auth/login', { username, password }, { allow401: true }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { allow401: true }),
  changePassword: (input: PasswordChangeInput) => api.post<void>('/api/auth/password', input),
};
