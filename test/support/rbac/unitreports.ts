import { emptyContent } from '../../../src/shared/api/unitreports';
import type { FormState } from '../../../src/shared/unitreports/workflow';
import type { Row } from '../rbacMatrix';
import type { District } from '../rbacWorld';
import { OFFICE, SEAT_READERS, SIGNED_IN, UNIT_READERS, type RbacKit } from './kit';

/** A department fills in its own form: the seat roles of 西岗卫健委. */
const FILLERS = 'A F F F F S S F F';

/** The unitreports module's routes: rounds, forms, the office's decisions, the compilation. */
export function unitReportRows({ db, both, url }: RbacKit): Row[] {
  let year = 3000;
  let openYear = 2030;
  /** A fresh round of the district with one form, its 卫健委's, in the given state. */
  const fresh = async (d: District, state: FormState = 'draft') => {
    const round = await db.kysely
      .insertInto('unit_report_rounds')
      .values({ org_unit_id: d.unit.id, year: ++year, due_on: '2099-12-31', note: '', created_by: null, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const form = await db.kysely
      .insertInto('unit_report_forms')
      .values({ round_id: round.id, org_unit_id: d.unit.id, department_id: d.health.id, state, content: JSON.stringify(emptyContent()) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { roundId: round.id, formId: form.id };
  };
  const existing = new Map<number, ReturnType<typeof fresh>>();
  const round = (d: District) => existing.get(d.unit.id) ?? existing.set(d.unit.id, fresh(d)).get(d.unit.id)!;
  return [
    { route: 'GET /api/unitreports/rounds', ...both((d) => url(`/api/unitreports/rounds?orgUnitId=${d.unit.id}`)), expect: UNIT_READERS },
    { route: 'POST /api/unitreports/rounds', ...both((d) => ({ url: '/api/unitreports/rounds', payload: { orgUnitId: d.unit.id, year: ++openYear, dueOn: '2099-12-31' } })), expect: OFFICE },
    { route: 'GET /api/unitreports/rounds/:id', ...both(async (d) => url(`/api/unitreports/rounds/${(await round(d)).roundId}`)), expect: UNIT_READERS },
    { route: 'POST /api/unitreports/rounds/:id/remind', ...both(async (d) => ({ url: `/api/unitreports/rounds/${(await round(d)).roundId}/remind`, payload: {} })), expect: OFFICE },
    // Nothing accepted: 422 once the reader has passed the check.
    { route: 'GET /api/unitreports/rounds/:id/compiled.docx', ...both(async (d) => url(`/api/unitreports/rounds/${(await round(d)).roundId}/compiled.docx`)), expect: UNIT_READERS },
    { route: 'GET /api/unitreports/rounds/:id/submissions.xlsx', ...both(async (d) => url(`/api/unitreports/rounds/${(await round(d)).roundId}/submissions.xlsx`)), expect: UNIT_READERS },
    { route: 'GET /api/unitreports/forms/mine', own: url('/api/unitreports/forms/mine'), expect: SIGNED_IN },
    { route: 'GET /api/unitreports/forms/:id', ...both(async (d) => url(`/api/unitreports/forms/${(await round(d)).formId}`)), expect: SEAT_READERS },
    {
      route: 'PUT /api/unitreports/forms/:id',
      ...both(async (d) => ({ url: `/api/unitreports/forms/${(await fresh(d)).formId}`, payload: { version: 0, content: emptyContent(), attachmentIds: [] } })),
      expect: FILLERS,
    },
    { route: 'POST /api/unitreports/forms/:id/submit', ...both(async (d) => ({ url: `/api/unitreports/forms/${(await fresh(d)).formId}/submit`, payload: { version: 0 } })), expect: FILLERS },
    { route: 'POST /api/unitreports/forms/:id/accept', ...both(async (d) => ({ url: `/api/unitreports/forms/${(await fresh(d, 'submitted')).formId}/accept` })), expect: OFFICE },
    { route: 'POST /api/unitreports/forms/:id/return', ...both(async (d) => ({ url: `/api/unitreports/forms/${(await fresh(d, 'submitted')).formId}/return`, payload: { reason: '请补充数据' } })), expect: OFFICE },
  ];
}
