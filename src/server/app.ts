import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from './db/connection';
import { AppError } from './errors';
import { installAuth } from './modules/auth/plugin';
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
import { publishingRoutes } from './modules/publishing/routes';
import { surveysRoutes } from './modules/surveys/routes';

z.config(z.locales.zhCN());

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface AppOptions {
  db: Db;
  /** Directory of the built web app; the API alone is served when it is absent. */
  webRoot?: string;
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('services', buildServices(options.db));
  app.addHook('onClose', async () => options.db.close());

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '半边天 halfsky API', description: '妇女儿童发展规划监测评估平台接口', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'halfsky_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? '' }));
      const summary = details.map((d) => (d.path ? `${d.path}：${d.message}` : d.message)).join('；');
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: `提交的数据不符合要求：${summary}`, details });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'UPLOAD_TOO_LARGE', message: `文件过大：最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
    }
    // busboy reports a cut-off or malformed multipart body without a status code.
    if (!error.statusCode && /Unexpected end of (form|multipart data)|Malformed part header/i.test(error.message)) {
      return reply.status(400).send({ code: 'UPLOAD_MALFORMED', message: '上传内容不完整或格式错误，请重新选择文件上传' });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '尝试次数过多，请稍后再试' });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'BAD_REQUEST', message: `请求无效：${error.message}` });
    }
    request.log.error(error);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
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
      await api.register(surveysRoutes);
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot && resolve(options.webRoot);
  if (webRoot && existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Client-side routes (/plans/3 …) all load the single page.
    app.setNotFoundHandler((request, reply) => {
      // The survey answering page is its own light bundle, not the admin app.
      if (request.method === 'GET' && request.url.startsWith('/s/')) return reply.sendFile('survey.html');
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ code: 'NOT_FOUND', message: '要找的内容不存在' });
    });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '要找的内容不存在' }));
  }
  return app;
}
