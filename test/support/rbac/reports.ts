import type { ReportStatus } from '../../../src/shared/reports/workflow';
import type { Row } from '../rbacMatrix';
import { unique, type District } from '../rbacWorld';
import { EVERYONE, OFFICE, UNIT_READERS, type RbacKit } from './kit';

/** Reviewing is the unit's own 统计监测组's, approving its own leader's. */
const REVIEW_REPORT = 'A F S F F F F F F';
const APPROVE_REPORT = 'A F F F F F F S F';

/** Monitoring report routes (src/server/modules/reports/routes.ts). */
export function reportsRows({ db, both, url }: RbacKit): Row[] {
  /** A report of its own per request, at `status`, over figures of nothing (the world has no approved data); an edit of it expects a stale version. */
  const freshReport = async (d: District, status: ReportStatus = 'draft') => {
    const unit = await db.kysely.selectFrom('org_units').select(['id', 'code', 'name', 'level']).where('id', '=', d.unit.id).executeTakeFirstOrThrow();
    const tally = { achieved: 0, notAchieved: 0, noData: 0, assessable: 0, rate: null };
    const snapshot = {
      unit, committee: `${unit.name}妇女儿童工作委员会`, departments: 1, year: 2024, plan: 'women', scope: 'approved', milestone: 2025,
      plans: [], overall: tally, warnings: [], units: [], issuedOn: '2025-03-01',
    };
    const row = await db.kysely.insertInto('report_documents').values({
      kind: 'annual', org_unit_id: unit.id, year: 2024, plan: 'women', title: unique(`${unit.name}监测报告`), status, data_version: '0',
      snapshot: JSON.stringify(snapshot), edits: '{}', created_by: null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const onReport = (status: ReportStatus, tail: string, payload?: object) => both(async (d) => ({ url: `/api/reports/${await freshReport(d, status)}${tail}`, payload }));
  return [
    { route: 'GET /api/reports', ...both((d) => url(`/api/reports?orgUnitId=${d.unit.id}`)), expect: UNIT_READERS },
    { route: 'POST /api/reports', ...both((d) => ({ url: '/api/reports', payload: { orgUnitId: d.unit.id, year: 2024, plan: 'women' } })), expect: OFFICE },
    { route: 'GET /api/reports/:id', ...onReport('draft', ''), expect: UNIT_READERS },
    { route: 'PUT /api/reports/:id/findings/:indicatorId', ...onReport('draft', '/findings/1', { text: null, note: '附注', expectedVersion: 0 }), expect: OFFICE },
    { route: 'POST /api/reports/:id/regenerate', ...onReport('draft', '/regenerate'), expect: OFFICE },
    { route: 'POST /api/reports/:id/steps', name: 'submit', ...onReport('draft', '/steps', { action: 'submit' }), expect: OFFICE },
    { route: 'POST /api/reports/:id/steps', name: 'pass', ...onReport('reviewing', '/steps', { action: 'pass' }), expect: REVIEW_REPORT },
    { route: 'POST /api/reports/:id/steps', name: 'approve', ...onReport('approving', '/steps', { action: 'approve' }), expect: APPROVE_REPORT },
    { route: 'POST /api/reports/:id/steps', name: 'publish', ...onReport('approved', '/steps', { action: 'publish' }), expect: OFFICE },
    { route: 'DELETE /api/reports/:id', ...onReport('draft', ''), expect: OFFICE },
    { route: 'GET /api/reports/:id/report.docx', ...onReport('draft', '/report.docx'), expect: UNIT_READERS },
    { route: 'GET /api/reports/:id/report.pdf', ...onReport('draft', '/report.pdf'), expect: UNIT_READERS },
    { route: 'GET /api/reports/compilation.xlsx', ...both((d) => url(`/api/reports/compilation.xlsx?orgUnitId=${d.unit.id}`)), expect: UNIT_READERS },
    { route: 'GET /api/public/reports', ...both((d) => url(`/api/public/reports?orgUnitId=${d.unit.id}`)), expect: EVERYONE },
  ];
}
