import { STATUS_LABELS } from '../../../../shared/analytics/progress';
import { WARNING_KIND_LABELS, type AchievementTallyDto } from '../../../../shared/api/analytics';
import { formatShare, formatValue } from '../../../../shared/format';
import { TEXT_WIDTH_CM, type Block, type DocumentSpec, type Inline } from '../../../services/documents';
import { PLAN_CHOICE_LABELS, type AnnualReport, type ReportFinding } from './collect';

/*
 * The annual 统计监测报告 as a document, in the order of the NBS reports: 总体情况 (basis and
 * verdict with 达标率), then per plan and area numbered findings with a chart each, 需要关注的问题
 * (lagging indicators, warnings and their follow-up), 下级单位比较 and the annex of every indicator.
 */

/** A finding's chart as drawn in the report: 16 × 7.5 cm at 150 dpi. */
const CHART_SIZE = { width: 640, height: 300 };

/** Named by the plans it covers: “妇女” when the unit has only a women's plan, even if both were asked for. */
export function reportTitle(r: Pick<AnnualReport, 'unit' | 'year' | 'plans'>): string {
  const kinds = new Set(r.plans.map((p) => p.kind));
  const label = PLAN_CHOICE_LABELS[kinds.size === 1 ? [...kinds][0]! : 'both'];
  return `${r.unit.name}${r.year}年${label}发展规划统计监测报告`;
}

/** “54 项可监测目标中 44 项已达标，达标率 81.5%”. */
export function verdictWords(t: { achieved: number; assessable: number; noData: number; rate: number | null }): string {
  if (!t.assessable) return `尚无可评估的目标（${t.noData} 项目标暂无数据）`;
  const noData = t.noData ? `，另有 ${t.noData} 项目标暂无数据` : '';
  return `${t.assessable} 项可监测目标中 ${t.achieved} 项已达标，达标率 ${formatShare(t.rate)}${noData}`;
}

/** “资料来源：…；统计口径：…”, or empty. */
export const findingFootnote = (f: Pick<ReportFinding, 'source' | 'caliber'>) => [f.source ? `资料来源：${f.source}` : null, f.caliber ? `统计口径：${f.caliber}` : null].filter(Boolean).join('；');

function findingBlocks(f: ReportFinding, chart: (f: ReportFinding) => Block | null): Block[] {
  const footnote = findingFootnote(f);
  const [first, ...rest] = f.text.sentences;
  const lead: Inline[] = footnote ? [{ text: first!, footnote: `${footnote}。` }] : [first!];
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: f.text.headline },
    { kind: 'paragraph', content: [...lead, ...rest], indent: true },
  ];
  if (f.note) blocks.push({ kind: 'paragraph', content: [`注：${f.note}`], indent: true });
  const figure = chart(f);
  if (figure) blocks.push(figure);
  return blocks;
}

/** The finding's trend with its target line, when there is anything to draw. */
export function findingChart(f: ReportFinding): Block | null {
  if (!f.view.series.some((s) => s.points.length > 0)) return null;
  const unit = f.view.indicator.unit ? `（${f.view.indicator.unit}）` : '';
  return { kind: 'chart', chart: { name: 'trend', input: f.view, size: CHART_SIZE }, widthCm: Math.min(15, TEXT_WIDTH_CM), caption: `${f.view.indicator.name}${unit}` };
}

export function tallyWords(t: AchievementTallyDto | null): string {
  return t ? verdictWords(t) : '本领域没有该年度的目标';
}

function openingBlocks(r: AnnualReport): Block[] {
  const titles = r.plans.map((p) => `《${p.title}（${p.periodStart}—${p.periodEnd}年）》${p.indicatorsFrom ? `（沿用《${p.indicatorsFrom}》的监测指标）` : ''}`).join('和');
  const indicators = r.plans.reduce((s, p) => s + p.areas.reduce((n, a) => n + a.findings.length, 0), 0);
  const scope = r.scope === 'approved' ? '经统计监测组审核的' : '';
  const milestone = r.milestone === null ? '' : `对照${r.milestone}年目标，`;
  const statusCounts = new Map<string, number>();
  for (const f of r.plans.flatMap((p) => p.areas.flatMap((a) => a.findings))) {
    const status = f.figures.target?.status;
    if (status) statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
  }
  const statusText = [...statusCounts].map(([s, n]) => `${STATUS_LABELS[s as keyof typeof STATUS_LABELS]} ${n} 项`).join('，');
  return [
    { kind: 'heading', level: 1, text: '总体情况' },
    {
      kind: 'paragraph', indent: true,
      content: [`根据${titles}确定的监测指标体系（${indicators} 项指标），依据${r.committee} ${r.departments} 个成员单位报送的${scope}${r.year}年及以前年度统计数据，对规划实施情况进行了统计监测。`],
    },
    {
      kind: 'paragraph', indent: true,
      content: [`监测结果显示，${milestone}${verdictWords(r.overall)}。`, ...(statusText ? [`按指标进展评估：${statusText}。`] : [])],
    },
    ...r.plans.filter(() => r.plans.length > 1).map<Block>((p) => ({ kind: 'paragraph', indent: true, content: [`${p.title}：${tallyWords(p.tally)}。`] })),
  ];
}

function warningBlocks(r: AnnualReport): Block[] {
  const lagging = r.plans.flatMap((p) => p.areas.flatMap((a) => a.findings)).filter((f) => ['limited', 'deterioration'].includes(f.figures.target?.status ?? ''));
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '需要关注的问题' }];
  blocks.push({
    kind: 'paragraph', indent: true,
    content: [lagging.length ? `${lagging.length} 项指标进展缓慢或出现倒退：${lagging.map((f) => f.figures.name).join('、')}。` : '没有进展缓慢或出现倒退的指标。'],
  });
  if (r.warnings.length) {
    blocks.push({
      kind: 'table', caption: `${r.unit.name}监测预警及处理情况`,
      header: ['预警', '指标', '原因', '处理情况'],
      widths: [2, 3.5, 6, 4],
      rows: r.warnings.map((w) => [WARNING_KIND_LABELS[w.kind], w.indicator?.name ?? '—', w.reason, w.acknowledged ? w.acknowledged.comment : '尚未处理']),
    });
  } else {
    blocks.push({ kind: 'paragraph', indent: true, content: ['本年度没有监测预警。'] });
  }
  return blocks;
}

function unitBlocks(r: AnnualReport): Block[] {
  if (!r.units.length) return [];
  const level = r.unit.level === 'city' ? '各区（县）' : '各街道（乡镇）';
  const heading: Block = { kind: 'heading', level: 1, text: `${level}比较` };
  // A ranking where no unit has an assessable target would be a table of dashes.
  if (r.units.every((u) => u.tally.assessable === 0)) {
    return [heading, { kind: 'paragraph', indent: true, content: [`${level}尚无可评估的监测数据（${r.units.map((u) => u.orgUnit.name).join('、')}），暂不排名。`] }];
  }
  return [
    heading,
    { kind: 'paragraph', indent: true, content: [`按全部监测指标${r.milestone === null ? '' : `对照${r.milestone}年目标`}计算，${level}达标率排名如下。`] },
    {
      kind: 'table', caption: `${level}达标率排名`,
      header: ['排名', '单位', '已达标', '未达标', '暂无数据', '达标率'],
      align: ['center', 'left', 'right', 'right', 'right', 'right'],
      rows: r.units.map((u) => [u.rank === null ? '—' : String(u.rank), u.orgUnit.name, String(u.tally.achieved), String(u.tally.notAchieved), String(u.tally.noData), formatShare(u.tally.rate)]),
    },
  ];
}

function annexBlocks(r: AnnualReport): Block[] {
  const rows = r.plans.flatMap((p) =>
    p.areas.flatMap((a) =>
      a.findings.map((f) => {
        const { figures: g } = f;
        const v = (x: { value: number } | null) => (x ? formatValue(x.value, g.decimals, g.unit) : '—');
        // A value above its year, a target's year above its bar: the columns stay narrow and wrap where meant to.
        return [f.code, g.name, g.base ? `${v(g.base)}\n（${g.base.year}）` : '—', v(g.previous), g.latest ? `${v(g.latest)}\n（${g.latest.year}）` : '—', g.target ? `${g.target.year}年\n${g.target.text}` : '—', g.target ? STATUS_LABELS[g.target.status] : '—'];
      }),
    ),
  );
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: '附表' },
    {
      kind: 'table', caption: `${r.unit.name}${r.year}年监测指标一览`,
      header: ['代码', '指标', '基期值', '上年值', '最新值', '目标', '进展'],
      widths: [1.9, 4.0, 2.0, 2.0, 2.0, 2.2, 1.9],
      rows,
      note: '注：最新值为截至报告年度的最近一年数据；进展为对照目标的评估（已实现、进展顺利、需加快、进展缓慢、出现倒退、数据不足）。',
    },
  ];
}

/** 2026-12-07 → 2026年12月7日. */
const issuedWords = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The report as a document; `chart` renders a finding's figure (tests and the draft reuse stored images). */
export function annualReportDocument(r: AnnualReport, chart: (f: ReportFinding) => Block | null = findingChart): DocumentSpec {
  const blocks: Block[] = [...openingBlocks(r)];
  for (const plan of r.plans) {
    blocks.push({ kind: 'heading', level: 1, text: `${plan.title}主要目标实施情况` });
    for (const area of plan.areas) {
      blocks.push({ kind: 'heading', level: 2, text: area.title.replace(/^\s*[（(][一二三四五六七八九十]+[）)]\s*/, '') });
      blocks.push({ kind: 'paragraph', indent: true, content: [`本领域${tallyWords(area.tally)}。`] });
      for (const f of area.findings) blocks.push(...findingBlocks(f, chart));
    }
  }
  blocks.push(...warningBlocks(r), ...unitBlocks(r), ...annexBlocks(r));
  return {
    title: reportTitle(r),
    subtitle: [`${r.committee}办公室`, issuedWords(r.issuedOn)],
    tableOfContents: true,
    creator: `${r.committee}办公室`,
    blocks,
  };
}
