import type { ApiTokenCreateInput, ApiTokenCreated } from '../../../../shared/api/apiTokens';
import { api } from '../../../http/client';

export const tokenUrls = {
  list: (all: boolean) => (all ? '/api/auth/tokens?all=true' : '/api/auth/tokens'),
};

export const tokensApi = {
  create: (input: ApiTokenCreateInput) => api.post<ApiTokenCreated>('/api/auth/tokens', input),
  revoke: (id: number) => api.delete(`/api/auth/tokens/${id}`),
};
