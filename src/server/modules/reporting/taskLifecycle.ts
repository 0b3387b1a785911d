import type { Kysely } from 'kysely';
import type { TaskOverlapDto } from '../../../shared/api/reporting';
import { bumpDataVersion } from '../../db/dataVersion';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import { assertCan } from '../auth/access';
import type { AuthContext } from '../auth/service';
import { loadDictionary, reportingDepartment, type DictIndicator, type ReportingDictionary } from './dictionary';
import { reportingRepository } from './repository';

/**
 * A task's life beside its seats: one task per (indicator, unit, year) cell, closing a task, and
 * deleting one nobody has written values through.
 */
export function taskLifecycle(db: Kysely<Database>) {
  const repo = reportingRepository(db);

  /** A task the user runs: the office of its unit or above. */
  async function managedTask(auth: AuthContext | null, taskId: number) {
    const task = await repo.findTask(taskId);
    if (!task) throw appError('NOT_FOUND', `填报任务（编号 ${taskId}）不存在`);
    assertCan(auth, 'tasks.manage', { orgUnitId: task.org_unit_id, unitName: task.org_unit_name, tree: (await loadDictionary(db)).tree });
    return task;
  }

  /**
   * Seats of existing tasks of the year that collect one of the indicators at one of the units, for
   * the indicator's responsible department: a cell belongs to one task only, or two seats would hold it.
   */
  async function findOverlaps(dict: ReportingDictionary, year: number, indicators: DictIndicator[], unitIds: number[]): Promise<TaskOverlapDto[]> {
    const seats = await repo.seatsOfYear(year, unitIds);
    const links = await repo.taskIndicators([...new Set(seats.map((s) => s.task_id))]);
    const byTask = new Map<number, TaskOverlapDto>();
    for (const seat of seats) {
      const unit = dict.units.get(seat.org_unit_id)!;
      for (const ind of indicators) {
        const collects = links.some((l) => l.task_id === seat.task_id && l.indicator_id === ind.id);
        if (!collects || reportingDepartment(dict, ind, unit.id) !== seat.department_id) continue;
        let overlap = byTask.get(seat.task_id);
        if (!overlap) byTask.set(seat.task_id, (overlap = { task: { id: seat.task_id, name: seat.task_name, closed: seat.closed_at !== null }, indicators: [], units: [] }));
        if (!overlap.indicators.some((i) => i.id === ind.id)) overlap.indicators.push({ id: ind.id, name: ind.name });
        if (!overlap.units.some((u) => u.id === unit.id)) overlap.units.push({ id: unit.id, name: unit.name });
      }
    }
    return [...byTask.values()];
  }

  return {
    /** Refuses a new task that would collect a cell another task of the year already collects. */
    async assertNoOverlap(dict: ReportingDictionary, year: number, indicators: DictIndicator[], unitIds: number[]): Promise<void> {
      const overlaps = await findOverlaps(dict, year, indicators, unitIds);
      if (overlaps.length > 0) throw appError('TASK_OVERLAP', overlapMessage(year, overlaps));
    },

    /** What a planned task would share with existing tasks, for the drawer to warn before publishing. */
    async overlaps(auth: AuthContext | null, year: number, indicatorIds: number[], orgUnitIds: number[]): Promise<TaskOverlapDto[]> {
      const dict = await loadDictionary(db);
      for (const id of orgUnitIds) if (!dict.units.has(id)) throw appError('NOT_FOUND', `单位（编号 ${id}）不存在`);
      for (const id of orgUnitIds) assertCan(auth, 'tasks.create', { orgUnitId: id, tree: dict.tree });
      const indicators = indicatorIds.map((id) => dict.indicators.get(id)).filter((i): i is DictIndicator => i !== undefined);
      return findOverlaps(dict, year, indicators, orgUnitIds);
    },

    /** Closes a task: its seats take no more values; review of what was submitted goes on. */
    async close(auth: AuthContext | null, taskId: number): Promise<void> {
      const task = await managedTask(auth, taskId);
      if (task.closed_at) throw appError('WORKFLOW_REFUSED', `填报任务“${task.name}”已于 ${task.closed_at.slice(0, 10)} 关闭`);
      await db.transaction().execute(async (trx) => {
        await reportingRepository(trx).closeTask(taskId, new Date().toISOString());
        await bumpDataVersion(trx);
      });
    },

    /** Deletes a task nobody has written values through; one with values can only be closed. */
    async remove(auth: AuthContext | null, taskId: number): Promise<void> {
      const task = await managedTask(auth, taskId);
      await db.transaction().execute(async (trx) => {
        const tx = reportingRepository(trx);
        if (await tx.taskHasValues(taskId, task.year)) throw appError('TASK_HAS_VALUES', `填报任务“${task.name}”已有填报数据，不能删除，只能关闭`);
        await tx.deleteTask(taskId);
      });
    },
  };
}

/** Why a task cannot be published: which tasks already collect which indicators at which units. */
function overlapMessage(year: number, overlaps: TaskOverlapDto[]): string {
  const list = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join('、')}等 ${names.length} 个` : names.join('、'));
  const parts = overlaps.map((o) => `“${o.task.name}”${o.task.closed ? '（已关闭）' : ''}已包含${list(o.units.map((u) => u.name))}的${list(o.indicators.map((i) => `“${i.name}”`))}`);
  return `${year}年${parts.join('；')}。同一指标、同一单位、同一年度只能在一个任务中填报：请在原任务中填报，或从本任务中去掉这些指标或单位`;
}
