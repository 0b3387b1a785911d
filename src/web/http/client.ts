import type { ApiError } from '../../shared/api/common';
import { ERRORS, errorForStatus, withRequestId } from '../../shared/errors';

export type ApiErrorDetail = NonNullable<ApiError['details']>[number];

/**
 * A failed API call, carrying the server's Chinese message so pages can show it as is; a server
 * error's message ends with 「错误编号：…」, the id support finds it under in the server's log.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], requestId?: string) {
    super(status >= 500 ? withRequestId(message, requestId) : message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (session expired or logged out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

interface RequestOptions {
  json?: unknown;
  form?: FormData;
  /** For the auth calls themselves: a 401 there is an answer, not an expired session. */
  allow401?: boolean;
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

export async function toError(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to a message by status.
  }
  const requestId = (isApiError(body) ? body.requestId : undefined) ?? response.headers.get('x-request-id') ?? undefined;
  if (isApiError(body)) return new ApiRequestError(response.status, body.code, body.message, body.details ?? [], requestId);
  // Not from our API (a proxy in between): worded from the same catalogue by its status.
  const code = errorForStatus(response.status);
  return new ApiRequestError(response.status, code, ERRORS[code].message, [], requestId);
}

async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', ERRORS.NETWORK.message);
  }

  if (!response.ok) {
    const error = await toError(response);
    if (response.status === 401 && !options.allow401) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(url: string, options?: Pick<RequestOptions, 'allow401'>) => request<T>('GET', url, options),
  post: <T>(url: string, json?: unknown, options?: Pick<RequestOptions, 'allow401'>) =>
    request<T>('POST', url, { ...options, json }),
  patch: <T>(url: string, json: unknown) => request<T>('PATCH', url, { json }),
  put: <T>(url: string, json: unknown) => request<T>('PUT', url, { json }),
  delete: (url: string) => request<void>('DELETE', url),
  upload: <T>(url: string, form: FormData) => request<T>('POST', url, { form }),
};

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
