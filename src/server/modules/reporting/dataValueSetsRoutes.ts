import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataValuesFromCsv, dataValuesToCsv, type Dhis2DataValueSet } from './dataValueSets';
import { checkDataValueSet, DATA_VALUE_SET_LIMITS, entryCounter } from './dataValueSetsBody';
import { assertValueWriter } from './uploadRights';

/** Bulk loads from other systems can be large; the rest of the API keeps the small default. */
const IMPORT_BODY_LIMIT = DATA_VALUE_SET_LIMITS.bodyBytes;
const isCsv = (contentType: string | undefined) => /csv/.test(contentType ?? '');

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean)));
const bool = z.enum(['true', 'false']).optional().transform((v) => v === 'true');
const idScheme = z
  .string()
  .optional()
  .transform((v) => (v ?? 'code').toLowerCase())
  .pipe(z.enum(['code', 'id'], { message: 'idScheme 只支持 code 或 id' }));

const ExportQuery = z.object({ dataElement: list, orgUnit: list, period: list, children: bool, idScheme });
const ImportQuery = z.object({
  dryRun: bool,
  idScheme,
  importStrategy: z.enum(['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE']).default('CREATE_AND_UPDATE'),
  atomicMode: z.enum(['ALL', 'NONE']).default('ALL'),
});

const wantsCsv = (req: FastifyRequest) => req.url.split('?')[0]!.endsWith('.csv') || /text\/csv|application\/csv/.test(req.headers.accept ?? '');

/** DHIS2-compatible `/api/dataValueSets` (JSON and CSV; `.json` / `.csv` suffixes as DHIS2 allows). */
export async function dataValueSetsRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dhis2'];

  for (const suffix of ['', '.json', '.csv']) {
    api.get(
      `/dataValueSets${suffix}`,
      {
        schema: {
          tags,
          summary: '导出数据（DHIS2 dataValueSets 兼容）：orgUnit、period 必填；dataElement、children、idScheme=code|id 可选；Accept: text/csv 或 .csv 得到 CSV',
          querystring: ExportQuery,
        },
      },
      async (req, reply) => {
        const values = await app.services.reporting.exportDataValues(req.auth, req.query);
        if (wantsCsv(req)) return reply.type('text/csv; charset=utf-8').send(dataValuesToCsv(values));
        return { dataValues: values };
      },
    );

    api.post(
      `/dataValueSets${suffix}`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        // Rights first, then the body is counted as it arrives: neither a stranger nor an
        // oversized body ever reaches the parser.
        preParsing: async (req, _reply, payload) => {
          assertValueWriter(req.auth);
          return payload.pipe(entryCounter(isCsv(req.headers['content-type']) ? 'csv' : 'json'));
        },
        schema: {
          tags,
          summary: '导入数据（DHIS2 dataValueSets 兼容）：JSON 或 CSV；dryRun、idScheme、importStrategy、atomicMode；与网页填报、Excel 上传相同的权限、锁定与校验',
          querystring: ImportQuery,
        },
      },
      async (req, reply) => {
        const set = parseBody(req.body, req.headers['content-type'] ?? '');
        const message = await app.services.reporting.importDataValues(req.auth, set, req.query);
        return reply.status(message.httpStatusCode).send(message);
      },
    );
  }
}

function parseBody(body: unknown, contentType: string): Dhis2DataValueSet {
  if (typeof body === 'string' && isCsv(contentType)) return { dataValues: dataValuesFromCsv(body) };
  return checkDataValueSet(body);
}
