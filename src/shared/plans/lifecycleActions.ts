import type { FilingState } from './filing';
import type { PlanStatus } from './lifecycle';

/** What can be done to a plan in its lifecycle; the plan page shows the buttons, the server refuses the rest. */
export type LifecycleAction = 'release' | 'file' | 'repeal' | 'archive' | 'unarchive' | 'delete';

export interface LifecycleFacts {
  status: PlanStatus;
  releasedOn: string | null;
  archived: boolean;
  /** Any of its indicators holds monitoring values, or it was ever filed: then it is history and is archived, not deleted. */
  hasData: boolean;
  /** The latest filing with the unit above. */
  filing: FilingState | null;
  /** A unit at the top files with nobody. */
  hasParentUnit: boolean;
}

export type ActionDecision = { ok: true } | { ok: false; reason: string };

const no = (reason: string): ActionDecision => ({ ok: false, reason });
const yes: ActionDecision = { ok: true };

export function lifecycleDecision(f: LifecycleFacts, action: LifecycleAction): ActionDecision {
  if (f.archived && action !== 'unarchive' && action !== 'delete') return no('规划已归档，请先取消归档');
  switch (action) {
    case 'release':
      if (f.status === 'filed') return no('规划已备案，不能再修改印发日期');
      if (f.status === 'repealed') return no('规划已废止');
      if (f.filing === 'submitted') return no('规划已报送备案，待上级审核期间不能修改印发日期');
      return yes;
    case 'file':
      if (!f.hasParentUnit) return no('本单位没有上级单位，无需备案');
      if (f.status === 'draft' || f.releasedOn === null) return no('请先登记规划的印发日期');
      if (f.status === 'filed') return no('规划已备案');
      if (f.status === 'repealed') return no('规划已废止');
      if (f.filing === 'submitted') return no('规划已报送，等待上级单位审核');
      return yes;
    case 'repeal':
      return f.status === 'adopted' || f.status === 'filed' ? yes : no(f.status === 'draft' ? '草案尚未印发，可直接删除' : '规划已废止');
    case 'archive':
      if (f.status === 'adopted' || f.status === 'filed') return no('现行规划请先废止，再归档');
      return yes;
    case 'unarchive':
      return f.archived ? yes : no('规划未归档');
    case 'delete':
      return f.hasData ? no('规划已有监测数据或备案记录，只能归档') : yes;
  }
}

export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = ['release', 'file', 'repeal', 'archive', 'unarchive', 'delete'];

export function lifecycleDecisions(f: LifecycleFacts): Record<LifecycleAction, ActionDecision> {
  return Object.fromEntries(LIFECYCLE_ACTIONS.map((a) => [a, lifecycleDecision(f, a)])) as Record<LifecycleAction, ActionDecision>;
}
