import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors';
import { toError } from './client';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers } });

describe('how the web app words a failed request', () => {
  it('shows a server error with the id it was logged under', async () => {
    const error = await toError(answer(500, { code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId: 'a1b2c3d4e5f6' }, { 'x-request-id': 'a1b2c3d4e5f6' }));
    expect([error.status, error.code, error.requestId, error.message]).toEqual([500, 'INTERNAL', 'a1b2c3d4e5f6', '服务器内部错误，请稍后重试（错误编号：a1b2c3d4e5f6）']);
  });

  it('shows the server’s own message for a client mistake, without an id to quote', async () => {
    const error = await toError(answer(400, { code: 'BODY_INVALID_JSON', message: ERRORS.BODY_INVALID_JSON.message }, { 'x-request-id': 'ffff00001111' }));
    expect([error.code, error.message]).toEqual(['BODY_INVALID_JSON', '请求内容不是有效的 JSON']);
  });

  it.each([
    [502, 'INTERNAL', '服务器内部错误，请稍后重试'],
    [401, 'AUTH_REQUIRED', '未登录或登录已失效，请重新登录'],
    [403, 'AUTH_FORBIDDEN', '没有权限执行此操作'],
    [413, 'BODY_TOO_LARGE', '请求内容过大'],
    [418, 'BAD_REQUEST', '请求格式不正确'],
  ])('words a bare %i (a proxy’s page) from the shared catalogue', async (status, code, message) => {
    const error = await toError(answer(status, '<html>Bad Gateway</html>'));
    expect([error.code, error.message]).toEqual([code, message]);
  });
});
