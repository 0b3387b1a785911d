import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, PasswordChangeBody, SessionResponse } from '../../../shared/api/auth';
import { ApiErrorSchema } from '../../../shared/api/common';
import { requireAuth } from './access';
import { withRetryAfter } from './loginLimit';
import { SESSION_COOKIE, type AuthContext } from './service';

const toSession = (c: AuthContext) => ({
  user: { id: c.userId, username: c.username, displayName: c.displayName, roles: c.roles },
  csrfToken: c.csrfToken,
});

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: LoginBody,
        response: { 200: SessionResponse, 401: ApiErrorSchema },
      },
      config: {
        // Per account and address, so one user's typos do not lock out a whole office behind one NAT.
        rateLimit: {
          // After body parsing, so the key can name the account.
          hook: 'preHandler',
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req) => `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
        },
      },
    },
    async (request, reply) => {
      const { token, expires, context } = await app.services.auth.login(request.body.username, request.body.password).catch(withRetryAfter(reply));
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: app.security.cookieSecure || request.protocol === 'https',
        expires,
      });
      return toSession(context);
    },
  );

  api.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: SessionResponse, 401: ApiErrorSchema } } },
    async (request) => toSession(requireAuth(request.auth)),
  );

  api.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码（其他会话随之失效）',
        body: PasswordChangeBody,
        response: { 204: z.null(), 400: ApiErrorSchema, 401: ApiErrorSchema },
      },
      // Guessing the old password from a stolen session is limited like guessing at login.
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req) => `password:${req.auth?.userId ?? req.ip}` } },
    },
    async (request, reply) => {
      await app.services.auth.changePassword(request.auth, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.auth) await app.services.auth.logout(request.auth);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
