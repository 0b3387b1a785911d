import type { Kysely } from 'kysely';
import type { AuditEntryDto } from '../../../shared/api/reporting';
import type { OptionCode } from '../../../shared/monitoring/validation';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { can } from '../../../shared/policy';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { canReadValue } from './access';
import { loadDictionary } from './dictionary';

export interface AuditQuery {
  orgUnitId: number;
  period: number;
  dataElementId?: number;
  option?: OptionCode;
}

/**
 * The history of values, newest last: each value's creation (kept on its row, so a bulk first
 * import writes once) and every later change or deletion. One value, or everything at a unit in a year.
 */
export async function auditTrail(db: Kysely<Database>, auth: AuthContext | null, query: AuditQuery): Promise<AuditEntryDto[]> {
  const user = requireAuth(auth);
  const dict = await loadDictionary(db);
  const unit = dict.units.get(query.orgUnitId);
  if (!unit) throw appError('NOT_FOUND', `单位（编号 ${query.orgUnitId}）不存在`);
  const optionId = query.option ? dict.options.get(query.option) : undefined;

  const mayRead = (deId: number) => canReadValue(user, dict, deId, unit.id);
  if (query.dataElementId !== undefined && !mayRead(query.dataElementId)) throw appError('AUTH_OUT_OF_SCOPE');
  if (query.dataElementId === undefined && !can(user, 'data.readUnit', { orgUnitId: unit.id, tree: dict.tree })) throw appError('AUTH_OUT_OF_SCOPE');

  const [rows, audits] = await Promise.all([
    db
      .selectFrom('data_values as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select(['v.data_element_id', 'v.option_id', 'v.value', 'v.comment', 'v.created_at', 'v.created_via', 'u.display_name'])
      .where('v.org_unit_id', '=', unit.id)
      .where('v.period', '=', query.period)
      .$if(query.dataElementId !== undefined, (qb) => qb.where('v.data_element_id', '=', query.dataElementId!))
      .$if(optionId !== undefined, (qb) => qb.where('v.option_id', '=', optionId!))
      .execute(),
    db
      .selectFrom('data_value_audits as a')
      .leftJoin('users as u', 'u.id', 'a.changed_by')
      .selectAll('a')
      .select('u.display_name')
      .where('a.org_unit_id', '=', unit.id)
      .where('a.period', '=', query.period)
      .$if(query.dataElementId !== undefined, (qb) => qb.where('a.data_element_id', '=', query.dataElementId!))
      .$if(optionId !== undefined, (qb) => qb.where('a.option_id', '=', optionId!))
      .orderBy('a.id')
      .execute(),
  ]);

  const entry = (deId: number, optId: number) => {
    const de = dict.dataElements.get(deId)!;
    return {
      dataElement: { id: de.id, code: de.code, name: de.name },
      orgUnit: { id: unit.id, name: unit.name },
      period: query.period,
      option: dict.optionCodeById.get(optId)!,
    };
  };
  const entries: AuditEntryDto[] = rows
    .filter((r) => mayRead(r.data_element_id))
    .map((r) => {
      // The value it was created with is the old value of its first change, if it changed since.
      const first = audits.find((a) => a.data_element_id === r.data_element_id && a.option_id === r.option_id);
      return {
        ...entry(r.data_element_id, r.option_id),
        action: 'create' as const,
        oldValue: null,
        newValue: first ? first.old_value : r.value,
        oldComment: null,
        newComment: first ? first.old_comment : r.comment,
        by: r.display_name ?? null,
        at: r.created_at,
        via: r.created_via,
      };
    });
  for (const a of audits) {
    if (!mayRead(a.data_element_id)) continue;
    entries.push({
      ...entry(a.data_element_id, a.option_id),
      action: a.action,
      oldValue: a.old_value,
      newValue: a.new_value,
      oldComment: a.old_comment,
      newComment: a.new_comment,
      by: a.display_name ?? null,
      at: a.changed_at,
      via: a.via,
    });
  }
  return entries.sort((x, y) => x.at.localeCompare(y.at) || (x.action === 'create' ? -1 : 1));
}
