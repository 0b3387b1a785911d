import type { ApiError } from '../../shared/api/common';

export type ApiErrorDetail = NonNullable<ApiError['details']>[number];

/** A failed API call, carrying the server's Chinese message so pages can show it as is. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
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

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status === 413) return '文件过大，无法上传';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return `服务器出错（HTTP ${status}），请稍后再试`;
  return `请求失败（HTTP ${status}）`;
}

async function toError(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to a message by status.
  }
  if (isApiError(body)) {
    return new ApiRequestError(response.status, body.code, body.message, body.details ?? []);
  }
  return new ApiRequestError(response.status, `HTTP_${response.status}`, fallbackMessage(response.status));
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
    throw new ApiRequestError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
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
