import type { ReportKind, ReportStatus } from '../../../src/shared/reports/workflow';
import type { Row } from '../rbacMatrix';
import { unique, type District } from '../rbacWorld';
import { evaluationRoundOf } from './evaluation';
import { EVERYONE, OFFICE, UNIT_READERS, type RbacKit } from './kit';

/** Reviewing is the unit's own 统计监测组's, approving its own leader's. */
const REVIEW_REPORT = 'A F S F F F F F F';
const APPROVE_REPORT = 'A F F F F F F S F';
/** An evaluation report is reviewed by the unit's own 评估组. */
const REVIEW_EVALUATION_REPORT = 'A F F F S F F F F';

/** Monitoring report routes (src/server/modules/reports/routes.ts). */
export function reportsRows(kit: RbacKit): Row[] {
  const { db, both, url } = kit;
  const round = evaluationRoundOf(kit);
  /**
   * A report of its own per request, at `status`, over figures of nothing (the world has no approved
   * data, the round no submitted forms); an edit of it expects a stale version.
   */
  const freshReport = async (d: District, status: ReportStatus = 'draft', kind: ReportKind = 'annual') => {
    const unit = await db.kysely.selectFrom('org_units').select(['id', 'code', 'name', 'level']).where('id', '=', d.unit.id).executeTakeFirstOrThrow();
    const tally = { achieved: 0, notAchieved: 0, noData: 0, assessable: 0, rate: null };
    const snapshot = kind === 'annual'
      ? { unit, committee: `${unit.name}妇女儿童工作委员会`, departments: 1, year: 2024, plan: 'women', scope: 'approved', milestone: 2025, plans: [], overall: tally, warnings: [], units: [], issuedOn: '2025-03-01' }
      : {
          title: `${unit.name}中期评估报告`, unit, plan: { id: 0, kind: 'women', title: '规划', periodStart: 2021, periodEnd: 2030 }, kind: 'midterm', milestone: 2025, criteria: [],
          selfDueOn: '2025-09-30', reviewDueOn: '2025-11-30', collectedOn: '2025-12-01', counts: { participants: 0, departments: 0, committees: 0, forms: 0, submitted: 0, reviewed: 0, returned: 0 },
          overall: { met: 0, assessable: 0, rate: null }, areas: [], units: [], notMet: [],
        };
    const row = await db.kysely.insertInto('report_documents').values({
      kind, org_unit_id: unit.id, year: 2024, plan: 'women', title: unique(`${unit.name}监测报告`), status, data_version: '0',
      snapshot: JSON.stringify(snapshot), edits: kind === 'annual' ? '{}' : '{"advice":null}', created_by: null, evaluation_round_id: kind === 'annual' ? null : (await round(d)).id,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const onReport = (status: ReportStatus, tail: string, payload?: object, kind: ReportKind = 'annual') =>
    both(async (d) => ({ url: `/api/reports/${await freshReport(d, status, kind)}${tail}`, payload }));
  return [
    { route: 'GET /api/reports', ...both((d) => url(`/api/reports?orgUnitId=${d.unit.id}`)), expect: UNIT_READERS },
    { route: 'POST /api/reports', ...both((d) => ({ url: '/api/reports', payload: { orgUnitId: d.unit.id, year: 2024, plan: 'women' } })), expect: OFFICE },
    { route: 'POST /api/reports/evaluation', ...both(async (d) => ({ url: '/api/reports/evaluation', payload: { roundId: (await round(d)).id } })), expect: OFFICE },
    { route: 'PUT /api/reports/:id/advice', ...onReport('draft', '/advice', { advice: ['建议。'], expectedVersion: 0 }, 'evaluation'), expect: OFFICE },
    { route: 'POST /api/reports/:id/steps', name: 'pass an evaluation report', ...onReport('reviewing', '/steps', { action: 'pass' }, 'evaluation'), expect: REVIEW_EVALUATION_REPORT },
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
