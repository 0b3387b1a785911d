import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { appError } from '../../errors';
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

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie of every API request into `request.auth`, and requires the
 * session's CSRF token in a header on state-changing requests (synchroniser-token pattern).
 */
export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await app.services.auth.resolve(token) : null;
    if (!request.auth || SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameToken(header, request.auth.csrfToken)) throw appError('CSRF_INVALID');
  });
}
