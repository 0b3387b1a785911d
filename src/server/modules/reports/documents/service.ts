import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { FindingEditInputDto, PublicReportDto, ReportDocumentDto, ReportSummaryDto } from '../../../../shared/api/reports';
import { can, scopeRoots } from '../../../../shared/policy';
import { REPORT_STATUS_LABELS, transitionOf, type ReportAction } from '../../../../shared/reports/workflow';
import { readDataVersion } from '../../../db/dataVersion';
import type { Database } from '../../../db/schema';
import { appError, invalidField } from '../../../errors';
import { buildDocx, docxToPdf } from '../../../services/documents';
import type { AttachmentStore } from '../../../services/attachments/store';
import type { AnalyticsService } from '../../analytics/service';
import { actorId, assertCan, requireAuth } from '../../auth/access';
import type { AuthContext } from '../../auth/service';
import type { OrgsService } from '../../orgs/service';
import { collectAnnualReport, type AnnualReport, type AnnualReportRequest } from '../annual/collect';
import { annualReportDocument, reportTitle } from '../annual/document';
import { reportsRepository } from '../repository';
import { applyEdit, carryEdits, withEdits, type FindingEdits } from './edits';
import { reportDocumentsRepository } from './repository';
import { documentDto, summaryDto } from './view';

export const REPORT_OWNER = 'report';

/**
 * Monitoring reports that go out (ARCHITECTURE.md, reports): the office generates a draft whose
 * figures are frozen at that moment, words its findings, and sends it through 审核 and 审定; once
 * published, its .docx and PDF are stored and never rebuilt, so a later correction of the data
 * changes nothing in it. Every method checks the caller holds the action before reading anything.
 */
export function reportDocumentsService(db: Kysely<Database>, analytics: AnalyticsService, orgs: OrgsService, attachments: AttachmentStore) {
  const repo = reportDocumentsRepository(db);
  const collectDeps = { analytics, orgs, repo: reportsRepository(db) };

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
    return { row, snapshot: JSON.parse(row.snapshot) as AnnualReport, edits: JSON.parse(row.edits) as FindingEdits };
  }

  async function detail(id: number): Promise<ReportDocumentDto> {
    const row = (await repo.find(id))!;
    const steps = (await repo.steps(id)).map((s) => ({ action: s.action, fromStatus: s.from_status, toStatus: s.to_status, comment: s.comment, actor: s.actor, at: s.at }));
    return documentDto(row, JSON.parse(row.snapshot) as AnnualReport, JSON.parse(row.edits) as FindingEdits, steps, await readDataVersion(db));
  }

  const requireDraft = (status: string) => {
    if (status !== 'draft') throw appError('REPORT_NOT_DRAFT', `报告${REPORT_STATUS_LABELS[status as keyof typeof REPORT_STATUS_LABELS]}，不能再修改；如需修改请先退回`);
  };

  const changed = async (id: number, version: number, changes: Parameters<typeof repo.update>[2]) => {
    if (!(await repo.update(id, version, changes))) throw appError('REPORT_EDIT_CONFLICT');
  };

  const printedDocx = (snapshot: AnnualReport, edits: FindingEdits) => buildDocx(annualReportDocument(withEdits(snapshot, edits)));

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

    /** Generates a draft from the data as it stands (approved values only). */
    async create(auth: AuthContext | null, request: AnnualReportRequest): Promise<ReportDocumentDto> {
      const user = assertCan(auth, 'reports.edit', { orgUnitId: request.unitId, tree: await orgs.tree() });
      const dataVersion = await readDataVersion(db);
      const report = await collectAnnualReport(collectDeps, user, { ...request, scope: 'approved' });
      const id = await db.transaction().execute(async (trx) => {
        const r = reportDocumentsRepository(trx);
        const id = await r.insert({
          kind: 'annual', org_unit_id: request.unitId, year: request.year, plan: request.plan, title: reportTitle(report), status: 'draft',
          data_version: dataVersion, snapshot: JSON.stringify(report), edits: '{}', created_by: actorId(user),
        });
        await r.addStep({ document_id: id, action: 'create', from_status: null, to_status: 'draft', comment: null, actor_id: actorId(user) });
        return id;
      });
      return detail(id);
    },

    async saveFinding(auth: AuthContext | null, id: number, indicatorId: number, input: FindingEditInputDto): Promise<ReportDocumentDto> {
      const { row, snapshot, edits } = await load(auth, id, 'reports.edit');
      requireDraft(row.status);
      if (row.version !== input.expectedVersion) throw appError('REPORT_EDIT_CONFLICT');
      const finding = snapshot.plans.flatMap((p) => p.areas.flatMap((a) => a.findings)).find((f) => f.indicatorId === indicatorId);
      if (!finding) throw appError('NOT_FOUND', `报告中没有该指标（编号 ${indicatorId}）`);
      await changed(id, row.version, { edits: JSON.stringify(applyEdit(edits, finding, input.text, input.note)) });
      return detail(id);
    },

    /** Re-collects the figures from today's data; edits whose figures changed are dropped and named. */
    async regenerate(auth: AuthContext | null, id: number): Promise<{ document: ReportDocumentDto; restored: string[] }> {
      const { row, edits } = await load(auth, id, 'reports.edit');
      requireDraft(row.status);
      const user = requireAuth(auth);
      const dataVersion = await readDataVersion(db);
      const report = await collectAnnualReport(collectDeps, user, { unitId: row.org_unit_id, year: row.year, plan: row.plan, scope: 'approved' });
      const carried = carryEdits(edits, report);
      await db.transaction().execute(async (trx) => {
        const r = reportDocumentsRepository(trx);
        if (!(await r.update(id, row.version, { snapshot: JSON.stringify(report), edits: JSON.stringify(carried.edits), data_version: dataVersion, title: reportTitle(report) }))) {
          throw appError('REPORT_EDIT_CONFLICT');
        }
        await r.addStep({ document_id: id, action: 'regenerate', from_status: 'draft', to_status: 'draft', comment: null, actor_id: actorId(user) });
      });
      return { document: await detail(id), restored: carried.restored };
    },

    /** One step of the workflow; publishing stores the .docx and, when LibreOffice is installed, the PDF. */
    async act(auth: AuthContext | null, id: number, action: ReportAction, comment: string | null): Promise<ReportDocumentDto> {
      const { row, snapshot, edits } = await load(auth, id);
      const step = transitionOf(row.status, action);
      if (!step) throw appError('WORKFLOW_REFUSED', `报告${REPORT_STATUS_LABELS[row.status]}，不能执行该操作`);
      const user = assertCan(auth, step.policy, { orgUnitId: row.org_unit_id, tree: await orgs.tree() });
      if (step.needsReason && !comment) throw invalidField('comment', '请填写退回理由');

      let files: { docx_attachment_id: number; pdf_attachment_id: number | null; published_at: string } | null = null;
      if (action === 'publish') {
        const docx = await printedDocx(snapshot, edits);
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
      });
      return detail(id);
    },

    async remove(auth: AuthContext | null, id: number): Promise<void> {
      const { row } = await load(auth, id, 'reports.edit');
      requireDraft(row.status);
      await repo.remove(id);
    },

    /** The .docx: the stored one once published, else printed now from the draft. */
    async docx(auth: AuthContext | null, id: number): Promise<{ fileName: string; bytes: Buffer } | { attachmentId: number }> {
      const { row, snapshot, edits } = await load(auth, id);
      if (row.docx_attachment_id !== null) return { attachmentId: row.docx_attachment_id };
      return { fileName: `${row.title}（${REPORT_STATUS_LABELS[row.status]}）.docx`, bytes: await printedDocx(snapshot, edits) };
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
        id: r.id, title: r.title, orgUnit: { id: r.org_unit_id, name: r.unit_name }, year: r.year, publishedAt: r.published_at!,
        docxUrl: `/api/attachments/${r.docx_attachment_id}`, pdfUrl: r.pdf_attachment_id === null ? null : `/api/attachments/${r.pdf_attachment_id}`,
      }));
    },
  };
}
export type ReportDocumentsService = ReturnType<typeof reportDocumentsService>;
