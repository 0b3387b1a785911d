import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/api/common';
import { OpenSurveySchema, type OpenSurveyDto } from '../../../shared/api/surveys';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import type { OrgTree } from '../orgs/tree';
import { stateOf } from './context';
import { publicListRepository } from './publicListRepository';

/** At most this many surveys are listed; the portal shows a few links, not an archive. */
export const OPEN_SURVEYS_LIMIT = 20;

/**
 * The surveys open for answers now at a unit and the units below it, for the portal: only those
 * answered by link (an access-code survey is handed out in person), with the opening times applied.
 */
export async function openSurveys(db: Kysely<Database>, tree: OrgTree, orgUnitId: number, now = new Date()): Promise<OpenSurveyDto[]> {
  if (!tree.has(orgUnitId)) throw appError('NOT_FOUND', '单位不存在');
  // Read a few more than shown: some of them may not have opened yet or have just closed.
  const rows = await publicListRepository(db).linkSurveysOf(tree.subtree(orgUnitId), OPEN_SURVEYS_LIMIT * 3);
  return rows
    .filter((s) => stateOf(s, now) === 'open')
    .slice(0, OPEN_SURVEYS_LIMIT)
    .map((s) => ({
      id: s.id, title: s.title, orgUnitName: s.org_unit_name, audience: s.audience === 'child' ? 'child' : 'adult',
      closesAt: s.closes_at, url: `/s/${s.public_id}`, isDemo: !!s.is_demo,
    }));
}

export async function publicSurveyListRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, orgs } = app.services;
  api.get(
    '/public/surveys',
    {
      schema: {
        tags: ['public'], summary: '正在进行的问卷（单位及下级单位，凭链接作答的）', description: '无需登录。不含凭访问码作答的问卷。',
        querystring: z.object({ orgUnitId: z.coerce.number().int().positive() }),
        response: { 200: z.array(OpenSurveySchema), 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (req) => openSurveys(db.kysely, await orgs.tree(), req.query.orgUnitId),
  );
}
