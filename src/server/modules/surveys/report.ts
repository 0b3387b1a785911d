import { choiceChartOf, type ChoiceChart } from '../../../shared/charts/surveys';
import { formatNumber, formatShare } from '../../../shared/format';
import { AUDIENCE_LABELS } from '../../../shared/api/surveys';
import { QUESTION_TYPE_LABELS, type Question } from '../../../shared/surveys/model';
import type { CrossTab, QuestionStats } from '../../../shared/surveys/stats';
import type { Block, ChartJob, DocumentSpec } from '../../services/documents';

/*
 * The short survey report (.docx): what was asked of whom and when, per question its table and
 * chart, the cross-tabulation chosen on the statistics page, and how the figures were made.
 */

/** Limits, checked before drawing: past them the report would be a book; the xlsx exports carry everything. */
export const REPORT_LIMITS = { charts: 80 } as const;

export interface ReportInput {
  title: string;
  unitName: string;
  audience: 'adult' | 'child';
  accessMode: 'open' | 'code';
  questions: Question[];
  /** Opening and closing as set, and the first and last answer received. */
  opensAt: string | null;
  closesAt: string | null;
  firstAnswerAt: string | null;
  lastAnswerAt: string | null;
  total: number;
  /** Responses in the figures (after the filter), and the filter in words. */
  responses: number;
  filterText: string | null;
  stats: QuestionStats[];
  crossTab: CrossTab | null;
  /** Bar or pie per choice question, as picked on the statistics page. */
  charts: Record<string, ChoiceChart>;
  now: Date;
}

const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const dateText = (iso: string | Date) => day.format(typeof iso === 'string' ? new Date(iso) : iso);

/** Parses `Q1:pie;Q4:bar`; unknown words are ignored (the default chart is drawn). */
export function parseCharts(text: string | undefined): Record<string, ChoiceChart> {
  const out: Record<string, ChoiceChart> = {};
  for (const part of (text ?? '').split(';')) {
    const [code, chart] = part.split(':');
    if (code && (chart === 'bar' || chart === 'pie')) out[code] = chart;
  }
  return out;
}

/** The survey's period in words: as set, else from its first to its last answer. */
function periodText(r: ReportInput): string {
  const from = r.opensAt ?? r.firstAnswerAt;
  const to = r.closesAt ?? r.lastAnswerAt;
  if (!from && !to) return '尚未收到答卷';
  if (from && to) return `${dateText(from)}至${dateText(to)}`;
  return from ? `${dateText(from)}起` : `至${dateText(to!)}`;
}

const chartFigure = (chart: ChartJob, caption: string): Block => ({ kind: 'chart', chart, widthCm: 14, caption });

function questionBlocks(s: QuestionStats, q: Question, charts: Record<string, ChoiceChart>): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: s.title }];
  const intro = `${QUESTION_TYPE_LABELS[q.type]}，作答 ${formatNumber(s.answered)} 人。`;
  switch (s.kind) {
    case 'choice': {
      const top = [...s.categories].sort((a, b) => b.count - a.count)[0];
      const lead = top && top.count > 0 ? `选择“${top.label}”的最多，占 ${formatShare(top.share)}。` : '';
      const mean = s.mean !== null ? `平均分 ${formatNumber(s.mean)}。` : '';
      blocks.push({ kind: 'paragraph', content: [`${intro}${lead}${mean}`] });
      blocks.push({
        kind: 'table', caption: `${s.title}（${s.code}）`, header: ['选项', '人数', '比例'], align: ['left', 'right', 'right'], widths: [3, 1, 1],
        rows: s.categories.map((c) => [c.label, formatNumber(c.count), formatShare(c.share)]),
        note: q.type === 'multiple' ? '注：多选题，比例之和可超过 100%。' : undefined,
      });
      if (s.answered > 0) {
        const pie = choiceChartOf(s.type, charts[s.code]) === 'pie';
        const size = { width: 640, height: pie ? 300 : Math.min(600, Math.max(140, s.categories.length * 34)) };
        blocks.push(chartFigure({ name: pie ? 'categoryPie' : 'categoryBars', input: s.categories, size }, `${s.title}（人数及比例）`));
      }
      if (s.otherTexts.length) blocks.push({ kind: 'paragraph', content: [`“其他”填写举例：${s.otherTexts.slice(0, 10).join('；')}。`] });
      return blocks;
    }
    case 'numeric':
      blocks.push({ kind: 'paragraph', content: [`${intro}平均数 ${formatNumber(s.mean)}，中位数 ${formatNumber(s.median)}，最小值 ${formatNumber(s.min)}，最大值 ${formatNumber(s.max)}。`] });
      if (s.histogram.length) {
        blocks.push({ kind: 'table', caption: `${s.title}（${s.code}）分布`, header: ['区间', '人数'], align: ['left', 'right'], rows: s.histogram.map((h) => [h.label, formatNumber(h.count)]) });
        blocks.push(chartFigure({ name: 'histogramBars', input: s.histogram, size: { width: 640, height: 260 } }, `${s.title}（分布）`));
      }
      return blocks;
    case 'matrix':
      blocks.push({ kind: 'paragraph', content: [intro] });
      blocks.push({
        kind: 'table', caption: `${s.title}（${s.code}）`, header: ['', ...s.points.map((p) => `${p} 分`), '平均分'], align: ['left', ...s.points.map(() => 'right' as const), 'right'],
        rows: s.rows.map((r) => [r.label, ...r.counts.map((n) => formatNumber(n)), formatNumber(r.mean)]),
      });
      return blocks;
    case 'text':
      blocks.push({ kind: 'paragraph', content: [`${intro}${s.words.length ? '出现最多的词见下表。' : ''}`] });
      if (s.words.length) blocks.push({ kind: 'table', caption: `${s.title}（${s.code}）高频词`, header: ['词语', '次数'], align: ['left', 'right'], rows: s.words.slice(0, 15).map((w) => [w.word, formatNumber(w.count)]) });
      return blocks;
  }
}

function crossTabBlocks(t: CrossTab, titleOf: (code: string) => string): Block[] {
  const caption = `${titleOf(t.rowQuestion)} × ${titleOf(t.columnQuestion)}`;
  return [
    { kind: 'heading', level: 1, text: '交叉分析' },
    { kind: 'paragraph', content: [`按“${titleOf(t.columnQuestion)}”分组看“${titleOf(t.rowQuestion)}”的回答。单元格为人数（占该组作答人数的比例）。`] },
    {
      kind: 'table', caption, header: [titleOf(t.rowQuestion), ...t.columns.map((c) => `${c.label}（${formatNumber(c.total)}）`)],
      align: ['left', ...t.columns.map(() => 'right' as const)],
      rows: t.rows.map((r, ri) => [r.label, ...t.columns.map((_, ci) => `${formatNumber(t.counts[ri]![ci]!)}（${formatShare(t.shares[ri]![ci]!)}）`)]),
    },
  ];
}

/** Charts the report would draw: checked against REPORT_LIMITS before any is drawn. */
export const chartCount = (stats: QuestionStats[]) => stats.filter((s) => s.answered > 0 && (s.kind === 'choice' || (s.kind === 'numeric' && s.histogram.length > 0))).length;

export function surveyReportSpec(r: ReportInput): DocumentSpec {
  const byCode = new Map(r.questions.map((q) => [q.code, q]));
  const titleOf = (code: string) => byCode.get(code)?.title ?? code;
  const sample = `${formatNumber(r.total)} 份${r.filterText ? `（本报告按“${r.filterText}”筛选，计 ${formatNumber(r.responses)} 份）` : ''}`;
  return {
    // “…知晓情况调查” becomes “…知晓情况调查报告”, not “…调查调查报告”.
    title: `${r.title}${r.title.endsWith('调查') ? '' : '调查'}报告`,
    subtitle: [r.unitName, dateText(r.now)],
    blocks: [
      { kind: 'heading', level: 1, text: '调查概况' },
      {
        kind: 'paragraph',
        content: [`本次调查由${r.unitName}组织，面向${r.audience === 'child' ? '儿童' : '成年人'}，调查时间为${periodText(r)}，共回收答卷 ${sample}，问卷共 ${r.questions.length} 题。`],
      },
      {
        kind: 'table', caption: '调查基本情况', header: ['项目', '内容'], widths: [1, 3],
        rows: [
          ['调查名称', r.title], ['组织单位', r.unitName], ['问卷版本', AUDIENCE_LABELS[r.audience]], ['调查时间', periodText(r)],
          ['收集方式', r.accessMode === 'code' ? '扫码或链接作答，凭一次性访问码（限定样本）' : '扫码或链接作答（公开）'],
          ['回收答卷', sample], ['题目数量', `${r.questions.length} 题`],
        ],
      },
      { kind: 'heading', level: 1, text: '各题结果' },
      ...r.stats.flatMap((s) => questionBlocks(s, byCode.get(s.code)!, r.charts)),
      ...(r.crossTab ? crossTabBlocks(r.crossTab, titleOf) : []),
      { kind: 'heading', level: 1, text: '方法说明' },
      {
        kind: 'paragraph',
        content: [
          '本调查匿名进行，不记录答题人的 IP 地址或其他个人信息；每个浏览器限答一次，并按网络地址限制提交频率',
          r.accessMode === 'code' ? '，每个访问码只能使用一次' : '',
          { text: '。', footnote: '统计口径：各题比例的分母为该题的有效作答人数，未显示或未作答的不计入；多选题每人可选多项，比例之和可超过 100%；量表题平均分按所选分值计算。' },
          `各题结果为截至${dateText(r.now)}收到的全部答卷${r.filterText ? '中符合筛选条件者' : ''}的统计。`,
        ],
      },
    ],
  };
}
