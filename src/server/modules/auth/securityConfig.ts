/**
 * How the server sits on the network, read once from the environment at start:
 * whom it trusts for the client's address and whether its cookies need HTTPS.
 */
export interface SecurityConfig {
  /** Fastify's `trustProxy`: off unless configured, so a client cannot pick its own address with X-Forwarded-For. */
  trustProxy: boolean | number | string[];
  /** Session cookies marked `Secure` (and HSTS sent): the site is served over HTTPS. */
  cookieSecure: boolean;
}

export const DEFAULT_SECURITY: SecurityConfig = { trustProxy: false, cookieSecure: false };

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off', '']);

/** An address or CIDR range as proxy-addr accepts it: IPv4 or IPv6, optionally /bits. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(?:\/\d{1,3})?$/;
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export class SecurityConfigError extends Error {}

function parseTrustProxy(raw: string | undefined): SecurityConfig['trustProxy'] {
  const value = (raw ?? '').trim();
  const lower = value.toLowerCase();
  // A number is a hop count (0: none), before the true/false words so that "1" means one hop.
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  if (FALSE.has(lower)) return false;
  // Trusting every hop is only safe when nothing but the proxy can reach the server.
  if (TRUE.has(lower)) return true;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((a) => !ADDRESS.test(a) && !NAMED_RANGES.has(a));
  if (bad.length > 0) throw new SecurityConfigError(`HALFSKY_TRUST_PROXY 无效：${bad.join('、')}（应为 true、跳数或以逗号分隔的地址/网段）`);
  return list;
}

function parseFlag(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const lower = raw.trim().toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw new SecurityConfigError(`${name} 无效：${raw}（应为 true 或 false）`);
}

/**
 * `HALFSKY_TRUST_PROXY`: true, a hop count, or addresses/CIDRs of the proxies; default off.
 * `HALFSKY_COOKIE_SECURE`: true/false; when unset, true if `HALFSKY_PUBLIC_URL` starts with https://.
 */
export function securityConfigFromEnv(env: Record<string, string | undefined>): SecurityConfig {
  const publicUrl = env.HALFSKY_PUBLIC_URL?.trim() ?? '';
  return {
    trustProxy: parseTrustProxy(env.HALFSKY_TRUST_PROXY),
    cookieSecure: parseFlag('HALFSKY_COOKIE_SECURE', env.HALFSKY_COOKIE_SECURE) ?? /^https:\/\//i.test(publicUrl),
  };
}

/** Fastify's types take a hop count only as a function: trust the `hops` nearest addresses. */
export function fastifyTrustProxy(trust: SecurityConfig['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

declare module 'fastify' {
  interface FastifyInstance {
    security: SecurityConfig;
  }
}
