/** Most keys kept; past it the ended windows are swept, so a flood of made-up names cannot grow memory without end. */
const MAX_KEYS = 10_000;

/**
 * Failures per key in a fixed window, in this process's memory (like @fastify/rate-limit's store):
 * `exceeded` once `max` failures fell within `windowMs`.
 */
export function failureWindow(max: number, windowMs: number, clock: () => number = Date.now) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    exceeded(key: string): boolean {
      const hit = hits.get(key);
      return hit !== undefined && hit.resetAt > clock() && hit.count >= max;
    },
    fail(key: string): void {
      const now = clock();
      let hit = hits.get(key);
      if (!hit || hit.resetAt <= now) {
        if (hits.size >= MAX_KEYS) for (const [k, h] of hits) if (h.resetAt <= now) hits.delete(k);
        hit = { count: 0, resetAt: now + windowMs };
        hits.set(key, hit);
      }
      hit.count++;
    },
    clear(key: string): void {
      hits.delete(key);
    },
  };
}
