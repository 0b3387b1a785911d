import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenCreateBody, ApiTokenCreatedSchema, ApiTokenListQuery, ApiTokenSchema } from '../../../shared/api/apiTokens';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/** Personal access tokens (API 令牌): one's own; administrators everyone's. */
export async function apiTokenRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tokens = app.services.apiTokens;

  api.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: '本人的 API 令牌；管理员加 all=true 查看全部用户的令牌',
        querystring: ApiTokenListQuery,
        response: { 200: z.array(ApiTokenSchema), ...errors },
      },
    },
    (request) => tokens.list(request.auth, request.query.all === 'true'),
  );

  api.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: '创建 API 令牌（必须设有效期，最长一年）；令牌只在此次返回',
        body: ApiTokenCreateBody,
        response: { 201: ApiTokenCreatedSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await tokens.create(request.auth, request.body)),
  );

  api.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: '撤销 API 令牌（本人的；管理员可撤销任何人的）',
        params: IdParams,
        response: { 200: ApiTokenSchema, ...errors },
      },
    },
    (request) => tokens.revoke(request.auth, request.params.id),
  );
}
