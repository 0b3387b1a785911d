import type { Kysely } from 'kysely';
import type { FileImplementationInputDto, ImplementationOverviewDto, ImplementationPlanDto, ImplementationStanding } from '../../../../shared/api/responsibilities';
import { implementationStanding } from '../../../../shared/plans/implementation';
import { beijingDate } from '../../../../shared/plans/filing';
import { can } from '../../../../shared/policy';
import type { Database } from '../../../db/schema';
import { appError } from '../../../errors';
import { attachmentDto } from '../../../services/attachments/routes';
import type { AttachmentStore } from '../../../services/attachments/store';
import { actorId, assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { responsibilitiesRepository, type ResponsibilitiesRepository } from './repository';

export const IMPLEMENTATION_OWNER = 'implementation_plan';

type Row = Awaited<ReturnType<ResponsibilitiesRepository['implementationsByIds']>>[number];

/**
 * 实施方案: every member department with a responsibility in a plan files its implementation plan
 * (text and files) with the office by the date the office set; the office accepts it or returns it
 * with a reason, and the department files again.
 */
export function implementationService(db: Kysely<Database>, orgs: OrgsService, attachments: AttachmentStore, clock: () => Date = () => new Date()) {
  const repo = responsibilitiesRepository(db);

  attachments.registerOwner(IMPLEMENTATION_OWNER, {
    label: '实施方案附件',
    canUpload: (auth) => can(auth, 'implementation.file'),
    async canRead(auth, id) {
      if (!auth) return false;
      const [row] = await repo.implementationsByIds([id]);
      const plan = row && (await repo.plan(row.plan_id));
      if (!row || !plan) return false;
      const tree = await orgs.tree();
      return can(auth, 'implementation.review', { orgUnitId: plan.org_unit_id, tree }) || can(auth, 'responsibilities.read', { orgUnitId: plan.org_unit_id, departmentId: row.department_id, tree });
    },
  });

  async function toDtos(rows: readonly Row[], dues: Map<number, string>): Promise<ImplementationPlanDto[]> {
    return Promise.all(
      rows.map(async (r) => {
        const due = dues.get(r.plan_id);
        return {
          id: r.id, planId: r.plan_id, department: { id: r.department_id, name: r.department_name, shortName: r.department_short_name },
          state: r.state, text: r.text, attachments: (await attachments.listOfOwner(IMPLEMENTATION_OWNER, r.id)).map(attachmentDto),
          filedAt: r.filed_at, filedBy: r.filed_by_name, late: due !== undefined && beijingDate(new Date(r.filed_at)) > due,
          decidedAt: r.decided_at, decidedBy: r.decided_by_name, returnReason: r.return_reason,
        };
      }),
    );
  }

  async function planOrThrow(planId: number) {
    const plan = await repo.plan(planId);
    if (!plan) throw appError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
    return plan;
  }

  async function filingOrThrow(id: number) {
    const [row] = await repo.implementationsByIds([id]);
    if (!row) throw appError('NOT_FOUND', `实施方案（编号 ${id}）不存在`);
    return row;
  }

  /** Each department's standing and latest filing for some plans: the office's list and 我的责任目标 both read this. */
  async function standings(planIds: readonly number[], departmentId?: number) {
    const dues = await repo.duesOf(planIds);
    const latest = (await repo.latestImplementations(planIds)).filter((l) => departmentId === undefined || l.departmentId === departmentId);
    const dtos = await toDtos(await repo.implementationsByIds(latest.map((l) => l.id)), dues);
    const today = beijingDate(clock());
    return {
      today,
      dueOf: (planId: number) => dues.get(planId) ?? null,
      of(planId: number, department: number): { standing: ImplementationStanding; latest: ImplementationPlanDto | null } {
        const mine = dtos.find((d) => d.planId === planId && d.department.id === department) ?? null;
        return { standing: implementationStanding(dues.get(planId) ?? null, mine, today), latest: mine };
      },
    };
  }

  async function decide(auth: AuthContext | null, id: number, state: 'accepted' | 'returned', reason: string | null): Promise<ImplementationPlanDto> {
    requireAuth(auth);
    const row = await filingOrThrow(id);
    const plan = await planOrThrow(row.plan_id);
    const user = assertCan(auth, 'implementation.review', { orgUnitId: plan.org_unit_id, unitName: plan.org_unit_name, tree: await orgs.tree() });
    if (!(await repo.decide(id, state, user.userId, clock().toISOString(), reason))) throw appError('IMPLEMENTATION_REFUSED', '这份实施方案已经处理过了，请刷新后查看');
    return (await toDtos([await filingOrThrow(id)], await repo.duesOf([row.plan_id])))[0]!;
  }

  return {
    standings,

    /** The office sets (or moves) the date by which the member units file. */
    async setDue(auth: AuthContext | null, planId: number, dueOn: string): Promise<void> {
      requireAuth(auth);
      const plan = await planOrThrow(planId);
      const user = assertCan(auth, 'responsibilities.manage', { orgUnitId: plan.org_unit_id, unitName: plan.org_unit_name, tree: await orgs.tree() });
      await repo.setDue(planId, dueOn, actorId(user), clock().toISOString());
    },

    /** Who owes a 实施方案, who has filed, who is late. */
    async overview(auth: AuthContext | null, planId: number): Promise<ImplementationOverviewDto> {
      requireAuth(auth);
      const plan = await planOrThrow(planId);
      const tree = await orgs.tree();
      assertCan(auth, 'implementation.review', { orgUnitId: plan.org_unit_id, unitName: plan.org_unit_name, tree });
      const s = await standings([planId]);
      const counts: Record<ImplementationStanding, number> = { not_due: 0, due: 0, overdue: 0, submitted: 0, accepted: 0, returned: 0 };
      const rows = (await repo.departmentsOwing(planId)).map((department) => {
        const one = s.of(planId, department.id);
        counts[one.standing] += 1;
        return { department, ...one };
      });
      return { plan: { id: plan.id, title: plan.title, orgUnit: { id: plan.org_unit_id, name: plan.org_unit_name } }, dueOn: s.dueOf(planId), today: s.today, counts, rows, canReview: true };
    },

    /** A department files its 实施方案; refused while one waits for review or after one was accepted. */
    async file(auth: AuthContext | null, planId: number, input: FileImplementationInputDto, options: { isDemo?: boolean } = {}): Promise<ImplementationPlanDto> {
      requireAuth(auth);
      const plan = await planOrThrow(planId);
      const user = assertCan(auth, 'implementation.file', { orgUnitId: plan.org_unit_id, departmentId: input.departmentId, unitName: plan.org_unit_name, tree: await orgs.tree() });
      if (!(await repo.departmentsOwing(planId)).some((d) => d.id === input.departmentId)) {
        throw appError('IMPLEMENTATION_REFUSED', '该成员单位在本规划中没有牵头或配合的目标、措施，无需报送实施方案');
      }
      const id = await db.transaction().execute(async (trx) => {
        const r = responsibilitiesRepository(trx);
        const [latest] = await r.implementationsByIds((await r.latestImplementations([planId])).filter((l) => l.departmentId === input.departmentId).map((l) => l.id));
        if (latest?.state === 'submitted') throw appError('IMPLEMENTATION_REFUSED', '实施方案已报送，正等待办公室审核');
        if (latest?.state === 'accepted') throw appError('IMPLEMENTATION_REFUSED', '实施方案已被接收，无需再次报送');
        const newId = await r.insertImplementation({ planId, departmentId: input.departmentId, text: input.text, filedBy: actorId(user), filedAt: clock().toISOString(), isDemo: options.isDemo });
        // Another filing got in between the check and the insert.
        if (newId === null) throw appError('IMPLEMENTATION_REFUSED', '实施方案已报送，正等待办公室审核');
        await attachments.bind(trx, user, IMPLEMENTATION_OWNER, newId, input.attachmentIds);
        return newId;
      });
      return (await toDtos([await filingOrThrow(id)], await repo.duesOf([planId])))[0]!;
    },

    accept: (auth: AuthContext | null, id: number) => decide(auth, id, 'accepted', null),
    return: (auth: AuthContext | null, id: number, reason: string) => decide(auth, id, 'returned', reason),
  };
}
export type ImplementationService = ReturnType<typeof implementationService>;
