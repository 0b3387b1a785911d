import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { SecurityConfig } from './securityConfig';

/**
 * The Content-Security-Policy of every response. The built SPA and swagger-ui load scripts only from
 * their own files; antd (CSS-in-JS) and swagger-ui write style elements and attributes, hence
 * 'unsafe-inline' for styles only. Icons and chart exports use data: and blob: images.
 */
export function cspDirectives(config: SecurityConfig): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // On plain HTTP this would send the browser to https:// addresses that do not answer.
    ...(config.cookieSecure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** nosniff, CSP, no framing (also the older X-Frame-Options), and HSTS only when served over HTTPS. */
export async function installSecurityHeaders(app: FastifyInstance, config: SecurityConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
    frameguard: { action: 'deny' },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 180 * 24 * 3600 } : false,
  });
}
