import { ATTAINMENT_LABELS, ATTAINMENTS, type Attainment } from '../../../../shared/evaluation/attainment';
import { formatShare, withoutClosingStop } from '../../../../shared/format';
import { TEXT_WIDTH_CM, type Block, type DocumentSpec } from '../../../services/documents';
import type { EvaluationReport, ReportEntry } from './collect';
import { siteCheckBlocks } from './siteChecks';
import { thirdPartyBlocks } from './thirdParty';

/*
 * The evaluation report as a document, in the committee's style (GB/T 9704, as the annual
 * 统计监测报告): 评估依据和方法, 总体评价 with 达标率, 各领域目标达标情况 (each goal's attainment,
 * the units' evidence summaries and both scores), 参评单位得分, 督导检查情况, 第三方评估, 存在问题和建议.
 */

const KIND_WORDS = { midterm: '中期', final: '终期' } as const;
const score = (n: number | null) => (n === null ? '—' : String(n));
const label = (a: Attainment | null) => (a === null ? '未提交' : ATTAINMENT_LABELS[a]);
/** Areas whose 达标率 is below this are named among the problems. */
const LOW_RATE = 0.6;

function countByAttainment(goals: EvaluationReport['areas'][number]['goals']): Record<Attainment, number> {
  const counts = Object.fromEntries(ATTAINMENTS.map((a) => [a, 0])) as Record<Attainment, number>;
  for (const g of goals) if (g.attainment) counts[g.attainment]++;
  return counts;
}

function basisBlocks(r: EvaluationReport): Block[] {
  const kind = KIND_WORDS[r.kind];
  return [
    { kind: 'heading', level: 1, text: '评估依据和方法' },
    {
      kind: 'paragraph', indent: true,
      content: [`根据《${r.plan.title}》关于监测评估的要求，${r.unit.name}妇女儿童工作委员会组织开展规划${kind}评估，对照规划确定的主要目标，评估到${r.milestone}年的实施情况。`],
    },
    {
      kind: 'paragraph', indent: true,
      content: [
        `评估采取成员单位和下级妇儿工委自评、评估组评审相结合的方式。共有 ${r.counts.departments} 个成员单位、${r.counts.committees} 个下级妇儿工委参评，填报自评表 ${r.counts.forms} 份，`,
        `已提交 ${r.counts.submitted} 份，其中评估组已评审 ${r.counts.reviewed} 份${r.counts.returned ? `，退回补充材料 ${r.counts.returned} 份` : ''}。`,
        '各目标的达标情况分为达标、基本达标、未达标和无法评估四类，由监测数据给出建议，自评单位可说明理由后调整。目标达标率为达标目标数占可评估目标数（不含无法评估）的比例。',
      ],
    },
    {
      kind: 'table', caption: '评估内容与分值', header: ['评估内容', '分值'], align: ['left', 'right'], widths: [70, 30],
      rows: [...r.criteria.map((c) => [c.label, String(c.weight)]), ['合计', String(r.criteria.reduce((s, c) => s + c.weight, 0))]],
    },
    ...weightBlocks(r),
  ];
}

/** 评估权重: the rule in one paragraph, and the areas' and goals' own weights when the round has any. */
function weightBlocks(r: EvaluationReport): Block[] {
  if (r.weights === undefined) return [];
  const rule = {
    kind: 'paragraph' as const, indent: true,
    content: [
      '各项评估内容按上表分值打分（原始分）；个别领域或目标另定分值的，按原始分占该项分值的比例乘以其分值折算。',
      `领域得分为其各目标得分的加权平均（目标权重缺省为 1），规划总分为各领域得分的加权平均（领域权重缺省为该领域的目标数）${r.score === null || r.score === undefined ? '' : `，本次评估组评定的规划总分为 ${r.score} 分`}。`,
    ],
  };
  if (r.weights.length === 0) return [rule];
  const cell = (n: number | undefined) => (n === undefined ? '—' : String(n));
  return [rule, {
    kind: 'table', caption: '按领域、目标调整的权重', header: ['适用范围', ...r.criteria.map((c) => c.label), '总分权重'],
    align: ['left', ...r.criteria.map(() => 'right' as const), 'right'], widths: [40, ...r.criteria.map(() => 45 / r.criteria.length), 15],
    rows: r.weights.map((w) => [w.target, ...r.criteria.map((c) => (w.criteria ? cell(w.criteria[c.key]) : '同上级')), w.share === null ? '默认' : String(w.share)]),
  }];
}

/** The report's overall verdict, one sentence with 达标率. */
export function evaluationVerdict(r: EvaluationReport): string {
  const o = r.overall;
  return o.assessable
    ? `在已提交自评的目标中，${o.assessable} 项可评估目标达标 ${o.met} 项，目标达标率 ${formatShare(o.rate)}。`
    : '尚无可评估的目标：成员单位的自评尚未提交或均无法评估。';
}

function verdictBlocks(r: EvaluationReport): Block[] {
  const verdict = evaluationVerdict(r);
  const areas = r.areas.map((a) => ({ title: a.title, counts: countByAttainment(a.goals) }));
  // A chart only when there is anything to draw.
  const drawn = areas.some((a) => Object.values(a.counts).some((n) => n > 0));
  return [
    { kind: 'heading', level: 1, text: '总体评价' },
    { kind: 'paragraph', indent: true, content: [verdict] },
    {
      kind: 'table', caption: '各领域目标达标率', header: ['领域', '目标数', '可评估', '达标', '达标率'], align: ['left', 'right', 'right', 'right', 'right'], widths: [40, 15, 15, 15, 15],
      rows: r.areas.map((a) => [a.title, String(a.goals.length), String(a.rate.assessable), String(a.rate.met), formatShare(a.rate.rate)]),
    },
    ...(drawn
      ? [{ kind: 'chart' as const, chart: { name: 'areaAttainment' as const, input: areas, size: { width: 640, height: Math.max(200, 40 + areas.length * 34) } }, widthCm: Math.min(15, TEXT_WIDTH_CM), caption: '各领域目标达标情况（目标数）' }]
      : []),
  ];
}

/** One unit's self-evaluation of a goal; the evidence and comment are people's sentences, their stops are the report's. */
const entryWords = (e: ReportEntry) =>
  `${e.unit}自评为${label(e.attainment)}（自评 ${score(e.selfTotal)} 分，评估组 ${score(e.reviewTotal)} 分）：${withoutClosingStop(e.evidence) || '未填写佐证说明'}${e.files ? `（附佐证材料 ${e.files} 份）` : ''}${e.reviewComment ? `。评估组意见：${withoutClosingStop(e.reviewComment)}` : ''}`;

function areaBlocks(r: EvaluationReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '各领域目标达标情况' }];
  for (const a of r.areas) {
    blocks.push({ kind: 'heading', level: 2, text: a.title });
    blocks.push({ kind: 'paragraph', indent: true, content: [a.rate.assessable ? `本领域 ${a.goals.length} 项目标中，可评估 ${a.rate.assessable} 项，达标 ${a.rate.met} 项，达标率 ${formatShare(a.rate.rate)}。` : `本领域 ${a.goals.length} 项目标尚无可评估的自评结果。`] });
    blocks.push({
      kind: 'table', caption: `${a.title}目标达标情况及得分`, header: ['目标', '达标情况', '自评得分', '评估组得分'], align: ['left', 'center', 'right', 'right'], widths: [55, 15, 15, 15],
      rows: a.goals.map((g) => [`${g.no}. ${g.text}`, label(g.attainment), score(g.selfScore), score(g.reviewScore)]),
    });
    for (const g of a.goals.filter((x) => x.entries.length > 0)) {
      blocks.push({ kind: 'paragraph', indent: true, content: [{ text: `目标 ${g.no}：`, bold: true }, g.entries.map(entryWords).join('；'), '。'] });
    }
  }
  return blocks;
}

function unitBlocks(r: EvaluationReport): Block[] {
  return [
    { kind: 'heading', level: 1, text: '参评单位得分' },
    { kind: 'paragraph', indent: true, content: ['按目标管理责任制考核要求，以评估组评审得分的平均分排序（满分 100 分）；未经评审的单位暂不排名。'] },
    {
      kind: 'table', caption: '参评单位得分及排名', header: ['排名', '参评单位', '自评表', '已提交', '自评平均分', '评估组平均分'], align: ['center', 'left', 'right', 'right', 'right', 'right'], widths: [10, 34, 12, 12, 16, 16],
      rows: r.units.map((u) => [u.rank === null ? '—' : String(u.rank), u.participant.label, String(u.forms), String(u.submitted), score(u.selfScore), score(u.reviewScore)]),
    },
  ];
}

const lowAreas = (r: EvaluationReport) => r.areas.filter((a) => a.rate.rate !== null && a.rate.rate < LOW_RATE);
const unitsMissingForms = (r: EvaluationReport) => r.units.filter((u) => u.submitted < u.forms);

/** The 意见建议 the report proposes from its figures; the office may word its own before it goes out. */
export function generatedAdvice(r: EvaluationReport): string[] {
  const low = lowAreas(r);
  const missing = unitsMissingForms(r);
  return [
    low.length ? `对${low.map((a) => a.title).join('、')}领域，建议责任单位对照目标逐项分析原因，制定专项推进措施，在下一年度重点督办。` : '',
    r.notMet.length ? '督促自评未达标的单位落实整改承诺，由妇儿工委办公室定期调度整改进展，整改情况纳入下一年度目标管理责任制考核。' : '',
    missing.length ? `请尚未提交的单位于评审截止日（${r.reviewDueOn}）前完成自评。` : '',
    '进一步完善分性别统计和监测指标数据采集，减少“无法评估”的目标。',
  ].filter(Boolean);
}

function problemBlocks(r: EvaluationReport, advice: readonly string[]): Block[] {
  const low = lowAreas(r);
  const missing = unitsMissingForms(r);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '存在问题和建议' }, { kind: 'heading', level: 2, text: '存在问题' }];
  const problems: string[] = [];
  if (low.length) problems.push(`${low.map((a) => `${a.title}（${formatShare(a.rate.rate)}）`).join('、')}领域目标达标率低于 ${formatShare(LOW_RATE)}。`);
  if (r.notMet.length) problems.push(`共有 ${r.notMet.length} 项目标被自评为未达标或基本达标，主要原因和整改承诺见下表。`);
  if (missing.length) problems.push(`${missing.map((u) => u.participant.label).join('、')}尚有自评表未提交。`);
  blocks.push({ kind: 'paragraph', indent: true, content: [problems.length ? problems.join('') : '参评单位自评的目标均已达标。'] });
  if (r.notMet.length) {
    blocks.push({
      kind: 'table', caption: '未完全达标的目标及整改措施', header: ['目标', '单位', '自评', '存在问题及原因', '整改措施及承诺'], align: ['left', 'left', 'center', 'left', 'left'], widths: [26, 16, 10, 24, 24],
      rows: r.notMet.map((n) => [`${n.goal.area.title}目标 ${n.goal.no}`, n.participant.label, ATTAINMENT_LABELS[n.attainment], n.problems, n.rectification]),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: '意见建议' });
  advice.forEach((text) => blocks.push({ kind: 'paragraph', indent: true, content: [text] }));
  return blocks;
}

/** The report's document spec for the documents service (buildDocx); `advice`: the office's 意见建议 in place of the generated ones. */
export function evaluationReportDocument(r: EvaluationReport, advice: readonly string[] = generatedAdvice(r)): DocumentSpec {
  return {
    title: r.title,
    subtitle: [`${r.unit.name}妇女儿童工作委员会评估组`, `${r.collectedOn.slice(0, 4)}年${Number(r.collectedOn.slice(5, 7))}月${Number(r.collectedOn.slice(8, 10))}日`],
    tableOfContents: true,
    creator: `${r.unit.name}妇女儿童工作委员会`,
    blocks: [...basisBlocks(r), ...verdictBlocks(r), ...areaBlocks(r), ...unitBlocks(r), ...siteCheckBlocks(r.siteChecks), ...thirdPartyBlocks(r.thirdParty), ...problemBlocks(r, advice)],
  };
}
