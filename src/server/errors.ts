import { ERRORS, type ErrorCode } from '../shared/errors';

/*
 * AppError on top of the shared catalogue (src/shared/errors.ts): throw `appError('CODE', …)`;
 * the error handler in app.ts renders it. Add new codes to the catalogue there.
 */
export type { ErrorCode };

/** Fastify's own refusals of a malformed request, by its error code, answered from the catalogue in Chinese. */
export const ERRORS_FOR_CLIENT_MISTAKES: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BODY_MISSING',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BODY_INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UPLOAD_MISSING',
};

export interface ErrorDetail {
  path?: string;
  line?: number;
  message: string;
  /** For a value someone else changed first: what they saved, who, when. */
  current?: { value: number | null; comment: string | null; version: number | null; by: string | null; at: string | null };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.details = details;
  }
}

export function appError(code: ErrorCode, message?: string, details?: ErrorDetail[]): AppError {
  return new AppError(code, message, details);
}

/** A 400 about one field of the request body, shaped like a schema validation error so forms can show it there. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `提交的数据不符合要求：${message}`, [{ path, message }]);
}
