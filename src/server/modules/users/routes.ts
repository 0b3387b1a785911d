import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { PasswordResetSchema, UserCreateBody, UserCreatedSchema, UserListQuery, UserSchema, UserUpdateBody } from '../../../shared/api/users';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/** User administration: admin everywhere, a unit's office within its subtree. */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const users = app.services.users;

  api.get(
    '/users',
    { schema: { tags: ['users'], summary: '用户列表（按单位及下级、角色、关键词筛选）', querystring: UserListQuery, response: { 200: z.array(UserSchema), ...errors } } },
    (request) => users.list(request.auth, request.query),
  );

  api.post(
    '/users',
    { schema: { tags: ['users'], summary: '新建用户及其角色分配；未给密码时生成初始密码并只返回这一次', body: UserCreateBody, response: { 200: UserCreatedSchema, ...errors } } },
    (request) => users.create(request.auth, request.body),
  );

  api.patch(
    '/users/:id',
    { schema: { tags: ['users'], summary: '修改用户信息及角色分配', params: IdParams, body: UserUpdateBody, response: { 200: UserSchema, ...errors } } },
    (request) => users.update(request.auth, request.params.id, request.body),
  );

  api.post(
    '/users/:id/disable',
    { schema: { tags: ['users'], summary: '停用用户（其会话立即失效）', params: IdParams, response: { 200: UserSchema, ...errors } } },
    (request) => users.setDisabled(request.auth, request.params.id, true),
  );

  api.post(
    '/users/:id/enable',
    { schema: { tags: ['users'], summary: '启用用户', params: IdParams, response: { 200: UserSchema, ...errors } } },
    (request) => users.setDisabled(request.auth, request.params.id, false),
  );

  api.post(
    '/users/:id/reset-password',
    { schema: { tags: ['users'], summary: '重置密码：生成新密码并只返回这一次，用户的会话随之失效', params: IdParams, response: { 200: PasswordResetSchema, ...errors } } },
    (request) => users.resetPassword(request.auth, request.params.id),
  );
}
