import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../../../shared/api/auth';
import { acknowledgesWarnings, homePath, seesAnalytics } from './permissions';

const userWith = (...roles: Role[]): Me => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  roles: roles.map((role) => ({ role, orgUnitId: role === 'admin' ? null : 1, orgUnitName: role === 'admin' ? null : '大连市', departmentId: null })),
});

describe('what the web app offers each role', () => {
  it.each<[Role[], string, boolean, boolean]>([
    // roles, start page, sees 监测分析, may acknowledge warnings
    [['office'], '/analytics', true, true],
    [['statistics'], '/analytics', true, true],
    [['leader'], '/analytics', true, false],
    [['evaluation'], '/analytics', true, false],
    [['reporter'], '/reporting', false, false],
    [['dept_reviewer'], '/reporting', false, false],
    [['admin'], '/plans', true, true],
    [['reporter', 'leader'], '/analytics', true, false],
  ])('%j starts at %s', (roles, home, analytics, acknowledges) => {
    const user = userWith(...roles);
    expect([homePath(user), seesAnalytics(user), acknowledgesWarnings(user)]).toEqual([home, analytics, acknowledges]);
  });
});
