import { describe, expect, it } from 'vitest';
import { submitWithRetry } from './submit';

/** A fetch that plays back a script: a Response status, or 'down' for a network failure. */
function scripted(steps: (number | 'down')[]) {
  const bodies: string[] = [];
  const send = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const step = steps.shift();
    if (step === 'down' || step === undefined) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(step >= 400 ? { code: 'X', message: '问卷已经结束，感谢您的关注' } : { received: true }), { status: step });
  }) as typeof fetch;
  return { send, bodies };
}

describe('submitWithRetry', () => {
  it.each<[string, (number | 'down')[], string, number]>([
    ['first try', [200], 'ok', 1],
    ['network down twice, then through', ['down', 'down', 200], 'ok', 3],
    ['a server error is retried', [503, 200], 'ok', 2],
    ['a refusal is final', [410], '问卷已经结束，感谢您的关注', 1],
    ['the rate limit speaks plainly', [429], '提交太频繁了，请过一分钟再试', 1],
    ['gives up after five tries, answers kept', ['down', 'down', 'down', 'down', 'down'], '网络不稳定，答卷还没有送达。答案已保存在本机，请稍后再点“提交”', 5],
  ])('%s', async (_n, steps, outcome, tries) => {
    const { send, bodies } = scripted(steps);
    const result = await submitWithRetry('/x', { idempotencyKey: 'k1' }, send, async () => {});
    expect(result.ok ? 'ok' : result.message).toBe(outcome);
    expect(bodies).toHaveLength(tries);
    // Every try carries the same key: the server stores the response once.
    expect(new Set(bodies)).toEqual(new Set(['{"idempotencyKey":"k1"}']));
  });
});
