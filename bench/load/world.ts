/**
 * The world of `npm run bench:load`: a city with 20 districts, five member departments each (100
 * seats), ten indicators per department, an open task, and two reporters per seat who share two of
 * their cells. Written straight into the tables (it is set-up, not what is measured); the sessions
 * come from the auth service, as a login would make them, without the login rate limit.
 */
import { hashPassword } from '../../src/server/modules/auth/password';
import { authService, COMMAND_LINE } from '../../src/server/modules/auth/service';
import { reportingService } from '../../src/server/modules/reporting/service';
import type { Db } from '../../src/server/db/connection';

const DISTRICTS = 20;
const DEPARTMENTS = ['卫健委', '教育局', '民政局', '人社局', '公安局'];
const INDICATORS_PER_DEPARTMENT = 10;
export const YEAR = 2025;

export interface Reporter {
  cookie: string;
  csrfToken: string;
  seatId: number;
  /** The data elements this reporter saves; two of them the seat's other reporter saves too. */
  cells: number[];
}

export async function buildWorld(db: Db): Promise<Reporter[]> {
  const k = db.kysely;
  const city = await k.insertInto('org_units').values({ code: 'L0', name: '压测市', level: 'city', parent_id: null, sort: 0, is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
  const cityCommittee = await k.insertInto('committees').values({ org_unit_id: city.id, name: '压测市妇儿工委' }).returning('id').executeTakeFirstOrThrow();
  // The city's departments answer for the indicators; each district's reports along them.
  const cityDepartments = await k
    .insertInto('departments')
    .values(DEPARTMENTS.map((d, i) => ({ committee_id: cityCommittee.id, name: d, short_name: d, sort: i })))
    .returning('id')
    .execute();
  const districts = await k
    .insertInto('org_units')
    .values(Array.from({ length: DISTRICTS }, (_, i) => ({ code: `L${i + 1}`, name: `压测区${i + 1}`, level: 'district' as const, parent_id: city.id, sort: i, is_demo: 0 })))
    .returning('id')
    .execute();
  const committees = await k.insertInto('committees').values(districts.map((d) => ({ org_unit_id: d.id, name: '区妇儿工委' }))).returning(['id', 'org_unit_id']).execute();
  const departments = await k
    .insertInto('departments')
    .values(committees.flatMap((c) => DEPARTMENTS.map((d, i) => ({ committee_id: c.id, name: d, short_name: d, counterpart_id: cityDepartments[i]!.id, sort: i }))))
    .returning(['id', 'committee_id', 'short_name'])
    .execute();

  const elementsOf = new Map<string, number[]>();
  const indicatorIds: number[] = [];
  for (const [d, dept] of DEPARTMENTS.entries()) {
    for (let i = 0; i < INDICATORS_PER_DEPARTMENT; i++) {
      const code = `LD${d}_${i}`;
      const de = await k.insertInto('data_elements').values({ code, name: `${dept}数据${i}`, unit: '人', value_type: 'number', categories: '' }).returning('id').executeTakeFirstOrThrow();
      const ind = await k
        .insertInto('indicators')
        .values({ code: `LI${d}_${i}`, name: `${dept}指标${i}`, unit: '人', direction: 'higher', formula_type: 'direct', value_de_id: de.id, responsible_department_id: cityDepartments[d]!.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      elementsOf.set(dept, [...(elementsOf.get(dept) ?? []), de.id]);
      indicatorIds.push(ind.id);
    }
  }
  await reportingService(k).createTask(COMMAND_LINE, {
    orgUnitId: city.id, year: YEAR, name: '压测填报任务', opensOn: '2020-01-01', dueOn: '2099-12-31', indicatorIds, orgUnitIds: districts.map((d) => d.id),
  });
  const seats = await k.selectFrom('submissions').select(['id', 'org_unit_id', 'department_id']).execute();

  const hash = await hashPassword('Load-test-密码-1');
  const auth = authService(k);
  const reporters: Reporter[] = [];
  for (const seat of seats) {
    const dept = departments.find((d) => d.id === seat.department_id)!;
    const cells = elementsOf.get(dept.short_name)!;
    // Reporter A saves cells 0–5, reporter B cells 4–9: cells 4 and 5 are shared.
    for (const [n, own] of [cells.slice(0, 6), cells.slice(4)].entries()) {
      const username = `load_${seat.id}_${n}`;
      const user = await k
        .insertInto('users')
        .values({ username, display_name: username, password_hash: hash, org_unit_id: seat.org_unit_id, department_id: seat.department_id, disabled: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k.insertInto('role_assignments').values({ user_id: user.id, role: 'reporter', org_unit_id: seat.org_unit_id, department_id: seat.department_id }).execute();
      const session = await auth.login(username, 'Load-test-密码-1');
      reporters.push({ cookie: `halfsky_session=${session.token}`, csrfToken: session.context.csrfToken, seatId: seat.id, cells: own });
    }
  }
  return reporters;
}
