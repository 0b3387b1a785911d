import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { loadDictionary, reportingDepartment } from '../reporting/dictionary';
import { evaluationRepository } from './repository';

/**
 * Which member department of the plan's committee leads which goals: the department that reports
 * the goal's linked indicators at the plan's unit (indicators.responsible_department_id, followed
 * down departments.counterpart_id to the plan's unit), by id, never by name.
 */
export async function goalLeads(db: Kysely<Database>, planId: number, planUnitId: number) {
  const [targets, dict] = await Promise.all([evaluationRepository(db).linkedTargets(planId), loadDictionary(db)]);
  /** department id → goal id → the goal's indicators the department reports. */
  const leads = new Map<number, Map<number, number[]>>();
  /** goal id → all its linked indicators. */
  const indicatorsOfGoal = new Map<number, number[]>();
  for (const t of targets) {
    const ofGoal = indicatorsOfGoal.get(t.goal_id) ?? indicatorsOfGoal.set(t.goal_id, []).get(t.goal_id)!;
    if (!ofGoal.includes(t.indicator_id)) ofGoal.push(t.indicator_id);
    const indicator = dict.indicators.get(t.indicator_id);
    const department = indicator && reportingDepartment(dict, indicator, planUnitId);
    if (department === undefined) continue;
    const goals = leads.get(department) ?? leads.set(department, new Map()).get(department)!;
    const mine = goals.get(t.goal_id) ?? goals.set(t.goal_id, []).get(t.goal_id)!;
    if (!mine.includes(t.indicator_id)) mine.push(t.indicator_id);
  }
  return { leads, indicatorsOfGoal };
}
