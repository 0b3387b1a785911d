import { ERRORS } from './errors';
import type { Role } from './roles';

/**
 * Who may do what, where (README「权限与错误」): one table read by the server's services (which check
 * every request) and the web app (which only shows or hides menus and buttons by it).
 *
 * A role holds an action within a scope of the unit it is granted at:
 * - `all`: everywhere (the administrator);
 * - `below`: that unit and every unit below it (the committee roles);
 * - `unit`: that unit only (approving and reopening belong to the seat's own statistics group);
 * - `seat`: that unit's one member department the grant names (reporters, department reviewers);
 * - `round`: the one evaluation round the grant names (third-party evaluators): a target must name that
 *   round, so every check that does not (any other module, any other round) refuses them;
 * - `authorised`: `seat`, and only while that department holds the row's `authorisation`, which the
 *   grant carries: a flag the unit's office sets (可发起问卷调查) or one that outlives it (the
 *   department's own surveys, readable after a withdrawal).
 * `public` actions need no sign-in at all (the portal, which the server filters to published content).
 */
export type Scope = 'all' | 'below' | 'unit' | 'seat' | 'round' | 'authorised';

/**
 * What a member department is authorised for: `surveys`, to run surveys, while the unit's office
 * allows it (可发起问卷调查, 成员单位 management); `surveyResults`, to read the results of surveys it
 * owns, held as long as it owns any, so a withdrawal of `surveys` leaves them readable.
 */
export const DEPARTMENT_AUTHORISATIONS = ['surveys', 'surveyResults'] as const;
export type DepartmentAuthorisation = (typeof DEPARTMENT_AUTHORISATIONS)[number];

interface PolicyRow {
  /** What the action is called in a refusal: “没有权限${label}”. */
  label: string;
  grants: Partial<Record<Role, Scope>>;
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Why someone who holds the action elsewhere may not take it here; `{unit}` is the target unit's name. */
  outOfScope?: string;
  /** What an `authorised` grant needs its department to be authorised for. */
  authorisation?: DepartmentAuthorisation;
}

const OVERSEERS = { office: 'below', statistics: 'below', evaluation: 'below', leader: 'below' } as const;

export const POLICY = {
  /** One member department's data at one unit: values, its submission, its history. */
  'data.read': { label: '查看这些数据', grants: { admin: 'all', ...OVERSEERS, reporter: 'seat', dept_reviewer: 'seat' } },
  /** All monitoring data of a unit at once: the unit-wide change log, exports of whole units. */
  'data.readUnit': { label: '查看该单位的全部数据', grants: { admin: 'all', ...OVERSEERS } },
  'data.write': { label: '填报这些数据', grants: { admin: 'all', statistics: 'below', reporter: 'seat' } },
  'data.submit': { label: '提交这份数据', grants: { admin: 'all', reporter: 'seat' } },
  'data.review': { label: '审核上报这份数据', grants: { admin: 'all', dept_reviewer: 'seat' } },
  'data.approve': { label: '审核通过这份数据', grants: { admin: 'all', statistics: 'unit' }, outOfScope: '审核通过须由{unit}妇儿工委统计监测组办理' },
  'data.return': { label: '退回这份数据', grants: { admin: 'all', statistics: 'below', dept_reviewer: 'seat' } },
  'data.reopen': { label: '重新打开这份数据', grants: { admin: 'all', statistics: 'unit' }, outOfScope: '重新打开须由{unit}妇儿工委统计监测组办理' },
  'tasks.create': { label: '发布填报任务', grants: { admin: 'all', office: 'below' } },
  /** Closing a task, or deleting one nobody has written values through. */
  'tasks.manage': { label: '关闭或删除填报任务', grants: { admin: 'all', office: 'below' } },
  'tasks.remind': { label: '催报', grants: { admin: 'all', office: 'below', statistics: 'below' } },
  'plans.manage': { label: '管理规划', grants: { admin: 'all', office: 'below' } },
  'indicators.manage': { label: '管理指标', grants: { admin: 'all', office: 'below', statistics: 'below' } },
  /** The org-unit tree itself: adding, renaming and moving units. */
  'orgs.manage': { label: '管理组织机构', grants: { admin: 'all' } },
  /** A unit's committee: its member departments. */
  'departments.manage': { label: '管理成员单位', grants: { admin: 'all', office: 'below' } },
  'users.manage': { label: '管理用户', grants: { admin: 'all', office: 'below' } },
  'analytics.read': { label: '查看监测分析', grants: { admin: 'all', ...OVERSEERS } },
  'warnings.acknowledge': { label: '处理预警', grants: { admin: 'all', office: 'below', statistics: 'below' } },
  /** Write, submit, return, publish, unpublish and pin articles of a unit; read its drafts and their files. */
  'articles.edit': { label: '编辑发布信息', grants: { admin: 'all', office: 'below' } },
  /** Show a district's published article on the home of the unit above (checked at that unit). */
  'articles.feature': { label: '推荐下级单位的信息', grants: { admin: 'all', office: 'below' } },
  /** Import and manage a unit's 大事记. */
  'events.edit': { label: '管理大事记', grants: { admin: 'all', office: 'below' } },
  /** Annual monitoring reports: read drafts; draft, edit and send them for review; publish approved ones. */
  'reports.read': { label: '查看监测报告', grants: { admin: 'all', ...OVERSEERS } },
  'reports.edit': { label: '编写监测报告', grants: { admin: 'all', office: 'below' } },
  'reports.review': { label: '审核监测报告', grants: { admin: 'all', statistics: 'unit' }, outOfScope: '监测报告须由{unit}妇儿工委统计监测组审核' },
  'reports.reviewEvaluation': { label: '审核评估报告', grants: { admin: 'all', evaluation: 'unit' }, outOfScope: '评估报告须由{unit}妇儿工委评估组审核' },
  'reports.approve': { label: '审定监测报告', grants: { admin: 'all', leader: 'unit' }, outOfScope: '监测报告须由{unit}妇儿工委领导审定' },
  'reports.publish': { label: '发布监测报告', grants: { admin: 'all', office: 'below' } },
  'surveys.manage': { label: '管理问卷', grants: { admin: 'all', office: 'below' } },
  'surveys.read': { label: '查看问卷结果', grants: { admin: 'all', ...OVERSEERS } },
  /** Writing a survey's 知晓率 into indicators goes through the value path, which lets the statistics group write. */
  'surveys.feed': { label: '把问卷结果写入指标', grants: { admin: 'all', statistics: 'below' } },
  // plans: lifecycle, 备案
  /** File a released plan with the committee of the unit above (checked at the plan's unit). */
  'plans.file': { label: '报送规划备案', grants: { admin: 'all', office: 'below' } },
  /** Accept or return the plans filed with a unit (checked at the receiving unit). */
  'plans.reviewFiling': { label: '审核规划备案', grants: { admin: 'all', office: 'below' }, outOfScope: '规划备案由{unit}妇儿工委办公室审核' },
  /** Key items and their progress: the committee roles, and the member departments named on an item (checked per department). */
  'workitems.read': { label: '查看重要事项', grants: { admin: 'all', ...OVERSEERS, reporter: 'seat', dept_reviewer: 'seat' } },
  /** Import a year's key items, issue the 通报. */
  'workitems.manage': { label: '管理重要事项', grants: { admin: 'all', office: 'below' } },
  /** Report progress on an item as one of its lead or partner departments. */
  'workitems.report': { label: '报送重要事项进展', grants: { admin: 'all', reporter: 'seat', dept_reviewer: 'seat' } },
  /** Issue a 督办, press again, close it. */
  'supervision.issue': { label: '督办', grants: { admin: 'all', office: 'below' } },
  /** Answer a 督办 issued to one's own department. */
  'supervision.reply': { label: '答复督办', grants: { admin: 'all', reporter: 'seat', dept_reviewer: 'seat' } },
  /** What has no unit: administrator accounts, users placed nowhere. */
  admin: { label: '执行系统管理操作', grants: { admin: 'all' } },
  'portal.read': { label: '查看公开数据', grants: {}, public: true },
  // followup
  /** 整改 of warnings: see the follow-ups of a unit (overseers) or of one's own department. */
  'followups.read': { label: '查看预警整改', grants: { admin: 'all', ...OVERSEERS, reporter: 'seat', dept_reviewer: 'seat' } },
  /** Assign a warning to a department; accept, return or close the department's answer. */
  'followups.manage': { label: '督促预警整改', grants: { admin: 'all', office: 'below' } },
  /** The department's answer: cause, measures, expected date. */
  'followups.answer': { label: '答复预警整改', grants: { admin: 'all', reporter: 'seat', dept_reviewer: 'seat' } },
  // plans: responsibilities (牵头/配合) and 实施方案
  /** Set a plan's 牵头/配合单位 (by hand or a 责任分解 table) and the due date of its 实施方案 (checked at the plan's unit). */
  'responsibilities.manage': { label: '管理规划责任分解', grants: { admin: 'all', office: 'below' } },
  /** 我的责任目标 of a department: its own people, and the committee roles above it. */
  'responsibilities.read': { label: '查看成员单位的责任目标', grants: { admin: 'all', ...OVERSEERS, reporter: 'seat', dept_reviewer: 'seat' } },
  /** File a department's 实施方案 for a plan it has responsibilities in. */
  'implementation.file': { label: '报送实施方案', grants: { admin: 'all', reporter: 'seat', dept_reviewer: 'seat' } },
  /** See who has filed, accept or return a 实施方案 (checked at the plan's unit). */
  'implementation.review': { label: '审核实施方案', grants: { admin: 'all', office: 'below' }, outOfScope: '实施方案由{unit}妇儿工委办公室审核' },
  // unitreports
  /** A committee's annual report rounds: who has reported, the forms, the compiled reports (checked at the round's unit). */
  'unitreports.read': { label: '查看年度报告', grants: { admin: 'all', ...OVERSEERS } },
  /** Open a round, remind, accept or return reports, compile them: the round's own office. */
  'unitreports.manage': { label: '管理年度报告', grants: { admin: 'all', office: 'unit' }, outOfScope: '年度报告由{unit}妇儿工委办公室办理' },
  /** Fill in and submit one's own department's annual report. */
  'unitreports.report': { label: '填报本单位年度报告', grants: { admin: 'all', reporter: 'seat', dept_reviewer: 'seat' } },
  /** A lower committee's report about its area to the committee above: its own office (checked at the lower unit). */
  'unitreports.reportArea': { label: '报送本地区年度报告', grants: { admin: 'all', office: 'unit' }, outOfScope: '本地区年度报告由{unit}妇儿工委办公室报送' },
  // evaluation
  /** Evaluation rounds and forms: the committee roles of the plan's unit or above, a department its own forms, a unit below its committee's. */
  'evaluation.read': { label: '查看规划评估', grants: { admin: 'all', ...OVERSEERS, reporter: 'seat', dept_reviewer: 'seat', evaluator: 'round' } },
  /** Create a mid-term or final round: criteria, timetable, participants. */
  'evaluation.manage': { label: '组织规划评估', grants: { admin: 'all', office: 'below', evaluation: 'below' } },
  /** A member department's self-evaluation of the goals it leads. */
  'evaluation.selfAssess': { label: '填报本部门自评', grants: { admin: 'all', reporter: 'seat', dept_reviewer: 'seat' } },
  /** A lower committee's self-evaluation of its area, by that unit's own office. */
  'evaluation.selfAssessArea': { label: '填报本地区自评', grants: { admin: 'all', office: 'unit' }, outOfScope: '本地区自评由{unit}妇儿工委办公室填报' },
  /** The 评估组's score and comment, or a return for more evidence. */
  'evaluation.review': { label: '评审自评', grants: { admin: 'all', evaluation: 'below' } },
  // workitems: work points (read with workitems.read at the unit: every member department gets the 工作要点)
  /** A committee's 工作要点: enter, import, edit, 实事项目 备案 and 通报; its own office only. */
  'workpoints.manage': { label: '编制工作要点', grants: { admin: 'all', office: 'unit' }, outOfScope: '工作要点由{unit}妇儿工委办公室编制' },
  /** Record, edit and delete the site checks (督导检查) of a round (checked at the round's unit); the visited unit answers as it self-evaluates. */
  'evaluation.siteCheck': { label: '记录督导检查', grants: { admin: 'all', office: 'below', evaluation: 'below' } },
  /** Add, extend and revoke the third-party evaluator accounts of a round (checked at the round's unit). */
  'evaluation.evaluators': { label: '管理第三方评估账号', grants: { admin: 'all', office: 'below' } },
  /** A third-party evaluator's own score and comment per goal of its round. */
  'evaluation.thirdParty': { label: '第三方评估打分', grants: { admin: 'all', evaluator: 'round' }, outOfScope: '第三方评估账号只能评估所属的那一次评估' },
  // surveys: built by authorised member departments (surveys.manage and surveys.read cover all of a unit's surveys)
  /** Build, copy, publish and close the surveys of one's own department, while it is authorised (可发起问卷调查). */
  'surveys.manageOwn': { label: '发起本部门的问卷调查', grants: { admin: 'all', reporter: 'authorised' }, authorisation: 'surveys' },
  /** Results and exports of one's own department's surveys; kept when the authorisation is withdrawn (the 问卷调查 menu of such a department). */
  'surveys.readOwn': { label: '查看本部门问卷的结果', grants: { admin: 'all', reporter: 'authorised' }, authorisation: 'surveyResults', outOfScope: '只能查看本部门发起的问卷' },
} as const satisfies Record<string, PolicyRow>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export interface Grant {
  role: Role;
  /** null: granted without a unit, which covers every unit. */
  orgUnitId: number | null;
  departmentId: number | null;
  /** The evaluation round of a `round`-scoped grant (third-party evaluators). */
  roundId?: number | null;
  /** What the grant's department is authorised for, for `authorised` scopes; none when left out. */
  authorisations?: readonly DepartmentAuthorisation[];
}

export interface Subject {
  roles: readonly Grant[];
}

/** Tells whether a unit lies at or below another; the server's OrgTree is one. */
export interface UnitTree {
  isWithin(unitId: number, scopeId: number): boolean;
}

/**
 * What an action is taken on. What a target leaves out it does not constrain: without a unit the
 * question is “may the user do this anywhere?” (a menu entry), without a department “at any of
 * the unit's departments?”.
 */
export interface Target {
  orgUnitId?: number | null;
  departmentId?: number | null;
  /** The evaluation round, for `round`-scoped grants. */
  roundId?: number | null;
  /** For refusals: “审核通过须由西岗区妇儿工委统计监测组办理”. */
  unitName?: string;
  /** Needed for `below` scopes when a unit is given; the server always passes its tree. */
  tree?: UnitTree;
}

export type Decision = { ok: true } | { ok: false; code: 'AUTH_REQUIRED' | 'AUTH_FORBIDDEN' | 'AUTH_OUT_OF_SCOPE'; reason: string };

function covers(grant: Grant, row: PolicyRow, scope: Scope, target: Target): boolean {
  if (scope === 'authorised') return row.authorisation !== undefined && (grant.authorisations ?? []).includes(row.authorisation) && covers(grant, row, 'seat', target);
  const unit = target.orgUnitId ?? null;
  // Asked about no round: allowed only where the question is “anywhere?” (a menu entry).
  if (scope === 'round') return target.roundId == null ? unit === null : grant.roundId === target.roundId;
  if (scope === 'all' || unit === null) return scope !== 'seat' || target.departmentId == null || grant.departmentId === target.departmentId;
  if (grant.orgUnitId === null) return true;
  switch (scope) {
    case 'below':
      if (!target.tree) throw new Error('policy: a unit tree is needed to check a “below” scope');
      return target.tree.isWithin(unit, grant.orgUnitId);
    case 'unit':
      return grant.orgUnitId === unit;
    case 'seat':
      return grant.orgUnitId === unit && (target.departmentId == null || grant.departmentId === target.departmentId);
  }
}

/** Whether `user` (null: nobody signed in) may take `action` on `target`. */
export function can(user: Subject | null, action: Action, target: Target = {}): boolean {
  return decide(user, action, target).ok;
}

/** `can` with the refusal: 401 for nobody, 403 forbidden (not this role), 403 out of scope (the role, but elsewhere). */
export function decide(user: Subject | null, action: Action, target: Target = {}): Decision {
  const row: PolicyRow = POLICY[action];
  if (row.public) return { ok: true };
  if (!user) return { ok: false, code: 'AUTH_REQUIRED', reason: ERRORS.AUTH_REQUIRED.message };
  const held = user.roles.filter((g) => row.grants[g.role] !== undefined);
  if (held.some((g) => covers(g, row, row.grants[g.role]!, target))) return { ok: true };
  if (held.length === 0) return { ok: false, code: 'AUTH_FORBIDDEN', reason: `没有权限${row.label}` };
  const reason = row.outOfScope?.replace('{unit}', target.unitName ?? '该单位') ?? ERRORS.AUTH_OUT_OF_SCOPE.message;
  return { ok: false, code: 'AUTH_OUT_OF_SCOPE', reason };
}

/** The units of `grants` from which the user may take `action` on everything below, or null for everywhere. */
export function scopeRoots(user: Subject, action: Action): number[] | null {
  const row: PolicyRow = POLICY[action];
  const held = user.roles.filter((g) => row.grants[g.role] !== undefined);
  if (held.some((g) => row.grants[g.role] === 'all' || g.orgUnitId === null)) return null;
  return [...new Set(held.map((g) => g.orgUnitId!))];
}

/** Whether the user holds `role` for this very seat (their own department at that unit), admin not counted. */
export function holdsSeat(user: Subject, roles: readonly Role[], orgUnitId: number, departmentId: number): boolean {
  return user.roles.some((g) => roles.includes(g.role) && g.orgUnitId === orgUnitId && g.departmentId === departmentId);
}

/** The scope in which `role` holds `action`, or undefined when it does not. */
export function grantScope(action: Action, role: Role): Scope | undefined {
  const row: PolicyRow = POLICY[action];
  return row.grants[role];
}
