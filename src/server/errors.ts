/**
 * The one catalogue of errors the API returns: a stable code, an HTTP status and a Chinese
 * message for people. Throw `appError('CODE', …)`; the error handler in app.ts renders it.
 */
const catalogue = {
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  AUTH_FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  AUTH_OUT_OF_SCOPE: { status: 403, message: '该数据不在您的管辖范围内' },
  CSRF_INVALID: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  RATE_LIMITED: { status: 429, message: '尝试次数过多，请稍后再试' },
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  UPLOAD_MISSING: { status: 400, message: '请选择要上传的文件' },
  UPLOAD_TOO_LARGE: { status: 413, message: '文件过大' },
  PLAN_TEXT_INVALID: { status: 400, message: '规划文本无法识别' },
  PLAN_ORG_UNKNOWN: { status: 400, message: '无法确定规划所属单位' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof catalogue;

export interface ErrorDetail {
  path?: string;
  line?: number;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
    super(message ?? catalogue[code].message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = catalogue[code].status;
    this.details = details;
  }
}

export function appError(code: ErrorCode, message?: string, details?: ErrorDetail[]): AppError {
  return new AppError(code, message, details);
}
