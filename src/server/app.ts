import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from './db/connection';
import { AppError, ERRORS_FOR_CLIENT_MISTAKES, type ErrorCode } from './errors';
import { ERRORS } from '../shared/errors';
import { installAuth } from './modules/auth/plugin';
import { DEFAULT_SECURITY, fastifyTrustProxy, type SecurityConfig } from './modules/auth/securityConfig';
import { installSecurityHeaders } from './modules/auth/securityHeaders';
import { authRoutes } from './modules/auth/routes';
import { orgsRoutes } from './modules/orgs/routes';
import { indicatorsRoutes } from './modules/indicators/routes';
import { plansRoutes } from './modules/plans/routes';
import { usersRoutes } from './modules/users/routes';
import { dataValueSetsRoutes } from './modules/reporting/dataValueSetsRoutes';
import { reportingRoutes } from './modules/reporting/routes';
import { reportingXlsxRoutes } from './modules/reporting/xlsxRoutes';
import { buildServices } from './services';
import { analyticsRoutes } from './modules/analytics/routes';
import { publishingRoutes } from './modules/publishing/portal/routes';
import { attachmentsRoutes } from './services/attachments/routes';
import { articlesRoutes } from './modules/publishing/articles/routes';
import { portalPagesRoutes } from './modules/publishing/portal/pagesRoutes';
import { apiTokenRoutes } from './modules/auth/tokenRoutes';
import { surveysRoutes } from './modules/surveys/routes';
import { publicSurveyListRoutes } from './modules/surveys/publicListRoutes';
import { reportsRoutes } from './modules/reports/routes';
import { eventsRoutes } from './modules/publishing/events/routes';
import { followupRoutes } from './modules/followup/routes';
import { notificationCentreRoutes } from './services/reminders/routes';
import { installReminders } from './services/reminders/install';
import type { RemindersConfig } from './services/reminders/config';
import { planLifecycleRoutes } from './modules/plans/lifecycle/routes';
import { planFilingRoutes } from './modules/plans/filing/routes';
import { workitemsRoutes } from './modules/workitems/routes';
import { workPointsRoutes } from './modules/workitems/workPointsRoutes';
import { responsibilitiesRoutes } from './modules/plans/responsibilities/routes';
import { unitReportsRoutes } from './modules/unitreports/routes';
import { evaluationRoutes } from './modules/evaluation/routes';


z.config(z.locales.zhCN());

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Largest JSON or CSV body. */
const BODY_LIMIT = 2 * 1024 * 1024;
/** Requests that change nothing: answered without waiting for the disk. */
const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AppOptions {
  db: Db;
  /** Directory of the built web app; the API alone is served when it is absent. */
  webRoot?: string;
  /** JSON lines (pino) on stdout, or into `stream`; none when absent (tests). */
  logger?: boolean | { stream: { write(line: string): void } };
  /** Directory of the attachment store; `HALFSKY_FILES_DIR` or data/files when absent. */
  filesDir?: string;
  /** Proxy trust and HTTPS cookies; off by default (see securityConfigFromEnv). */
  security?: SecurityConfig;
  /** The reminder scheduler in this process; off when absent (tests ask for it). */
  reminders?: RemindersConfig;
}

/** A short id for each request, in the log and in every answer's `x-request-id` header; a 500 also carries it in its body. */
const newRequestId = () => randomBytes(6).toString('hex');

/** zod's Chinese locale still names types in English (“期望 number >0”). */
const TYPE_NAMES: Record<string, string> = { number: '数字', string: '文本', boolean: '布尔值', object: '对象', array: '数组', null: '空值', undefined: '空', NaN: '非数字' };
const inChinese = (message: string) => message.replace(/\b(number|string|boolean|object|array|null|undefined|NaN)\b/g, (word) => TYPE_NAMES[word]!);

function sendError(reply: FastifyReply, code: ErrorCode, message: string = ERRORS[code].message, details?: unknown) {
  return reply.status(ERRORS[code].status).send({ code, message, details });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const security = options.security ?? DEFAULT_SECURITY;
  const app = Fastify({
    logger: options.logger ? { level: 'info', ...(typeof options.logger === 'object' && { stream: options.logger.stream }) } : false,
    genReqId: newRequestId,
    // Our own ids only: a client's header is not trusted into the log.
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(security.trustProxy),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('services', buildServices(options.db, options.filesDir, Boolean(options.reminders?.smtpUrl)));
  app.decorate('security', security);
  app.addHook('onClose', async () => options.db.close());

  await installSecurityHeaders(app, security);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '半边天 halfsky API', description: '妇女儿童发展规划监测评估平台接口', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'halfsky_session' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'API 令牌：Authorization: Bearer hsk_…（或 DHIS2 的 ApiToken hsk_…）' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }, { basic: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it would load an image from validator.swagger.io, which the CSP refuses.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // A change is acknowledged only once it is on disk (group commit, db/groupCommit.ts).
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!READ_ONLY_METHODS.has(request.method)) await options.db.flush();
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: inChinese(v.message ?? '') }));
      const summary = details.map((d) => (d.path ? `${d.path}：${d.message}` : d.message)).join('；');
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: `提交的数据不符合要求：${summary}`, details });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') return sendError(reply, 'UPLOAD_TOO_LARGE', `文件过大：最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'BODY_TOO_LARGE', `请求内容过大：最大 ${BODY_LIMIT / 1024 / 1024} MB`);
    const known = ERRORS_FOR_CLIENT_MISTAKES[error.code];
    if (known) return sendError(reply, known);
    // busboy reports a cut-off or malformed multipart body without a status code.
    if (!error.statusCode && /Unexpected end of (form|multipart data)|Malformed part header/i.test(error.message)) return sendError(reply, 'UPLOAD_MALFORMED');
    if (error.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode < 500) {
      request.log.warn({ err: error }, 'client error without a catalogue entry');
      return sendError(reply, 'BAD_REQUEST');
    }
    request.log.error({ err: error }, 'server error');
    return reply.status(500).send({ code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId: request.id });
  });

  installAuth(app);
  await app.register(
    async (api) => {
      api.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
      await api.register(authRoutes);
      await api.register(orgsRoutes);
      await api.register(plansRoutes);
      await api.register(indicatorsRoutes);
      await api.register(usersRoutes);
      await api.register(reportingRoutes);
      await api.register(reportingXlsxRoutes);
      await api.register(dataValueSetsRoutes);
      await api.register(analyticsRoutes);
      await api.register(publishingRoutes);
      await api.register(apiTokenRoutes);
      await api.register(attachmentsRoutes);
      await api.register(articlesRoutes);
      await api.register(surveysRoutes);
      await api.register(publicSurveyListRoutes);
      await api.register(eventsRoutes);
      await api.register(followupRoutes);
      await api.register(notificationCentreRoutes);
      await api.register(planLifecycleRoutes);
      await api.register(planFilingRoutes);
      await api.register(workitemsRoutes);
      await api.register(reportsRoutes);
      await api.register(responsibilitiesRoutes);
      await api.register(unitReportsRoutes);
      await api.register(evaluationRoutes);
      await api.register(workPointsRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(portalPagesRoutes);
  installReminders(app, options.db, options.reminders);

  const webRoot = options.webRoot && resolve(options.webRoot);
  if (webRoot && existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Client-side routes (/plans/3 …) all load the single page.
    app.setNotFoundHandler((request, reply) => {
      // The survey answering page is its own light bundle, not the admin app.
      if (request.method === 'GET' && request.url.startsWith('/s/')) return reply.sendFile('survey.html');
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return sendError(reply, 'NOT_FOUND');
    });
  } else {
    app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND'));
  }
  return app;
}
