/**
 * The app server for `npm run bench:survey`, in its own process so the load generator does not
 * share its event loop: a fresh SQLite file with the demo data, a published 30-question survey
 * (printed as one JSON line with the port once it listens), API only, on 127.0.0.1.
 */
import type { SurveyDefinition } from '../../src/shared/surveys/model';
import { buildApp } from '../../src/server/app';
import { DEFAULT_SECURITY } from '../../src/server/modules/auth/securityConfig';
import { COMMAND_LINE } from '../../src/server/modules/auth/service';
import { prepareDatabase } from '../../src/server/server';

const file = process.env.BENCH_DB_FILE;
const password = process.env.BENCH_ADMIN_PASSWORD;
if (!file || !password) throw new Error('BENCH_DB_FILE and BENCH_ADMIN_PASSWORD are required');

const { db } = await prepareDatabase(`file:${file}`, password, () => {});
// The load generator sends each respondent's address as X-Forwarded-For from loopback: trusted here only.
const app = await buildApp({ db, logger: false, security: { ...DEFAULT_SECURITY, trustProxy: ['127.0.0.1'] } });
const root = (await db.kysely.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
const choice = (code: string, n: number) => ({ code, type: 'single' as const, title: `第 ${code} 题`, required: true, options: Array.from({ length: n }, (_, i) => ({ code: String(i + 1), label: `选项${i + 1}` })) });
const definition: SurveyDefinition = {
  sections: [{
    title: '',
    questions: [
      { code: 'D', type: 'region', title: '所在区', required: true, regionRootId: root },
      { code: 'A', type: 'number', title: '年龄', required: true, min: 18, max: 90, integer: true },
      { code: 'R', type: 'rating', title: '满意度', required: true, scale: { min: 1, max: 5 } },
      ...Array.from({ length: 27 }, (_, i) => choice(`Q${i + 1}`, 3 + (i % 3))),
    ],
  }],
};
const survey = await app.services.surveys.create(COMMAND_LINE, { orgUnitId: root, title: '基准测试问卷', description: null, audience: 'adult', definition, opensAt: null, closesAt: null, accessMode: 'open' }, { status: 'open' });
const districts = (await db.kysely.selectFrom('org_units').select('id').where('parent_id', '=', root).execute()).map((u) => u.id);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port, surveyId: survey.id, publicId: survey.publicId, districts })}\n`);
process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
