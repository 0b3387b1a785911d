import type { Role } from '../../shared/roles';
import type { Db } from '../db/connection';
import { hashPassword } from '../modules/auth/password';
import { authRepository } from '../modules/auth/repository';

/** One demo account per role the demo shows; department seats by short name. */
const DEMO_USERS: { username: string; displayName: string; unitCode: string; role: Role; dept?: string }[] = [
  { username: 'dalian_office', displayName: '市妇儿工委办公室（演示）', unitCode: '210200', role: 'office' },
  { username: 'dalian_tongji', displayName: '市统计监测组（演示）', unitCode: '210200', role: 'statistics' },
  { username: 'dalian_leader', displayName: '市领导（演示）', unitCode: '210200', role: 'leader' },
  { username: 'dalian_weijian', displayName: '市卫健委填报员（演示）', unitCode: '210200', role: 'reporter', dept: '卫健委' },
  { username: 'xigang_office', displayName: '西岗区妇儿工委办公室（演示）', unitCode: '210203', role: 'office' },
  { username: 'xigang_tongji', displayName: '西岗区统计监测组（演示）', unitCode: '210203', role: 'statistics' },
  { username: 'xigang_weijian', displayName: '西岗区卫健局填报员（演示）', unitCode: '210203', role: 'reporter', dept: '卫健委' },
  { username: 'xigang_weijian_sh', displayName: '西岗区卫健局审核员（演示）', unitCode: '210203', role: 'dept_reviewer', dept: '卫健委' },
  { username: 'xigang_jiaoyu', displayName: '西岗区教育局填报员（演示）', unitCode: '210203', role: 'reporter', dept: '教育局' },
  { username: 'dalian_pinggu', displayName: '市评估组（演示）', unitCode: '210200', role: 'evaluation' },
];

/** Demo accounts (演示账号), all with the administrator's password, so one secret opens the demo. */
export async function seedDemoUsers(db: Db, password: string): Promise<string[]> {
  const repo = authRepository(db.kysely);
  const passwordHash = await hashPassword(password);
  for (const u of DEMO_USERS) {
    const unit = await db.kysely.selectFrom('org_units').select('id').where('code', '=', u.unitCode).executeTakeFirstOrThrow();
    const dept = u.dept
      ? await db.kysely
          .selectFrom('departments as d')
          .innerJoin('committees as c', 'c.id', 'd.committee_id')
          .select('d.id')
          .where('c.org_unit_id', '=', unit.id)
          .where('d.short_name', '=', u.dept)
          .executeTakeFirstOrThrow()
      : null;
    const id = await repo.createUser({ username: u.username, displayName: u.displayName, passwordHash, orgUnitId: unit.id, departmentId: dept?.id ?? null });
    await repo.addRole(id, u.role, unit.id, dept?.id ?? null);
  }
  return DEMO_USERS.map((u) => u.username);
}
