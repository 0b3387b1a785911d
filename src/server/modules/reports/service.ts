import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { buildDocx } from '../../services/documents';
import type { AnalyticsService } from '../analytics/service';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgsService } from '../orgs/service';
import { collectAnnualReport, type AnnualReport, type AnnualReportRequest } from './annual/collect';
import { annualReportDocument, reportTitle } from './annual/document';
import { buildCompilation, type CompilationRequest } from './compilation';
import { reportsRepository } from './repository';

/**
 * The documents a committee owes every year: the annual 统计监测报告 (.docx) and the 统计资料汇编
 * (.xlsx). Both read through the analytics service, whose access check (analytics.read on the
 * unit) comes first; the web and the CLI call the same functions.
 */
export function reportsService(db: Kysely<Database>, analytics: AnalyticsService, orgs: OrgsService) {
  const repo = reportsRepository(db);
  const deps = { analytics, orgs, repo };

  return {
    /** The unit of a code, or REPORT_UNIT_UNKNOWN naming it. */
    async unitIdOfCode(code: string): Promise<number> {
      const unit = await repo.unitByCode(code);
      if (!unit) throw appError('REPORT_UNIT_UNKNOWN', `单位代码“${code}”不存在`);
      return unit.id;
    },

    annual(auth: AuthContext | null, request: AnnualReportRequest): Promise<AnnualReport> {
      return collectAnnualReport(deps, requireAuth(auth), request);
    },

    async annualDocx(auth: AuthContext | null, request: AnnualReportRequest): Promise<{ fileName: string; bytes: Buffer; report: AnnualReport }> {
      const report = await collectAnnualReport(deps, requireAuth(auth), request);
      return { fileName: `${reportTitle(report)}.docx`, bytes: await buildDocx(annualReportDocument(report)), report };
    },

    compilationXlsx(auth: AuthContext | null, request: CompilationRequest): Promise<{ fileName: string; bytes: Buffer }> {
      return buildCompilation(deps, requireAuth(auth), request);
    },
  };
}
export type ReportsService = ReturnType<typeof reportsService>;
