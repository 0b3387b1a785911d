import type { Answers } from '../../../../shared/surveys/model';

/** What the page keeps in local storage per survey: the answers so far and, once sending began, the key of this response. */
export interface Draft {
  values: Answers['values'];
  other: Record<string, string>;
  code: string;
  idempotencyKey?: string;
  /** The bot-check ticket of the first visit: a reload must not restart the clock on answers already given. */
  ticket?: string;
  submittedAt?: string;
}

const draftKey = (publicId: string) => `halfsky-survey:${publicId}`;
const TOKEN_KEY = 'halfsky-survey-browser';

export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Storage can be off (private mode, full): the page then works without saving. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(publicId: string): Draft | null {
  try {
    const text = storage()?.getItem(draftKey(publicId));
    return text ? (JSON.parse(text) as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(publicId: string, draft: Draft): void {
  try {
    storage()?.setItem(draftKey(publicId), JSON.stringify(draft));
  } catch {
    // Out of space: answering goes on, only the saving stops.
  }
}

let memoryToken: string | null = null;
/** One random token per browser, shared by all surveys (the server hashes it with the survey). */
export function browserToken(): string {
  const s = storage();
  let token = s?.getItem(TOKEN_KEY) ?? memoryToken;
  if (!token) {
    token = randomKey();
    try {
      s?.setItem(TOKEN_KEY, token);
    } catch {
      // kept in memory for this visit
    }
    memoryToken = token;
  }
  return token;
}

export type SubmitOutcome = { ok: true } | { ok: false; status: number; code: string; message: string; details: { path?: string; message: string }[] };

/** Waits between tries: the network on a phone comes back within seconds more often than not. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

/**
 * Sends a response, retrying network failures and server errors with the same idempotency key:
 * the server stores it once however many tries get through. Refusals (4xx) are final.
 */
export async function submitWithRetry(url: string, body: object, send: typeof fetch = fetch, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<SubmitOutcome> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit' }).catch(() => null);
    if (response?.ok) return { ok: true };
    if (response && response.status < 500) {
      const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string; details?: { path?: string; message: string }[] };
      const message = response.status === 429 ? '提交太频繁了，请过一分钟再试' : (error.message ?? `提交失败（${response.status}）`);
      return { ok: false, status: response.status, code: error.code ?? 'HTTP', message, details: error.details ?? [] };
    }
    if (attempt >= RETRY_DELAYS_MS.length) {
      return { ok: false, status: response?.status ?? 0, code: 'NETWORK', message: '网络不稳定，答卷还没有送达。答案已保存在本机，请稍后再点“提交”', details: [] };
    }
    await wait(RETRY_DELAYS_MS[attempt]!);
  }
}
