import type { Kysely } from 'kysely';
import { emptyContent, type FormDto, type MyFormDto, type RoundDto, type RoundInput, type RoundListDto, type RoundSummaryDto, type SaveFormInput } from '../../../shared/api/unitreports';
import { can, scopeRoots } from '../../../shared/policy';
import { FORM_STATES, isOutstanding, nextState, type FormAction, type FormState } from '../../../shared/unitreports/workflow';
import { beijingDate } from '../../../shared/workitems/status';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { attachmentDto } from '../../services/attachments/routes';
import type { AttachmentStore } from '../../services/attachments/store';
import type { AnalyticsService } from '../analytics/service';
import { actorId, assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { orgsRepository } from '../orgs/repository';
import type { OrgsService } from '../orgs/service';
import { fillRule, formAccess } from './access';
import type { CompileInput, CompiledReport } from './compile';
import { FORM_OWNER, parseContent, participantOf, responsibleItems, shownItems } from './forms';
import { unitReportsRepository, type FormRow } from './repository';
import { formatBeijingDateTime } from '../../../shared/format';

/**
 * Member units' annual reports (issue 13 point 1): the office opens a year's round, each member
 * department and each lower committee fills in its form, submits it, and the office accepts it or
 * returns it with a reason.
 */
export function unitReportsService(db: Kysely<Database>, orgs: OrgsService, analytics: AnalyticsService, attachments: AttachmentStore) {
  const repo = unitReportsRepository(db);

  attachments.registerOwner(FORM_OWNER, {
    label: '年度报告附件',
    canUpload: (auth) => can(auth, 'unitreports.report') || can(auth, 'unitreports.reportArea'),
    async canRead(auth, formId) {
      const [row] = await repo.forms({ id: formId });
      return Boolean(auth && row && formAccess(auth, await orgs.tree(), row).read);
    },
  });

  async function formOrThrow(id: number): Promise<FormRow> {
    const [row] = await repo.forms({ id });
    if (!row) throw appError('NOT_FOUND', `年度报告（编号 ${id}）不存在`);
    return row;
  }

  /** The form and what the user may do with it; refused with the policy's reason when it is not theirs to see. */
  async function readable(auth: AuthContext | null, id: number) {
    const user = requireAuth(auth);
    const row = await formOrThrow(id);
    const tree = await orgs.tree();
    const access = formAccess(user, tree, row);
    if (!access.read) {
      // Someone of the committees elsewhere hears “not your unit”; a department, that the form is not its own.
      if (can(user, 'unitreports.read')) assertCan(user, 'unitreports.read', { orgUnitId: row.round_unit_id, unitName: row.round_unit_name, tree });
      const rule = fillRule(row, tree);
      assertCan(user, rule.action, rule.target);
    }
    return { user, row, access };
  }

  function summaryOf(round: { id: number; org_unit_id: number; unit_name: string; year: number; due_on: string; note: string; is_demo: number; created_at: string }, forms: FormRow[], now: Date): RoundSummaryDto {
    const counts = Object.fromEntries(FORM_STATES.map((s) => [s, 0])) as Record<FormState, number>;
    let overdue = 0;
    for (const f of forms) {
      counts[f.state]++;
      if (isOutstanding(f.state) && participantOf(f, now).overdueDays > 0) overdue++;
    }
    return {
      id: round.id, orgUnit: { id: round.org_unit_id, name: round.unit_name }, year: round.year, dueOn: round.due_on, note: round.note,
      createdAt: round.created_at, counts, total: forms.length, overdue, isDemo: round.is_demo === 1,
    };
  }

  async function roundOrThrow(id: number) {
    const [round] = await repo.rounds({ id });
    if (!round) throw appError('NOT_FOUND', `年度报告轮次（编号 ${id}）不存在`);
    return round;
  }

  /** Where a user starts: the unit of their first committee grant, else the top unit. */
  async function defaultUnit(user: AuthContext): Promise<number> {
    return scopeRoots(user, 'unitreports.read')?.[0] ?? (await repo.topUnit())?.id ?? 0;
  }

  /** One step of a form in one transaction: compare-and-set on the version and the state, an event, notifications. */
  async function step(user: AuthContext, row: FormRow, action: FormAction, o: { version: number; text: string; now: Date; set: Parameters<typeof repo.updateForm>[2] }) {
    const actor = action === 'submit' ? 'reporter' : 'office';
    const to = nextState(row.state, action, actor);
    if (!to) throw appError('UNIT_REPORT_STATE', `年度报告${stateWords(row.state)}，不能${actionWords(action)}`);
    const at = o.now.toISOString();
    const link = `/unitreports/forms/${row.id}`;
    const who = row.department_name ?? `${row.unit_name}妇儿工委`;
    await db.transaction().execute(async (trx) => {
      const tx = unitReportsRepository(trx);
      // The office's decision is not an edit: who last wrote the text stays.
      const edit = action === 'submit' ? { updated_by: actorId(user), updated_at: at } : {};
      const ok = await tx.updateForm(row.id, o.version, { ...o.set, ...edit, state: to }, [row.state]);
      if (!ok) throw appError('UNIT_REPORT_CHANGED');
      await tx.insertEvents([{ formId: row.id, action, text: o.text, actorId: actorId(user), at }]);
      if (action === 'submit') {
        const offices = await tx.fillers(row.round_unit_id, null);
        await tx.notify(offices, { kind: 'workflow', title: `${who}提交了${row.year}年度报告`, body: `${user.displayName}提交了${row.year}年度规划实施情况报告，请审阅。`, link }, at);
      } else {
        const fillers = await tx.fillers(row.org_unit_id, row.department_id);
        const title = action === 'accept' ? `${row.year}年度报告已被接收` : `${row.year}年度报告被退回`;
        const body = action === 'accept' ? `${row.round_unit_name}妇儿工委办公室已接收您单位的年度报告。` : `退回原因：${o.text}。请修改后重新提交。`;
        await tx.notify(fillers, { kind: 'workflow', title, body, link }, at);
      }
    });
  }

  return {
    async listRounds(auth: AuthContext | null, query: { orgUnitId?: number }, now = new Date()): Promise<RoundListDto> {
      const user = requireAuth(auth);
      const tree = await orgs.tree();
      const orgUnitId = query.orgUnitId ?? (await defaultUnit(user));
      const unit = await repo.unit(orgUnitId);
      if (!unit) throw appError('NOT_FOUND', `单位（编号 ${orgUnitId}）不存在`);
      assertCan(user, 'unitreports.read', { orgUnitId, unitName: unit.name, tree });
      const rounds = await repo.rounds({ orgUnitId });
      const forms = await repo.forms({ roundIds: rounds.map((r) => r.id) });
      return {
        orgUnit: { id: unit.id, name: unit.name },
        rounds: rounds.map((r) => summaryOf(r, forms.filter((f) => f.round_id === r.id), now)),
        canManage: can(user, 'unitreports.manage', { orgUnitId, tree }),
      };
    },

    /**
     * Opens a year's round: a form for every member department of the committee and for the
     * committee of every unit directly below (reporting about its area), all in one transaction.
     */
    async openRound(auth: AuthContext | null, input: RoundInput, options: { isDemo?: boolean; now?: Date } = {}): Promise<RoundDto> {
      const tree = await orgs.tree();
      const unit = await repo.unit(input.orgUnitId);
      if (!unit) throw invalidField('orgUnitId', `单位（编号 ${input.orgUnitId}）不存在`);
      const user = assertCan(auth, 'unitreports.manage', { orgUnitId: unit.id, unitName: unit.name, tree });
      if (await repo.roundOfYear(unit.id, input.year)) throw appError('UNIT_REPORT_ROUND_EXISTS', `${unit.name} ${input.year} 年度的年度报告已经发起`);
      const [departments, children] = await Promise.all([repo.departmentsOfUnit(unit.id), orgsRepository(db).childUnitsWithCommittee(unit.id)]);
      const seats = [...departments.map((d) => ({ orgUnitId: unit.id, departmentId: d.id })), ...children.map((c) => ({ orgUnitId: c.id, departmentId: null }))];
      if (seats.length === 0) throw appError('UNIT_REPORT_NO_PARTICIPANTS');
      const now = options.now ?? new Date();
      const id = await db.transaction().execute(async (trx) => {
        const tx = unitReportsRepository(trx);
        const roundId = await tx.insertRound({ orgUnitId: unit.id, year: input.year, dueOn: input.dueOn, note: input.note, isDemo: options.isDemo ?? false, createdBy: actorId(user), at: now.toISOString() });
        await tx.insertForms(roundId, seats, JSON.stringify(emptyContent()));
        return roundId;
      });
      return this.getRound(auth, id, now);
    },

    async getRound(auth: AuthContext | null, id: number, now = new Date()): Promise<RoundDto> {
      const round = await roundOrThrow(id);
      const tree = await orgs.tree();
      const user = assertCan(auth, 'unitreports.read', { orgUnitId: round.org_unit_id, unitName: round.unit_name, tree });
      const forms = await repo.forms({ roundIds: [id] });
      return { ...summaryOf(round, forms, now), participants: forms.map((f) => participantOf(f, now)), canManage: can(user, 'unitreports.manage', { orgUnitId: round.org_unit_id, tree }) };
    },

    /** 催报: notifies the people of each outstanding form (all of them, or those chosen). */
    async remind(auth: AuthContext | null, roundId: number, formIds: readonly number[] | undefined, now = new Date()): Promise<{ reminded: number }> {
      const round = await roundOrThrow(roundId);
      const user = assertCan(auth, 'unitreports.manage', { orgUnitId: round.org_unit_id, unitName: round.unit_name, tree: await orgs.tree() });
      const forms = (await repo.forms({ roundIds: [roundId] })).filter((f) => isOutstanding(f.state) && (!formIds || formIds.includes(f.id)));
      const unknown = formIds?.find((id) => !forms.some((f) => f.id === id));
      if (unknown !== undefined) throw invalidField('formIds', `年度报告 ${unknown} 不属于本轮次或已提交，无需催报`);
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const tx = unitReportsRepository(trx);
        for (const f of forms) {
          await tx.notify(await tx.fillers(f.org_unit_id, f.department_id), {
            kind: 'workflow', title: `请报送${round.year}年度规划实施情况报告`, body: `${round.unit_name}妇儿工委办公室提醒：年度报告截止日期为 ${round.due_on}，请尽快填写并提交。`, link: `/unitreports/forms/${f.id}`,
          }, at);
        }
        await tx.markReminded(forms.map((f) => f.id), at);
        await tx.insertEvents(forms.map((f) => ({ formId: f.id, action: 'remind' as const, text: '', actorId: actorId(user), at })));
      });
      return { reminded: forms.length };
    },

    /** The forms the user fills in: their departments' and, for an office, its committee's upward report. */
    async myForms(auth: AuthContext | null, now = new Date()): Promise<MyFormDto[]> {
      const user = requireAuth(auth);
      const seats = user.roles.flatMap((g) => ((g.role === 'reporter' || g.role === 'dept_reviewer') && g.orgUnitId !== null && g.departmentId !== null ? [{ orgUnitId: g.orgUnitId, departmentId: g.departmentId }] : []));
      const areaUnits = user.roles.flatMap((g) => (g.role === 'office' && g.orgUnitId !== null ? [g.orgUnitId] : []));
      const rows = await repo.formsOfSeats(seats, areaUnits);
      return rows.map((r) => {
        const p = participantOf(r, now);
        return { formId: r.id, roundId: r.round_id, committee: `${r.round_unit_name}妇儿工委`, year: r.year, dueOn: r.due_on, name: p.name, state: r.state, overdueDays: p.overdueDays, returnedReason: r.returned_reason, isDemo: r.is_demo === 1 };
      });
    },

    async getForm(auth: AuthContext | null, id: number, now = new Date()): Promise<FormDto> {
      const { row, access } = await readable(auth, id);
      const [{ groups, asOf }, files, events] = await Promise.all([
        shownItems(db, analytics, row),
        attachments.listOfOwner(FORM_OWNER, row.id),
        repo.events(row.id),
      ]);
      return {
        id: row.id,
        round: { id: row.round_id, orgUnit: { id: row.round_unit_id, name: row.round_unit_name }, year: row.year, dueOn: row.due_on, note: row.note },
        participant: participantOf(row, now), version: row.version, content: parseContent(row.content), groups, figuresAsOf: asOf,
        attachments: files.map(attachmentDto), events, updatedAt: row.updated_at, updatedBy: row.updated_by_name ?? null,
        canEdit: access.fill && (row.state === 'draft' || row.state === 'returned'), canDecide: access.decide && row.state === 'submitted', isDemo: row.is_demo === 1,
      };
    },

    /** Saves a draft (also the autosave): only over the version read, else 409 naming who saved in between. */
    async saveForm(auth: AuthContext | null, id: number, input: SaveFormInput, now = new Date()): Promise<FormDto> {
      const { user, row, access } = await readable(auth, id);
      if (!access.fill) {
        const rule = fillRule(row, await orgs.tree());
        assertCan(user, rule.action, rule.target);
      }
      if (row.state !== 'draft' && row.state !== 'returned') throw appError('UNIT_REPORT_STATE', `年度报告${stateWords(row.state)}，不能再修改`);
      if (row.version !== input.version) throw conflict(row);
      await db.transaction().execute(async (trx) => {
        const ok = await unitReportsRepository(trx).updateForm(row.id, input.version, { content: JSON.stringify(input.content), updated_by: actorId(user), updated_at: now.toISOString() }, ['draft', 'returned']);
        if (!ok) throw conflict(await formOrThrow(id));
        await attachments.bind(trx, user, FORM_OWNER, row.id, input.attachmentIds);
        await attachments.detach(trx, FORM_OWNER, row.id, input.removeAttachmentIds ?? []);
      });
      return this.getForm(auth, id, now);
    },

    async submit(auth: AuthContext | null, id: number, version: number, now = new Date()): Promise<FormDto> {
      const { user, row, access } = await readable(auth, id);
      if (!access.fill) {
        const rule = fillRule(row, await orgs.tree());
        assertCan(user, rule.action, rule.target);
      }
      if (row.version !== version) throw conflict(row);
      const content = parseContent(row.content);
      if (!content.sections.overview.trim()) throw invalidField('content.sections.overview', '请先填写「综述」再提交');
      await step(user, row, 'submit', { version, text: '', now, set: { submitted_at: now.toISOString(), first_submitted_at: row.first_submitted_at ?? now.toISOString(), returned_reason: null } });
      return this.getForm(auth, id, now);
    },

    /** What the compilation and the table of submissions hold: every participant, the accepted reports with their items. */
    async compileData(auth: AuthContext | null, roundId: number, options: { requireAccepted: boolean }, now = new Date()): Promise<CompileInput> {
      const round = await this.getRound(auth, roundId, now);
      const rows = (await repo.forms({ roundIds: [roundId] })).filter((f) => f.state === 'accepted');
      if (options.requireAccepted && rows.length === 0) throw appError('UNIT_REPORT_NONE_ACCEPTED', `${round.orgUnit.name} ${round.year} 年度还没有已接收的年度报告，无法汇编`);
      const accepted: CompiledReport[] = [];
      for (const row of rows) {
        const { groups, asOf } = await shownItems(db, analytics, row);
        accepted.push({ participant: participantOf(row, now), content: parseContent(row.content), groups, figuresAsOf: asOf });
      }
      return { unitName: round.orgUnit.name, year: round.year, dueOn: round.dueOn, participants: round.participants, accepted, issuedOn: beijingDate(now) };
    },

    /** The office accepts a submitted report, or returns it with a reason the unit sees. */
    async decide(auth: AuthContext | null, id: number, decision: { action: 'accept' } | { action: 'return'; reason: string }, now = new Date()): Promise<FormDto> {
      const row = await formOrThrow(id);
      const user = assertCan(auth, 'unitreports.manage', { orgUnitId: row.round_unit_id, unitName: row.round_unit_name, tree: await orgs.tree() });
      if (decision.action === 'accept') {
        // The figures the office accepted are the report's from now on: later corrections of the data do not change it.
        const groups = await responsibleItems(db, analytics, { orgUnitId: row.org_unit_id, departmentId: row.department_id });
        await step(user, row, 'accept', { version: row.version, text: '', now, set: { accepted_at: now.toISOString(), accepted_items: JSON.stringify(groups) } });
      }
      else await step(user, row, 'return', { version: row.version, text: decision.reason, now, set: { returned_reason: decision.reason } });
      return this.getForm(auth, id, now);
    },
  };
}
export type UnitReportsService = ReturnType<typeof unitReportsService>;

function stateWords(state: FormState): string {
  return { draft: '还未提交', submitted: '已提交、等待办公室审阅', returned: '已退回', accepted: '已被接收' }[state];
}

function actionWords(action: FormAction): string {
  return { submit: '提交', accept: '接收', return: '退回' }[action];
}

function conflict(row: FormRow) {
  const by = row.updated_by_name ? `已被${row.updated_by_name}` : '已被他人';
  const at = row.updated_at ? `于 ${formatBeijingDateTime(row.updated_at)} ` : '';
  return appError('UNIT_REPORT_CHANGED', `年度报告${by}${at}修改，请刷新后再保存（您的修改尚未保存）`);
}
