import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import {
  DepartmentChangeSchema, DepartmentInput, DepartmentOrderBody, DepartmentSchema, OrgUnitCreateBody, OrgUnitListSchema, OrgUnitSchema, OrgUnitUpdateBody,
} from '../../../shared/api/orgs';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };

export async function orgsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { orgs, departments } = app.services;

  api.get(
    '/org-units',
    { schema: { tags: ['orgs'], summary: '组织机构（单位、妇儿工委、成员单位）', response: { 200: OrgUnitListSchema } } },
    async (request) => orgs.list(request.auth),
  );

  api.post(
    '/org-units',
    { schema: { tags: ['orgs'], summary: '新建单位（系统管理员；级别为上级的下一级），同时设立其妇儿工委', body: OrgUnitCreateBody, response: { 200: OrgUnitSchema, ...errors } } },
    (request) => orgs.create(request.auth, request.body),
  );

  api.patch(
    '/org-units/:id',
    { schema: { tags: ['orgs'], summary: '修改单位代码、名称及妇儿工委名称（系统管理员）', params: IdParams, body: OrgUnitUpdateBody, response: { 200: OrgUnitSchema, ...errors } } },
    (request) => orgs.update(request.auth, request.params.id, request.body),
  );

  api.delete(
    '/org-units/:id',
    { schema: { tags: ['orgs'], summary: '删除未被引用的单位（系统管理员）', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await orgs.remove(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/org-units/:id/departments',
    { schema: { tags: ['orgs'], summary: '添加成员单位', params: IdParams, body: DepartmentInput, response: { 200: DepartmentSchema, ...errors } } },
    (request) => departments.add(request.auth, request.params.id, request.body),
  );

  api.post(
    '/org-units/:id/departments/order',
    { schema: { tags: ['orgs'], summary: '调整成员单位顺序（列出全部成员单位）', params: IdParams, body: DepartmentOrderBody, response: { 200: z.array(DepartmentSchema), ...errors } } },
    (request) => departments.reorder(request.auth, request.params.id, request.body.ids),
  );

  api.patch(
    '/departments/:id',
    { schema: { tags: ['orgs'], summary: '修改成员单位名称、简称、对口上级成员单位、可发起问卷调查（留痕）', params: IdParams, body: DepartmentInput, response: { 200: DepartmentSchema, ...errors } } },
    (request) => departments.update(request.auth, request.params.id, request.body),
  );

  api.get(
    '/departments/:id/history',
    { schema: { tags: ['orgs'], summary: '成员单位变更记录（名称、简称、对口单位、可发起问卷调查）', params: IdParams, response: { 200: z.array(DepartmentChangeSchema), ...errors } } },
    (request) => departments.history(request.auth, request.params.id),
  );

  api.delete(
    '/departments/:id',
    { schema: { tags: ['orgs'], summary: '删除未被引用的成员单位', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await departments.remove(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
