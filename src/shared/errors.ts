/**
 * The one catalogue of errors, shared by the server (which answers with them, src/server/errors.ts)
 * and the web app (which words the answers it gets without a body, and its own transport failures,
 * from the same entries): a stable code, an HTTP status and a Chinese message for people.
 */
export const ERRORS = {
  AUTH_REQUIRED: { status: 401, message: '未登录或登录已失效，请重新登录' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  AUTH_FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  AUTH_OUT_OF_SCOPE: { status: 403, message: '该数据不在您的管辖范围内' },
  CSRF_INVALID: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  RATE_LIMITED: { status: 429, message: '尝试次数过多，请稍后再试' },
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  BODY_MISSING: { status: 400, message: '请求缺少内容，请提交数据后重试' },
  BODY_INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  BODY_TOO_LARGE: { status: 413, message: '请求内容过大' },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, message: '不支持的请求内容类型' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  IN_USE: { status: 409, message: '仍被其他数据引用，不能删除' },
  UPLOAD_MISSING: { status: 400, message: '请选择要上传的文件' },
  UPLOAD_TOO_LARGE: { status: 413, message: '文件过大' },
  UPLOAD_MALFORMED: { status: 400, message: '上传内容不完整或格式错误，请重新选择文件上传' },
  PLAN_TEXT_INVALID: { status: 400, message: '规划文本无法识别' },
  PLAN_ORG_UNKNOWN: { status: 400, message: '无法确定规划所属单位' },
  XLSX_UNRECOGNISED: { status: 400, message: '无法识别的 xlsx 文件' },
  XLSX_INVALID: { status: 400, message: 'xlsx 文件中有错误，未导入任何内容' },
  XLSX_TEMPLATE_MISMATCH: { status: 400, message: '该模板不属于本填报任务' },
  XLSX_TEMPLATE_OUTDATED: { status: 409, message: '模板版本已过期，请重新下载' },
  WORKFLOW_REFUSED: { status: 409, message: '当前状态下不能执行此操作' },
  TASK_OVERLAP: { status: 409, message: '同一指标、同一单位、同一年度已有填报任务' },
  TASK_HAS_VALUES: { status: 409, message: '该任务已有填报数据，不能删除，只能关闭' },
  AUTH_LOCKED: { status: 429, message: '该账号连续登录失败次数过多，已暂时锁定，请稍后再试' },
  AUTH_HEADER_INVALID: { status: 401, message: '无法识别的 Authorization 请求头：应为 ApiToken、Bearer 或 Basic' },
  API_TOKEN_INVALID: { status: 401, message: '访问令牌无效' },
  API_TOKEN_REVOKED: { status: 401, message: '访问令牌已被撤销' },
  API_TOKEN_EXPIRED: { status: 401, message: '访问令牌已过期，请创建新令牌' },
  API_TOKEN_NEEDS_PASSWORD: { status: 403, message: '创建访问令牌需要用密码登录，不能用令牌创建令牌' },
  REQUEST_TOO_LARGE: { status: 413, message: '请求内容过多' },
  ATTACHMENT_TYPE_REFUSED: { status: 415, message: '不支持的附件类型' },
  EVENTS_TEXT_INVALID: { status: 400, message: '大事记文本无法识别' },
  SURVEY_NOT_OPEN: { status: 409, message: '问卷还没有开始收集，请在开始时间之后再来' },
  SURVEY_CLOSED: { status: 410, message: '问卷已经结束，感谢您的关注' },
  SURVEY_DUPLICATE: { status: 409, message: '您已经提交过这份问卷，感谢参与' },
  SURVEY_CODE_INVALID: { status: 403, message: '访问码不对或已经用过，请核对后再输入' },
  SURVEY_BOT_SUSPECTED: { status: 400, message: '提交没有通过安全校验，请刷新页面后重新提交' },
  SURVEY_ANSWERS_INVALID: { status: 400, message: '还有题目需要修改' },
  SURVEY_ANSWERED: { status: 409, message: '问卷已有答卷，不能这样修改' },
  API_TOKEN_LIMIT: { status: 400, message: '有效的访问令牌已达上限，请先撤销不再使用的令牌' },
  VALUE_CONFLICT: { status: 409, message: '数据已被他人修改，请核对后再保存' },
  VALUES_REJECTED: { status: 400, message: '数据未能保存' },
  // workitems
  KEY_ITEMS_INVALID: { status: 400, message: '重要事项表无法识别，未导入任何内容' },
  KEY_ITEMS_HAVE_PROGRESS: { status: 409, message: '该年度的重要事项已有进展报送，不能整表重新导入' },
  SUPERVISION_STATE: { status: 409, message: '督办当前的状态下不能这样办理' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试' },
  /** The web app's own: the server could not be reached at all. */
  NETWORK: { status: 0, message: '无法连接服务器，请检查网络后重试' },
  // reports
  REPORT_UNIT_UNKNOWN: { status: 404, message: '单位代码不存在' },
  REPORT_NO_PLAN: { status: 422, message: '该单位没有所选的发展规划，无法生成监测报告' },
  REPORT_NO_DATA: { status: 422, message: '该年度没有监测数据，无法生成报告' },
  REPORT_EDIT_CONFLICT: { status: 409, message: '报告已被他人修改，请刷新后再改' },
  REPORT_NOT_DRAFT: { status: 409, message: '报告已送审或发布，不能再修改；如需修改请先退回' },
  REPORT_PDF_UNAVAILABLE: { status: 409, message: '服务器未安装 LibreOffice，该报告没有 PDF 版本' },
  // followup
  FOLLOWUP_EXISTS: { status: 409, message: '该预警已在整改中' },
  FOLLOWUP_CHANGED: { status: 409, message: '整改状态已被他人更新，请刷新后再办理' },
  // plans: lifecycle, 备案
  PLAN_ACTION_REFUSED: { status: 409, message: '规划当前状态下不能执行此操作' },
  // plans: responsibilities, 实施方案
  RESPONSIBILITY_TABLE_INVALID: { status: 400, message: '责任分解表有误，未导入任何内容' },
  IMPLEMENTATION_REFUSED: { status: 409, message: '实施方案当前状态下不能这样办理' },
  // unitreports
  UNIT_REPORT_ROUND_EXISTS: { status: 409, message: '该年度的年度报告已经发起' },
  UNIT_REPORT_NO_PARTICIPANTS: { status: 422, message: '该单位妇儿工委没有成员单位，也没有下级妇儿工委，无法发起年度报告' },
  UNIT_REPORT_CHANGED: { status: 409, message: '年度报告已被他人修改，请刷新后再保存' },
  UNIT_REPORT_STATE: { status: 409, message: '年度报告当前的状态下不能这样办理' },
  UNIT_REPORT_NONE_ACCEPTED: { status: 422, message: '还没有已接收的年度报告，无法汇编' },
  // evaluation
  EVALUATION_ROUND_EXISTS: { status: 409, message: '该规划已有这一年度的评估' },
  EVALUATION_FORM_LOCKED: { status: 409, message: '自评表当前状态下不能修改' },
  EVALUATION_ROUND_CLOSED: { status: 409, message: '评估已结束' },
  // workitems: work points
  WORK_POINTS_INVALID: { status: 400, message: '工作要点文本无法识别，未导入任何内容' },
  WORK_POINTS_HAVE_RECORDS: { status: 409, message: '该年度的工作要点已有备案、通报、督办或关联的重要事项，不能整体重新导入' },
  WORK_POINT_HAS_RECORDS: { status: 409, message: '该条工作要点已有备案、通报、督办或关联的重要事项，不能删除' },
  // evaluation: site checks
  EVALUATION_CHECK_ANSWERED: { status: 409, message: '该督导检查的整改要求单位已答复，不能删除' },
  // evaluation: third-party evaluators
  AUTH_ACCOUNT_EXPIRED: { status: 401, message: '账号已过期，请联系妇儿工委办公室' },
  // evaluation: closing a round
  EVALUATION_ROUND_NOT_FINAL: { status: 409, message: '评估结果尚未确定，不能结束评估' },
  // workitems: versioned saves of work points
  WORK_POINT_CHANGED: { status: 409, message: '该要点已被他人修改，请刷新后再改' },
  // surveys: built by authorised member departments
  SURVEYS_NOT_AUTHORISED: {
    status: 403,
    message: '本部门未获妇儿工委办公室授权发起问卷调查（或授权已撤销），不能新建、修改、发布或结束问卷；已有问卷的结果仍可查看。如需发起，请联系妇儿工委办公室在“成员单位”中开启“可发起问卷调查”',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** For an answer without a catalogue body (a proxy's error page): the entry its status stands for. */
export function errorForStatus(status: number): ErrorCode {
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'AUTH_FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'WORKFLOW_REFUSED';
  if (status === 413) return 'BODY_TOO_LARGE';
  if (status === 415) return 'MEDIA_TYPE_UNSUPPORTED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return 'BAD_REQUEST';
}

/** How people are told which failure to quote to support: the id the server logged it under. */
export const withRequestId = (message: string, requestId: string | undefined): string =>
  requestId ? `${message}（错误编号：${requestId}）` : message;
