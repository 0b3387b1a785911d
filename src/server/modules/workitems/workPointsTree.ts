import type { WorkPointDto } from '../../../shared/api/workPoints';
import { pointLabel, practicalState } from '../../../shared/workitems/workPoints';
import type { workPointsRepository } from './workPointsRepository';

/** A unit's points of a year as the pages and the export see them: a tree, numbered by place, with departments, records and key items. */
export async function pointTree(repo: ReturnType<typeof workPointsRepository>, orgUnitId: number, year: number): Promise<WorkPointDto[]> {
  const rows = await repo.points(orgUnitId, year);
  const ids = rows.map((r) => r.id);
  const [units, records, links, supervisions] = await Promise.all([repo.unitsOf(ids), repo.recordsOf(ids), repo.linksOf(ids), repo.supervisionCounts(ids)]);
  const build = (parentId: number | null, level: number): WorkPointDto[] =>
    rows.filter((r) => r.parent_id === parentId).map((r, index) => {
      const mine = records.filter((x) => x.point_id === r.id).map((x) => ({ id: x.id, kind: x.kind, onDate: x.on_date, ref: x.ref, text: x.text, actor: x.actor ?? null, at: x.at }));
      const keyItems = links.filter((l) => l.point_id === r.id).map((l) => ({ id: l.id, no: l.no, name: l.name }));
      const children = build(r.id, level + 1);
      const refs = (role: 'lead' | 'partner') => units.filter((u) => u.point_id === r.id && u.role === role).map((u) => ({ id: u.department_id, name: u.name }));
      return {
        id: r.id, parentId: r.parent_id, level, label: pointLabel(level, index), title: r.title, text: r.body, dueOn: r.due_on, practical: r.practical === 1,
        state: r.practical === 1 ? practicalState(mine) : null, mentioned: r.mentioned ? r.mentioned.split('、') : [],
        leads: refs('lead'), partners: refs('partner'), records: mine, keyItems, openSupervisions: supervisions.get(r.id)?.open ?? 0,
        deletable: mine.length === 0 && keyItems.length === 0 && !supervisions.has(r.id) && children.every((c) => c.deletable), version: r.version, children,
      };
    });
  return build(null, 1);
}
