import type { Kysely } from 'kysely';
import { RECTIFICATION_STATE_LABELS, type RectificationState } from '../../../../shared/evaluation/siteChecks';
import type { Database } from '../../../db/schema';
import type { Block } from '../../../services/documents';
import { evaluationRepository } from '../repository';
import { roundSiteChecks } from '../siteChecks/service';
import { participantDto } from '../views';

/** A site check as the report lists it: the visit, what was found, the rectification requests with their state. */
export interface ReportSiteCheck {
  visitedOn: string;
  unit: string;
  inspectors: string[];
  findings: string;
  rectifications: { requirement: string; dueOn: string; state: RectificationState; answer: string | null; doneOn: string | null }[];
}

/** The round's site checks by visit date; `today` (Beijing) decides which requests are overdue. */
export async function collectSiteChecks(db: Kysely<Database>, roundId: number, today: string): Promise<ReportSiteCheck[]> {
  const [checks, participants] = await Promise.all([roundSiteChecks(db, roundId, today), evaluationRepository(db).participants([roundId])]);
  const label = new Map(participants.map((p) => [p.id, participantDto(p).label]));
  return checks.map(({ check: c, rectifications }) => ({
    visitedOn: c.visited_on, unit: label.get(c.participant_id) ?? '', inspectors: JSON.parse(c.inspectors) as string[], findings: c.findings,
    rectifications: rectifications.map(({ row: r, state }) => ({ requirement: r.requirement, dueOn: r.due_on, state, answer: r.answer, doneOn: r.done_on })),
  }));
}

/** 督导检查情况: the visits (date, unit, people, findings) and the rectification requests with their state and the units' answers. */
export function siteCheckBlocks(checks: readonly ReportSiteCheck[]): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '督导检查情况' }];
  if (checks.length === 0) return [...blocks, { kind: 'paragraph', indent: true, content: ['本次评估尚未开展实地督导检查。'] }];
  const requests = checks.flatMap((c) => c.rectifications.map((r) => ({ ...r, unit: c.unit, visitedOn: c.visitedOn })));
  const n = (s: RectificationState) => requests.filter((r) => r.state === s).length;
  const units = new Set(checks.map((c) => c.unit)).size;
  blocks.push({
    kind: 'paragraph', indent: true,
    content: [
      `在各单位自评的基础上，评估组对 ${units} 个参评单位开展实地督导检查 ${checks.length} 次，`,
      requests.length ? `提出整改要求 ${requests.length} 条，已答复 ${n('answered')} 条，整改中 ${n('pending')} 条${n('overdue') ? `，逾期未答复 ${n('overdue')} 条` : ''}。` : '未提出整改要求。',
    ],
  });
  blocks.push({
    kind: 'table', caption: '督导检查情况', header: ['日期', '被检查单位', '检查人员', '检查发现'], align: ['center', 'left', 'left', 'left'], widths: [14, 20, 22, 44],
    rows: checks.map((c) => [c.visitedOn, c.unit, c.inspectors.join('、'), c.findings]),
  });
  if (requests.length) {
    blocks.push({
      kind: 'table', caption: '督导检查整改要求及落实情况', header: ['被检查单位', '整改要求', '期限', '状态', '整改情况'], align: ['left', 'left', 'center', 'center', 'left'], widths: [18, 30, 14, 12, 26],
      rows: requests.map((r) => [r.unit, r.requirement, r.dueOn, RECTIFICATION_STATE_LABELS[r.state], r.answer ? `${r.answer}（${r.doneOn}）` : '—']),
    });
  }
  return blocks;
}
