import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OrgUnitListSchema } from '../../../shared/api/orgs';

export async function orgsRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/org-units',
    { schema: { tags: ['orgs'], summary: '组织机构（单位、妇儿工委、成员单位）', response: { 200: OrgUnitListSchema } } },
    async (request) => app.services.orgs.list(request.auth),
  );
}
