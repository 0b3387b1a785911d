import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY, SecurityConfigError, securityConfigFromEnv } from './securityConfig';

describe('securityConfigFromEnv', () => {
  it.each([
    [{}, DEFAULT_SECURITY],
    [{ HALFSKY_TRUST_PROXY: 'false' }, { trustProxy: false, cookieSecure: false }],
    [{ HALFSKY_TRUST_PROXY: 'true' }, { trustProxy: true, cookieSecure: false }],
    [{ HALFSKY_TRUST_PROXY: '1' }, { trustProxy: 1, cookieSecure: false }],
    [{ HALFSKY_TRUST_PROXY: '0' }, { trustProxy: false, cookieSecure: false }],
    [{ HALFSKY_TRUST_PROXY: '2' }, { trustProxy: 2, cookieSecure: false }],
    [{ HALFSKY_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }, { trustProxy: ['10.0.0.1', '192.168.0.0/16', 'loopback'], cookieSecure: false }],
    [{ HALFSKY_TRUST_PROXY: '::1,fd00::/8' }, { trustProxy: ['::1', 'fd00::/8'], cookieSecure: false }],
    [{ HALFSKY_COOKIE_SECURE: 'true' }, { trustProxy: false, cookieSecure: true }],
    [{ HALFSKY_PUBLIC_URL: 'https://fgw.dl.gov.cn/halfsky' }, { trustProxy: false, cookieSecure: true }],
    [{ HALFSKY_PUBLIC_URL: 'http://10.1.1.1:8080' }, { trustProxy: false, cookieSecure: false }],
    // An explicit setting wins over the public address.
    [{ HALFSKY_PUBLIC_URL: 'https://fgw.dl.gov.cn', HALFSKY_COOKIE_SECURE: 'false' }, { trustProxy: false, cookieSecure: false }],
  ])('%j', (env, expected) => {
    expect(securityConfigFromEnv(env)).toEqual(expected);
  });

  it.each([
    [{ HALFSKY_TRUST_PROXY: 'proxy.example.com' }, 'HALFSKY_TRUST_PROXY 无效：proxy.example.com'],
    [{ HALFSKY_COOKIE_SECURE: 'sometimes' }, 'HALFSKY_COOKIE_SECURE 无效：sometimes'],
  ])('refuses %j in Chinese', (env, message) => {
    expect(() => securityConfigFromEnv(env)).toThrow(SecurityConfigError);
    expect(() => securityConfigFromEnv(env)).toThrow(message);
  });
});
