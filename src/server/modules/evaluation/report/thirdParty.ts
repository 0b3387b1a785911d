import type { Kysely } from 'kysely';
import { totalScore, type Criterion } from '../../../../shared/evaluation/scoring';
import type { Database } from '../../../db/schema';
import type { Block } from '../../../services/documents';
import { evaluatorsRepository } from '../evaluators/repository';
import { parseScores } from '../views';

/** A third-party evaluator's scores as the report lists them, in the plan's goal order. */
export interface ReportThirdParty {
  organisation: string;
  name: string;
  goals: { goal: string; total: number | null; comment: string }[];
}

/** The round's third-party scores by evaluator; `goals` names each goal (领域目标 n) by id, `criteriaOf` gives the weights that apply to it. */
export async function collectThirdParty(db: Kysely<Database>, roundId: number, criteriaOf: (goalId: number) => Criterion[], goals: ReadonlyMap<number, string>): Promise<ReportThirdParty[]> {
  const rows = await evaluatorsRepository(db).scoresOfRound(roundId);
  const order = [...goals.keys()];
  return [...new Set(rows.map((r) => r.evaluator_id))].map((id) => {
    const theirs = rows.filter((r) => r.evaluator_id === id).sort((a, b) => order.indexOf(a.goal_id) - order.indexOf(b.goal_id));
    return { organisation: theirs[0]!.organisation, name: theirs[0]!.display_name, goals: theirs.map((r) => ({ goal: goals.get(r.goal_id) ?? '', total: totalScore(criteriaOf(r.goal_id), parseScores(r.scores)), comment: r.comment })) };
  });
}

/** 第三方评估: who evaluated, and their score and comment per goal, apart from the 评估组's. */
export function thirdPartyBlocks(evaluators: readonly ReportThirdParty[]): Block[] {
  if (evaluators.length === 0) return [];
  return [
    { kind: 'heading', level: 1, text: '第三方评估' },
    { kind: 'paragraph', indent: true, content: [`${evaluators.map((e) => `${e.organisation}（${e.name}）`).join('、')}作为第三方对规划实施情况进行了独立评估，共对 ${evaluators.reduce((s, e) => s + e.goals.length, 0)} 项次目标打分，评分单列，不计入评估组得分。`] },
    {
      kind: 'table', caption: '第三方评估得分及意见', header: ['评估机构', '目标', '得分', '评价意见'], align: ['left', 'left', 'right', 'left'], widths: [22, 22, 10, 46],
      rows: evaluators.flatMap((e) => e.goals.map((g) => [e.organisation, g.goal, g.total === null ? '—' : String(g.total), g.comment || '—'])),
    },
  ];
}
