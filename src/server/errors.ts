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
  IN_USE: { status: 409, message: '仍被其他数据引用，不能删除' },
  UPLOAD_MISSING: { status: 400, message: '请选择要上传的文件' },
  UPLOAD_TOO_LARGE: { status: 413, message: '文件过大' },
  PLAN_TEXT_INVALID: { status: 400, message: '规划文本无法识别' },
  PLAN_ORG_UNKNOWN: { status: 400, message: '无法确定规划所属单位' },
  XLSX_UNRECOGNISED: { status: 400, message: '无法识别的 xlsx 文件' },
  XLSX_INVALID: { status: 400, message: 'xlsx 文件中有错误，未导入任何内容' },
  XLSX_TEMPLATE_MISMATCH: { status: 400, message: '该模板不属于本填报任务' },
  XLSX_TEMPLATE_OUTDATED: { status: 409, message: '模板版本已过期，请重新下载' },
  WORKFLOW_REFUSED: { status: 409, message: '当前状态下不能执行此操作' },
  VALUE_CONFLICT: { status: 409, message: '数据已被他人修改，请核对后再保存' },
  VALUES_REJECTED: { status: 400, message: '数据未能保存' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试' },
  SURVEY_NOT_OPEN: { status: 409, message: '问卷还没有开始收集，请在开始时间之后再来' },
  SURVEY_CLOSED: { status: 410, message: '问卷已经结束，感谢您的关注' },
  SURVEY_DUPLICATE: { status: 409, message: '您已经提交过这份问卷，感谢参与' },
  SURVEY_CODE_INVALID: { status: 403, message: '访问码不对或已经用过，请核对后再输入' },
  SURVEY_BOT_SUSPECTED: { status: 400, message: '提交没有通过安全校验，请刷新页面后重新提交' },
  SURVEY_ANSWERS_INVALID: { status: 400, message: '还有题目需要修改' },
  SURVEY_ANSWERED: { status: 409, message: '问卷已有答卷，不能这样修改' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof catalogue;

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

/** A 400 about one field of the request body, shaped like a schema validation error so forms can show it there. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `提交的数据不符合要求：${message}`, [{ path, message }]);
}
