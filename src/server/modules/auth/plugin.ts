import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appError } from '../../errors';
import { failureWindow } from './failureWindow';
import { withRetryAfter } from './loginLimit';
import { SESSION_COOKIE, type AuthContext } from './service';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Logging in starts a session, so there is no token to check yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
export const CSRF_HEADER = 'x-csrf-token';
/** Wrong HTTP Basic passwords per address and account and minute, the same as the login form allows. */
export const BASIC_FAILURES_PER_MINUTE = 10;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves every API request's credentials into `request.auth`: an `Authorization` header (a personal
 * access token as `ApiToken …` like DHIS2 or `Bearer …`, or HTTP Basic) or else the session cookie.
 * Only cookie sessions need the session's CSRF token on state-changing requests (synchroniser-token
 * pattern): a browser sends cookies by itself, but never an Authorization header we did not ask it to
 * keep — no response carries a `WWW-Authenticate: Basic` challenge, so no browser stores a password.
 */
export function installAuth(app: FastifyInstance): void {
  const basicFailures = failureWindow(BASIC_FAILURES_PER_MINUTE, 60_000);

  async function fromAuthorization(request: FastifyRequest, reply: FastifyReply, header: string): Promise<AuthContext> {
    const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
    switch (scheme.toLowerCase()) {
      case 'apitoken':
      case 'bearer':
        return app.services.apiTokens.resolve(credentials);
      case 'basic': {
        const decoded = Buffer.from(credentials, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) throw appError('AUTH_HEADER_INVALID', 'HTTP Basic 认证应为 Base64 编码的“用户名:密码”');
        const username = decoded.slice(0, colon);
        const key = `${request.ip}:${username}`;
        if (basicFailures.exceeded(key)) throw appError('RATE_LIMITED');
        const user = await app.services.auth.checkPassword(username, decoded.slice(colon + 1), new Date()).catch((error: unknown) => {
          basicFailures.fail(key);
          return withRetryAfter(reply)(error);
        });
        basicFailures.clear(key);
        return app.services.auth.contextOf(user, 'basic');
      }
      default:
        throw appError('AUTH_HEADER_INVALID');
    }
  }

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.auth = await fromAuthorization(request, reply, authorization);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await app.services.auth.resolve(token) : null;
    if (!request.auth || SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameToken(header, request.auth.csrfToken)) throw appError('CSRF_INVALID');
  });
}
