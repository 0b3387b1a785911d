import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { EvaluationAdviceInputDto, FindingEditInputDto, PublicReportDto, ReportDocumentDto, ReportSummaryDto } from '../../../../shared/api/reports';
import { can, scopeRoots } from '../../../../shared/policy';
import { reportNotice, reportStatusLabel, rolesToTell, transitionOf, type ReportAction, type ReportKind, type ReportStatus } from '../../../../shared/reports/workflow';
import { readDataVersion } from '../../../db/dataVersion';
import type { Database } from '../../../db/schema';
import { appError, invalidField } from '../../../errors';
import { docxToPdf } from '../../../services/documents';
import type { AttachmentStore } from '../../../services/attachments/store';
import { notificationsRepository } from '../../../services/reminders/notificationsRepository';
import type { AnalyticsService } from '../../analytics/service';
import { actorId, assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import type { AnnualReport, AnnualReportRequest } from '../annual/collect';
import { reportsRepository } from '../repository';
import { annualKind } from './annualKind';
import { applyEdit, type FindingEdits } from './edits';
import { evaluationKind, NO_EVALUATION_EDITS, type EvaluationEdits } from './evaluationKind';
import type { KindSource, ReportKindHandler } from './kinds';
import { reportDocumentsRepository } from './repository';
import { documentDto, summaryDto } from './view';

export const REPORT_OWNER = 'report';

/**
 * Reports that go out (ARCHITECTURE.md, reports) — annual monitoring reports and evaluation reports:
 * the office generates a draft whose figures are frozen at that moment, words what it may (kinds.ts),
 * and sends it through 审核 and 审定; once
 * published, its .docx and PDF are stored and never rebuilt, so a later correction of the data
 * changes nothing in it. Every method checks the caller holds the action before reading anything.
 */
export function reportDocumentsService(db: Kysely<Database>, analytics: AnalyticsService, orgs: OrgsService, attachments: AttachmentStore) {
  const repo = reportDocumentsRepository(db);
  const annual = annualKind({ analytics, orgs, repo: reportsRepository(db) });
  const evaluation = evaluationKind({ db, orgs, attachments });
  // Snapshot and edits are JSON of the row's kind: each handler reads its own.
  const KINDS: Record<ReportKind, ReportKindHandler<unknown, unknown>> = { annual, evaluation };
  type Row = NonNullable<Awaited<ReturnType<typeof repo.find>>>;
  const parsed = (row: Row) => ({ handler: KINDS[row.kind], snapshot: JSON.parse(row.snapshot) as unknown, edits: JSON.parse(row.edits) as unknown });

  attachments.registerOwner(REPORT_OWNER, {
    label: '监测报告',
    canUpload: (auth) => can(auth, 'reports.publish'),
    canRead: async (auth, id) => {
      const row = await repo.find(id);
      if (!row) return false;
      return row.status === 'published' || (!!auth && can(auth, 'reports.read', { orgUnitId: row.org_unit_id, tree: await orgs.tree() }));
    },
  });

  /** The report, once the caller is known to hold `action` somewhere and then on its unit. */
  async function load(auth: AuthContext | null, id: number, action: 'reports.read' | 'reports.edit' = 'reports.read') {
    assertCan(auth, action);
    const row = await repo.find(id);
    if (!row) throw appError('NOT_FOUND', `监测报告（编号 ${id}）不存在`);
    assertCan(auth, action, { orgUnitId: row.org_unit_id, tree: await orgs.tree() });
    return { row, ...parsed(row) };
  }

  async function detail(id: number): Promise<ReportDocumentDto> {
    const row = (await repo.find(id))!;
    const { handler, snapshot, edits } = parsed(row);
    const steps = (await repo.steps(id)).map((s) => ({ action: s.action, fromStatus: s.from_status, toStatus: s.to_status, comment: s.comment, actor: s.actor, at: s.at }));
    return documentDto(row, handler.content(snapshot, edits, row), steps, await readDataVersion(db));
  }

  const requireDraft = (row: { kind: ReportKind; status: ReportStatus }) => {
    if (row.status !== 'draft') throw appError('REPORT_NOT_DRAFT', `报告${reportStatusLabel(row.kind, row.status)}，不能再修改；如需修改请先退回`);
  };

  const changed = async (id: number, version: number, changes: Parameters<typeof repo.update>[2]) => {
    if (!(await repo.update(id, version, changes))) throw appError('REPORT_EDIT_CONFLICT');
  };

  /** Stores a new draft with its first step; its figures are those of `snapshot`, read at `dataVersion`. */
  async function insertDraft(user: AuthContext, dataVersion: string, row: KindSource & { kind: ReportKind; title: string; snapshot: unknown; edits: unknown }): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const r = reportDocumentsRepository(trx);
      const id = await r.insert({
        ...row, status: 'draft', data_version: dataVersion, snapshot: JSON.stringify(row.snapshot), edits: JSON.stringify(row.edits), created_by: actorId(user),
      });
      await r.addStep({ document_id: id, action: 'create', from_status: null, to_status: 'draft', comment: null, actor_id: actorId(user) });
      return id;
    });
  }

  return {
    async list(auth: AuthContext | null, orgUnitId?: number): Promise<ReportSummaryDto[]> {
      const user = assertCan(auth, 'reports.read');
      const tree = await orgs.tree();
      if (orgUnitId !== undefined) {
        assertCan(auth, 'reports.read', { orgUnitId, tree });
        return (await repo.list([orgUnitId])).map(summaryDto);
      }
      const roots = scopeRoots(user, 'reports.read');
      return (await repo.list(roots && roots.flatMap((r) => tree.subtree(r)))).map(summaryDto);
    },

    get: async (auth: AuthContext | null, id: number) => (await load(auth, id), detail(id)),

    /** Generates an annual report's draft from the data as it stands (approved values only). */
    async create(auth: AuthContext | null, request: AnnualReportRequest): Promise<ReportDocumentDto> {
      const user = assertCan(auth, 'reports.edit', { orgUnitId: request.unitId, tree: await orgs.tree() });
      const dataVersion = await readDataVersion(db);
      const source = { org_unit_id: request.unitId, year: request.year, plan: request.plan, evaluation_round_id: null };
      const { snapshot, title } = await annual.recollect(user, source);
      return detail(await insertDraft(user, dataVersion, { ...source, kind: 'annual', title, snapshot, edits: {} }));
    },

    /** Generates an evaluation report's draft from the round's self-evaluations and reviews as they stand. */
    async createEvaluation(auth: AuthContext | null, roundId: number): Promise<ReportDocumentDto> {
      const user = assertCan(auth, 'reports.edit');
      const dataVersion = await readDataVersion(db);
      const { snapshot, title } = await evaluation.collect(user, roundId);
      assertCan(auth, 'reports.edit', { orgUnitId: snapshot.unit.id, tree: await orgs.tree() });
      const row = { org_unit_id: snapshot.unit.id, year: snapshot.milestone, plan: snapshot.plan.kind, evaluation_round_id: roundId };
      return detail(await insertDraft(user, dataVersion, { ...row, kind: 'evaluation', title, snapshot, edits: NO_EVALUATION_EDITS }));
    },

    async saveFinding(auth: AuthContext | null, id: number, indicatorId: number, input: FindingEditInputDto): Promise<ReportDocumentDto> {
      const { row, snapshot, edits } = await load(auth, id, 'reports.edit');
      requireDraft(row);
      if (row.version !== input.expectedVersion) throw appError('REPORT_EDIT_CONFLICT');
      const finding = row.kind === 'annual' && (snapshot as AnnualReport).plans.flatMap((p) => p.areas.flatMap((a) => a.findings)).find((f) => f.indicatorId === indicatorId);
      if (!finding) throw appError('NOT_FOUND', `报告中没有该指标（编号 ${indicatorId}）`);
      await changed(id, row.version, { edits: JSON.stringify(applyEdit(edits as FindingEdits, finding, input.text, input.note)) });
      return detail(id);
    },

    /** The office's 意见建议 of an evaluation report (null: back to the generated ones). */
    async saveAdvice(auth: AuthContext | null, id: number, input: EvaluationAdviceInputDto): Promise<ReportDocumentDto> {
      const { row } = await load(auth, id, 'reports.edit');
      if (row.kind !== 'evaluation') throw appError('NOT_FOUND', '只有评估报告有意见建议一节');
      requireDraft(row);
      if (row.version !== input.expectedVersion) throw appError('REPORT_EDIT_CONFLICT');
      await changed(id, row.version, { edits: JSON.stringify({ advice: input.advice } satisfies EvaluationEdits) });
      return detail(id);
    },

    /** Re-collects the figures from today's data; the office's words that no longer fit are dropped and named. */
    async regenerate(auth: AuthContext | null, id: number): Promise<{ document: ReportDocumentDto; restored: string[] }> {
      const { row, handler, edits } = await load(auth, id, 'reports.edit');
      requireDraft(row);
      const user = requireAuth(auth);
      const dataVersion = await readDataVersion(db);
      const { snapshot, title } = await handler.recollect(user, row);
      const carried = handler.carry(edits, snapshot);
      await db.transaction().execute(async (trx) => {
        const r = reportDocumentsRepository(trx);
        if (!(await r.update(id, row.version, { snapshot: JSON.stringify(snapshot), edits: JSON.stringify(carried.edits), data_version: dataVersion, title }))) {
          throw appError('REPORT_EDIT_CONFLICT');
        }
        await r.addStep({ document_id: id, action: 'regenerate', from_status: 'draft', to_status: 'draft', comment: null, actor_id: actorId(user) });
      });
      return { document: await detail(id), restored: carried.restored };
    },

    /** One step of the workflow; publishing stores the .docx and, when LibreOffice is installed, the PDF. */
    async act(auth: AuthContext | null, id: number, action: ReportAction, comment: string | null): Promise<ReportDocumentDto> {
      const { row, handler, snapshot, edits } = await load(auth, id);
      const step = transitionOf(row.kind, row.status, action);
      if (!step) throw appError('WORKFLOW_REFUSED', `报告${reportStatusLabel(row.kind, row.status)}，不能执行该操作`);
      const user = assertCan(auth, step.policy, { orgUnitId: row.org_unit_id, tree: await orgs.tree() });
      if (step.needsReason && !comment) throw invalidField('comment', '请填写退回理由');

      let files: { docx_attachment_id: number; pdf_attachment_id: number | null; published_at: string } | null = null;
      if (action === 'publish') {
        const docx = await handler.print(snapshot, edits);
        const pdf = await docxToPdf(docx);
        const save = (name: string, bytes: Uint8Array) => attachments.save(user, { ownerKind: REPORT_OWNER, name, body: Readable.from([Buffer.from(bytes)]) });
        const docxFile = await save(`${row.title}.docx`, docx);
        const pdfFile = pdf && (await save(`${row.title}.pdf`, pdf));
        files = { docx_attachment_id: docxFile.id, pdf_attachment_id: pdfFile ? pdfFile.id : null, published_at: new Date().toISOString() };
      }
      await db.transaction().execute(async (trx) => {
        const r = reportDocumentsRepository(trx);
        if (!(await r.update(id, row.version, { status: step.to, ...files }))) throw appError('REPORT_EDIT_CONFLICT');
        if (files) await attachments.bind(trx, user, REPORT_OWNER, id, [files.docx_attachment_id, ...(files.pdf_attachment_id ? [files.pdf_attachment_id] : [])]);
        await r.addStep({ document_id: id, action, from_status: row.status, to_status: step.to, comment, actor_id: actorId(user) });
        // Whoever takes the next step hears of it at once; the actor is not told of their own step.
        const notices = notificationsRepository(trx);
        const to = (await notices.holders(rolesToTell(row.kind, step.to), row.org_unit_id)).filter((userId) => userId !== user.userId);
        await notices.notify(to, { kind: 'workflow', ...reportNotice(row.kind, step.to, row.title, user.displayName, comment), link: `/reports/${id}` }, new Date().toISOString());
      });
      return detail(id);
    },

    async remove(auth: AuthContext | null, id: number): Promise<void> {
      const { row } = await load(auth, id, 'reports.edit');
      requireDraft(row);
      await repo.remove(id);
    },

    /** The .docx: the stored one once published, else printed now from the draft. */
    async docx(auth: AuthContext | null, id: number): Promise<{ fileName: string; bytes: Buffer } | { attachmentId: number }> {
      const { row, handler, snapshot, edits } = await load(auth, id);
      if (row.docx_attachment_id !== null) return { attachmentId: row.docx_attachment_id };
      return { fileName: `${row.title}（${reportStatusLabel(row.kind, row.status)}）.docx`, bytes: await handler.print(snapshot, edits) };
    },

    async pdf(auth: AuthContext | null, id: number): Promise<{ attachmentId: number }> {
      const { row } = await load(auth, id);
      if (row.pdf_attachment_id === null) {
        throw appError('REPORT_PDF_UNAVAILABLE', row.status === 'published' ? undefined : '报告发布时生成 PDF 版本；草稿请下载 Word 版本');
      }
      return { attachmentId: row.pdf_attachment_id };
    },

    /** Published reports for the portal, newest first; of a unit and the units below it when asked. */
    async published(orgUnitId?: number): Promise<PublicReportDto[]> {
      const rows = await repo.list(orgUnitId === undefined ? null : (await orgs.tree()).subtree(orgUnitId), true);
      return rows.map((r) => ({
        id: r.id, kind: r.kind, title: r.title, orgUnit: { id: r.org_unit_id, name: r.unit_name }, year: r.year, publishedAt: r.published_at!,
        docxUrl: `/api/attachments/${r.docx_attachment_id}`, pdfUrl: r.pdf_attachment_id === null ? null : `/api/attachments/${r.pdf_attachment_id}`,
      }));
    },
  };
}
export type ReportDocumentsService = ReturnType<typeof reportDocumentsService>;
