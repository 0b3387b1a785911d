import { describe, expect, it } from 'vitest';
import { ACTIONS, can, decide, holdsSeat, POLICY, scopeRoots, type Action, type Grant, type Subject, type Target, type UnitTree } from './policy';
import type { Role } from './roles';

// 大连市 1 → 西岗区 3 → 白云街道 30; 中山区 4. Departments: 卫健委 48 and 教育局 49 at 西岗区.
const parents = new Map<number, number | null>([[1, null], [3, 1], [30, 3], [4, 1]]);
const tree: UnitTree = {
  isWithin(unitId, scopeId) {
    for (let cur: number | null | undefined = unitId; cur != null; cur = parents.get(cur)) if (cur === scopeId) return true;
    return false;
  },
};

const grant = (role: Role, orgUnitId: number | null, departmentId: number | null = null): Grant => ({ role, orgUnitId, departmentId });
/** The columns of the table below, in order. */
const ACTORS: [string, Subject | null][] = [
  ['admin', { roles: [grant('admin', null)] }],
  ['office@西岗', { roles: [grant('office', 3)] }],
  ['statistics@西岗', { roles: [grant('statistics', 3)] }],
  ['statistics@大连', { roles: [grant('statistics', 1)] }],
  ['evaluation@西岗', { roles: [grant('evaluation', 3)] }],
  ['reporter@西岗卫健委', { roles: [grant('reporter', 3, 48)] }],
  ['dept_reviewer@西岗卫健委', { roles: [grant('dept_reviewer', 3, 48)] }],
  ['leader@西岗', { roles: [grant('leader', 3)] }],
  ['nobody', null],
];

const TARGETS = {
  '西岗卫健委': { orgUnitId: 3, departmentId: 48, unitName: '西岗区' },
  '西岗教育局': { orgUnitId: 3, departmentId: 49, unitName: '西岗区' },
  '白云街道': { orgUnitId: 30, departmentId: 300, unitName: '白云街道' },
  '中山区': { orgUnitId: 4, departmentId: 400, unitName: '中山区' },
  '大连市': { orgUnitId: 1, unitName: '大连市' },
  '西岗区': { orgUnitId: 3, unitName: '西岗区' },
  anywhere: {},
} satisfies Record<string, Target>;

/*
 * One letter per actor: A allowed, F forbidden (the role may not), S out of scope (the role may,
 * not here), L sign in first.      admin 办公室 统计西岗 统计大连 评估 填报 审核 领导 匿名
 */
const TABLE: [Action, keyof typeof TARGETS, string][] = [
  ['data.read', '西岗卫健委', /*        */ 'A A A A A A A A L'],
  ['data.read', '西岗教育局', /*        */ 'A A A A A S S A L'],
  ['data.read', '白云街道', /*          */ 'A A A A A S S A L'],
  ['data.read', '中山区', /*            */ 'A S S A S S S S L'],
  ['data.readUnit', '西岗区', /*        */ 'A A A A A F F A L'],
  ['data.readUnit', '中山区', /*        */ 'A S S A S F F S L'],
  ['data.write', '西岗卫健委', /*       */ 'A F A A F A F F L'],
  ['data.write', '西岗教育局', /*       */ 'A F A A F S F F L'],
  ['data.write', '中山区', /*           */ 'A F S A F S F F L'],
  ['data.submit', '西岗卫健委', /*      */ 'A F F F F A F F L'],
  ['data.submit', '西岗教育局', /*      */ 'A F F F F S F F L'],
  ['data.review', '西岗卫健委', /*      */ 'A F F F F F A F L'],
  // Approving and reopening belong to the seat's own statistics group: not the city's, not for a street.
  ['data.approve', '西岗卫健委', /*     */ 'A F A S F F F F L'],
  ['data.approve', '白云街道', /*       */ 'A F S S F F F F L'],
  ['data.reopen', '西岗卫健委', /*      */ 'A F A S F F F F L'],
  ['data.return', '西岗卫健委', /*      */ 'A F A A F F A F L'],
  ['data.return', '中山区', /*          */ 'A F S A F F S F L'],
  ['tasks.create', '西岗区', /*         */ 'A A F F F F F F L'],
  ['tasks.create', '中山区', /*         */ 'A S F F F F F F L'],
  ['tasks.manage', '西岗区', /*         */ 'A A F F F F F F L'],
  ['tasks.manage', '中山区', /*         */ 'A S F F F F F F L'],
  ['tasks.remind', '西岗区', /*         */ 'A A A A F F F F L'],
  ['articles.edit', '西岗区', /*        */ 'A A F F F F F F L'],
  ['articles.feature', '中山区', /*     */ 'A S F F F F F F L'],
  ['events.edit', '大连市', /*          */ 'A S F F F F F F L'],
  ['surveys.manage', '中山区', /*       */ 'A S F F F F F F L'],
  // A report is reviewed by its own unit's statistics group and approved by its own leader, not the city's.
  ['reports.read', '西岗区', /*         */ 'A A A A A F F A L'],
  ['reports.edit', '西岗区', /*         */ 'A A F F F F F F L'],
  ['reports.review', '西岗区', /*       */ 'A F A S F F F F L'],
  ['reports.reviewEvaluation', '西岗区', 'A F F F A F F F L'],
  ['reports.reviewEvaluation', '白云街道', 'A F F F S F F F L'],
  ['reports.approve', '西岗区', /*      */ 'A F F F F F F A L'],
  ['reports.publish', '中山区', /*      */ 'A S F F F F F F L'],
  ['surveys.read', '西岗区', /*         */ 'A A A A A F F A L'],
  ['surveys.feed', '西岗区', /*         */ 'A F A A F F F F L'],
  ['plans.manage', '白云街道', /*       */ 'A A F F F F F F L'],
  ['plans.manage', '大连市', /*         */ 'A S F F F F F F L'],
  ['indicators.manage', '大连市', /*    */ 'A S S A F F F F L'],
  ['orgs.manage', 'anywhere', /*        */ 'A F F F F F F F L'],
  ['departments.manage', '白云街道', /* */ 'A A F F F F F F L'],
  ['users.manage', '中山区', /*         */ 'A S F F F F F F L'],
  ['analytics.read', '西岗区', /*       */ 'A A A A A F F A L'],
  ['analytics.read', '大连市', /*       */ 'A S S A S F F S L'],
  ['warnings.acknowledge', '西岗区', /* */ 'A A A A F F F F L'],
  ['admin', 'anywhere', /*              */ 'A F F F F F F F L'],
  ['portal.read', 'anywhere', /*        */ 'A A A A A A A A A'],
  // plans: 备案 is filed at the plan's unit and reviewed at the unit above.
  ['plans.file', '西岗区', /*           */ 'A A F F F F F F L'],
  ['plans.file', '中山区', /*           */ 'A S F F F F F F L'],
  ['plans.reviewFiling', '大连市', /*   */ 'A S F F F F F F L'],
  ['plans.reviewFiling', '白云街道', /* */ 'A A F F F F F F L'],
  // Without a unit: whether the role takes the action anywhere (menus).
  ['data.approve', 'anywhere', /*       */ 'A F A A F F F F L'],
  ['data.review', 'anywhere', /*        */ 'A F F F F F A F L'],
  // followup
  ['followups.read', '西岗卫健委', /*   */ 'A A A A A A A A L'],
  ['followups.read', '西岗教育局', /*   */ 'A A A A A S S A L'],
  ['followups.manage', '西岗区', /*     */ 'A A F F F F F F L'],
  ['followups.manage', '中山区', /*     */ 'A S F F F F F F L'],
  ['followups.answer', '西岗卫健委', /* */ 'A F F F F A A F L'],
  ['followups.answer', '西岗教育局', /* */ 'A F F F F S S F L'],
  // workitems: the office manages and issues 督办; an item's departments report and reply; the committee reads.
  ['workitems.read', '西岗卫健委', /*   */ 'A A A A A A A A L'],
  ['workitems.read', '西岗教育局', /*   */ 'A A A A A S S A L'],
  ['workitems.read', '中山区', /*       */ 'A S S A S S S S L'],
  ['workitems.manage', '西岗区', /*     */ 'A A F F F F F F L'],
  ['workitems.manage', '中山区', /*     */ 'A S F F F F F F L'],
  ['workitems.report', '西岗卫健委', /* */ 'A F F F F A A F L'],
  ['workitems.report', '西岗教育局', /* */ 'A F F F F S S F L'],
  ['supervision.issue', '西岗卫健委', /**/ 'A A F F F F F F L'],
  ['supervision.issue', '中山区', /*    */ 'A S F F F F F F L'],
  ['supervision.reply', '西岗卫健委', /**/ 'A F F F F A A F L'],
  ['supervision.reply', '西岗教育局', /**/ 'A F F F F S S F L'],
  // responsibilities: the office sets them and reviews 实施方案; a department reads its own and files.
  ['responsibilities.manage', '西岗区', /**/ 'A A F F F F F F L'],
  ['responsibilities.manage', '中山区', /**/ 'A S F F F F F F L'],
  ['responsibilities.read', '西岗卫健委', /* */ 'A A A A A A A A L'],
  ['responsibilities.read', '西岗教育局', /* */ 'A A A A A S S A L'],
  ['implementation.file', '西岗卫健委', /*  */ 'A F F F F A A F L'],
  ['implementation.file', '西岗教育局', /*  */ 'A F F F F S S F L'],
  ['implementation.review', '西岗区', /*    */ 'A A F F F F F F L'],
  ['implementation.review', '中山区', /*    */ 'A S F F F F F F L'],
  // unitreports: the round's own office manages it (not the city's office for a district's round); a department fills its own.
  ['unitreports.read', '西岗区', /*     */ 'A A A A A F F A L'],
  ['unitreports.read', '中山区', /*     */ 'A S S A S F F S L'],
  ['unitreports.manage', '西岗区', /*   */ 'A A F F F F F F L'],
  ['unitreports.manage', '大连市', /*   */ 'A S F F F F F F L'],
  ['unitreports.report', '西岗卫健委', /**/ 'A F F F F A A F L'],
  ['unitreports.report', '西岗教育局', /**/ 'A F F F F S S F L'],
  ['unitreports.reportArea', '西岗区', /**/ 'A A F F F F F F L'],
  ['unitreports.reportArea', '白云街道', /**/ 'A S F F F F F F L'],
  // evaluation: the office and the 评估组 organise; departments fill their own forms, a lower unit's office its area's; the 评估组 reviews.
  ['evaluation.read', '西岗卫健委', /*  */ 'A A A A A A A A L'],
  ['evaluation.read', '西岗教育局', /*  */ 'A A A A A S S A L'],
  ['evaluation.read', '大连市', /*      */ 'A S S A S S S S L'],
  ['evaluation.manage', '西岗区', /*    */ 'A A F F A F F F L'],
  ['evaluation.manage', '中山区', /*    */ 'A S F F S F F F L'],
  ['evaluation.selfAssess', '西岗卫健委', 'A F F F F A A F L'],
  ['evaluation.selfAssess', '西岗教育局', 'A F F F F S S F L'],
  ['evaluation.selfAssessArea', '西岗区', 'A A F F F F F F L'],
  ['evaluation.selfAssessArea', '白云街道', 'A S F F F F F F L'],
  ['evaluation.review', '白云街道', /*  */ 'A F F F A F F F L'],
  ['evaluation.review', '中山区', /*    */ 'A F F F S F F F L'],
  // work points: read by everyone of the unit's committee; edited by its own office only, not the city's.
  ['workitems.read', '西岗区', /*       */ 'A A A A A A A A L'],
  ['workpoints.manage', '西岗区', /*    */ 'A A F F F F F F L'],
  ['workpoints.manage', '白云街道', /*  */ 'A S F F F F F F L'],
  ['workpoints.manage', '中山区', /*    */ 'A S F F F F F F L'],
  // evaluation: site checks are recorded by the office and the 评估组 of the round's unit or above.
  ['evaluation.siteCheck', '白云街道', 'A A F F A F F F L'],
  ['evaluation.siteCheck', '中山区', /**/ 'A S F F S F F F L'],
  // evaluation: third-party evaluators are the office's to manage; only an evaluator (round scope, below) scores.
  ['evaluation.evaluators', '白云街道', 'A A F F F F F F L'],
  ['evaluation.evaluators', '中山区', 'A S F F F F F F L'],
  ['evaluation.thirdParty', '西岗区', 'A F F F F F F F L'],
  // surveys of member departments: this reporter's department is not authorised and owns none (see the tests below for one that is, or does).
  ['surveys.manageOwn', '西岗卫健委', /*  */ 'A F F F F S F F L'],
  ['surveys.manageOwn', 'anywhere', /*    */ 'A F F F F S F F L'],
  ['surveys.readOwn', '西岗卫健委', /*    */ 'A F F F F S F F L'],
  ['surveys.readOwn', 'anywhere', /*      */ 'A F F F F S F F L'],
];

const LETTER = { AUTH_FORBIDDEN: 'F', AUTH_OUT_OF_SCOPE: 'S', AUTH_REQUIRED: 'L' } as const;

describe('the access policy', () => {
  it.each(TABLE)('%s on %s', (action, target, expected) => {
    const answers = ACTORS.map(([, user]) => {
      const d = decide(user, action, { ...TARGETS[target], tree });
      return d.ok ? 'A' : LETTER[d.code];
    });
    expect(answers.join(' ')).toBe(expected);
  });

  it('has a row in the table above for every action', () => {
    expect(ACTIONS.filter((a) => !TABLE.some(([action]) => action === a))).toEqual([]);
  });

  it('lets the administrator do everything everywhere', () => {
    for (const action of ACTIONS) expect(can(ACTORS[0]![1], action, { orgUnitId: 4, departmentId: 400, tree }), action).toBe(true);
  });

  it('says why, in Chinese, naming the unit whose statistics group approves', () => {
    const cityStatistics = ACTORS[3]![1];
    expect(decide(cityStatistics, 'data.approve', { ...TARGETS['西岗卫健委'], tree })).toEqual({ ok: false, code: 'AUTH_OUT_OF_SCOPE', reason: '审核通过须由西岗区妇儿工委统计监测组办理' });
    expect(decide(ACTORS[5]![1], 'analytics.read', { ...TARGETS['西岗区'], tree })).toEqual({ ok: false, code: 'AUTH_FORBIDDEN', reason: '没有权限查看监测分析' });
    expect(decide(ACTORS[1]![1], 'users.manage', { ...TARGETS['中山区'], tree })).toEqual({ ok: false, code: 'AUTH_OUT_OF_SCOPE', reason: '该数据不在您的管辖范围内' });
    expect(decide(null, 'data.read')).toEqual({ ok: false, code: 'AUTH_REQUIRED', reason: '未登录或登录已失效，请重新登录' });
  });

  it('binds a third-party evaluator to its one round: a target must name that round', () => {
    const evaluator: Subject = { roles: [{ role: 'evaluator', orgUnitId: 3, departmentId: null, roundId: 7 }] };
    expect(can(evaluator, 'evaluation.read', { orgUnitId: 3, departmentId: -1, roundId: 7, tree })).toBe(true);
    expect(can(evaluator, 'evaluation.read', { orgUnitId: 30, departmentId: 300, roundId: 7, tree })).toBe(true);
    expect(can(evaluator, 'evaluation.read', { orgUnitId: 3, departmentId: -1, roundId: 8, tree })).toBe(false);
    // Asked without a round (any other module's check, a form of no round): refused; asked about nothing (a menu): shown.
    expect(can(evaluator, 'evaluation.read', { orgUnitId: 3, departmentId: 48, tree })).toBe(false);
    expect(can(evaluator, 'evaluation.read')).toBe(true);
    expect(can(evaluator, 'data.read', { orgUnitId: 3, departmentId: 48, tree })).toBe(false);
    expect(decide(evaluator, 'evaluation.thirdParty', { orgUnitId: 3, roundId: 8, tree })).toEqual({ ok: false, code: 'AUTH_OUT_OF_SCOPE', reason: '第三方评估账号只能评估所属的那一次评估' });
    expect(can({ roles: [{ role: 'evaluator', orgUnitId: 3, departmentId: null }] }, 'evaluation.thirdParty', { orgUnitId: 3, roundId: 7, tree })).toBe(false);
  });

  it('lets a department the office authorised (可发起问卷调查) manage its own surveys, nowhere else', () => {
    const authorised: Subject = { roles: [{ ...grant('reporter', 3, 48), authorisations: ['surveys'] }] };
    expect(can(authorised, 'surveys.manageOwn', { ...TARGETS['西岗卫健委'], tree })).toBe(true);
    expect(can(authorised, 'surveys.manageOwn', { ...TARGETS['西岗区'], tree })).toBe(true);
    expect(can(authorised, 'surveys.manageOwn')).toBe(true);
    expect(can(authorised, 'surveys.manageOwn', { ...TARGETS['西岗教育局'], tree })).toBe(false);
    expect(can(authorised, 'surveys.manageOwn', { ...TARGETS['中山区'], tree })).toBe(false);
    // The flag is the department's, not the role's: it opens nothing the seat did not already allow.
    expect(can(authorised, 'surveys.manage', { ...TARGETS['西岗区'], tree })).toBe(false);
    expect(can(authorised, 'surveys.read', { ...TARGETS['西岗区'], tree })).toBe(false);
    // Once the office withdraws the flag, the same seat manages nothing.
    expect(can({ roles: [{ ...grant('reporter', 3, 48), authorisations: [] }] }, 'surveys.manageOwn', { ...TARGETS['西岗卫健委'], tree })).toBe(false);
  });

  it('lets a department that owns surveys read their results, withdrawn or not, and shows it the menu', () => {
    const withdrawn: Subject = { roles: [{ ...grant('reporter', 3, 48), authorisations: ['surveyResults'] }] };
    expect(can(withdrawn, 'surveys.readOwn', { ...TARGETS['西岗卫健委'], tree })).toBe(true);
    expect(can(withdrawn, 'surveys.readOwn')).toBe(true);
    expect(decide(withdrawn, 'surveys.readOwn', { ...TARGETS['西岗教育局'], tree })).toEqual({ ok: false, code: 'AUTH_OUT_OF_SCOPE', reason: '只能查看本部门发起的问卷' });
    expect(can(withdrawn, 'surveys.manageOwn', { ...TARGETS['西岗卫健委'], tree })).toBe(false);
    expect(can(withdrawn, 'surveys.read', { ...TARGETS['西岗区'], tree })).toBe(false);
    // A department reviewer of the same seat holds no survey rights at all.
    expect(can({ roles: [{ ...grant('dept_reviewer', 3, 48), authorisations: ['surveyResults'] }] }, 'surveys.readOwn')).toBe(false);
  });

  it('gives every action a label for its refusal', () => {
    for (const action of ACTIONS) expect(POLICY[action].label, action).toMatch(/\p{Script=Han}/u);
  });

  it('refuses to guess a “below” scope without the unit tree', () => {
    expect(() => can(ACTORS[1]![1], 'plans.manage', { orgUnitId: 30 })).toThrow(/unit tree/);
    // Exact scopes need no tree.
    expect(can(ACTORS[2]![1], 'data.approve', { orgUnitId: 3 })).toBe(true);
  });

  it('counts a grant without a unit as covering every unit', () => {
    expect(can({ roles: [grant('statistics', null)] }, 'data.approve', { orgUnitId: 30, tree })).toBe(true);
  });

  it('finds where a user may act from (scopeRoots) and who holds a seat', () => {
    expect(scopeRoots({ roles: [grant('office', 3), grant('office', 4), grant('reporter', 3, 48)] }, 'users.manage')).toEqual([3, 4]);
    expect(scopeRoots(ACTORS[0]![1]!, 'users.manage')).toBeNull();
    expect(scopeRoots(ACTORS[5]![1]!, 'users.manage')).toEqual([]);
    expect(holdsSeat(ACTORS[6]![1]!, ['reporter', 'dept_reviewer'], 3, 48)).toBe(true);
    expect(holdsSeat(ACTORS[0]![1]!, ['reporter', 'dept_reviewer'], 3, 48)).toBe(false);
  });
});
