import { STATUS_LABELS, type ProgressStatus } from '../analytics/progress';
import { formatNumber, formatValue } from '../format';
import type { OptionCode } from '../monitoring/validation';

/*
 * The words of one finding of the annual monitoring report, in the manner of the National Bureau
 * of Statistics' 纲要统计监测报告: a headline, then the latest value with its change against the
 * previous year and the plan's base year, the target and its status, and the parts. A pure
 * function of the figures, so the docx, the draft page and the tests say the same.
 */

export interface YearValue {
  year: number;
  value: number;
}

export interface FindingFigures {
  name: string;
  unit: string | null;
  decimals: number;
  direction: 'higher' | 'lower' | 'band';
  /** The report's year. */
  year: number;
  /** The last value at or before the report's year. */
  latest: YearValue | null;
  /** The value of the year before `latest`. */
  previous: YearValue | null;
  /** The value of the plan's base year. */
  base: YearValue | null;
  /** The target of the milestone assessed: its words (“≥ 95%”), status and the reason of the status. */
  target: { year: number; text: string; status: ProgressStatus; reason: string } | null;
  /** The first year counted under the current 统计口径, when it changed (see caliberChangeYear). */
  caliberFrom: number | null;
  /** Values of the parts in the latest year, where reported. */
  parts: Partial<Record<OptionCode, number>>;
}

export interface FindingText {
  headline: string;
  sentences: string[];
}

/** 统计口径 texts state a change as “自2023年起…” or “2023年起…”: the year it took effect. */
export function caliberChangeYear(caliber: string | null | undefined): number | null {
  const found = /(?:自|从)?\s*((?:19|20)\d{2})\s*年起/.exec(caliber ?? '');
  return found ? Number(found[1]) : null;
}

const EPSILON = 1e-9;

/** Whether two values straddle a change of 口径 and cannot be compared. */
const acrossChange = (from: YearValue, to: YearValue, caliberFrom: number | null) => caliberFrom !== null && from.year < caliberFrom && to.year >= caliberFrom;

/** “提高 1.5 个百分点” / “增长 3.2%（增加 120 人）” / “持平”. */
function changeWords(f: FindingFigures, from: YearValue, to: YearValue): string {
  const diff = to.value - from.value;
  if (Math.abs(diff) < EPSILON) return '持平';
  const up = diff > 0;
  const amount = formatNumber(Math.abs(diff), f.decimals);
  if (f.unit === '%' || f.unit === '‰') {
    return `${up ? '提高' : '下降'} ${amount} 个${f.unit === '%' ? '百分点' : '千分点'}`;
  }
  const relative = from.value !== 0 ? `${formatNumber(Math.abs(diff / from.value) * 100, 1)}%` : null;
  const absolute = formatValue(Math.abs(diff), f.decimals, f.unit);
  return relative ? `${up ? '增长' : '下降'} ${relative}（${up ? '增加' : '减少'} ${absolute}）` : `${up ? '增加' : '减少'} ${absolute}`;
}

/** The headline: the target first when it is met, else the direction of the last change. */
function headline(f: FindingFigures): string {
  if (!f.latest) return `${f.name}暂无监测数据`;
  if (f.target?.status === 'achieved') return `${f.name}已实现规划目标`;
  const from = f.previous && !acrossChange(f.previous, f.latest, f.caliberFrom) ? f.previous : null;
  if (!from) return `${f.name}为 ${formatValue(f.latest.value, f.decimals, f.unit)}`;
  const diff = f.latest.value - from.value;
  if (Math.abs(diff) < EPSILON) return `${f.name}与上年持平`;
  const better = f.direction === 'band' ? null : (diff > 0) === (f.direction === 'higher');
  const verb = diff > 0 ? (better ? '稳步提高' : '有所上升') : better ? '持续下降' : '有所下降';
  return `${f.name}${verb}`;
}

/** “比上年提高…” / “与上年持平”. */
function compared(f: FindingFigures, label: string, from: YearValue, to: YearValue): string {
  const words = changeWords(f, from, to);
  return words === '持平' ? `与${label}持平` : `比${label}${words}`;
}

function valueSentence(f: FindingFigures, latest: YearValue): string {
  const value = formatValue(latest.value, f.decimals, f.unit);
  const stale = latest.year < f.year ? `（${f.year}年数据尚未报送，为最近一年数据）` : '';
  const clauses: string[] = [];
  if (f.previous) {
    clauses.push(
      acrossChange(f.previous, latest, f.caliberFrom)
        ? `因统计口径自${f.caliberFrom}年起调整，与上年不可直接比较`
        : compared(f, '上年', f.previous, latest),
    );
  }
  // The base year is compared with only when it is not the previous year already compared with.
  if (f.base && f.base.year < latest.year && f.base.year !== f.previous?.year) {
    clauses.push(acrossChange(f.base, latest, f.caliberFrom) ? `与${f.base.year}年（基期）口径不同` : compared(f, `${f.base.year}年（基期）`, f.base, latest));
  }
  return `${latest.year}年${f.name}为 ${value}${stale}${clauses.length ? `，${clauses.join('，')}` : ''}。`;
}

function targetSentence(f: FindingFigures): string | null {
  const t = f.target;
  if (!t) return null;
  if (t.status === 'achieved') return `已实现${t.year}年“${t.text}”的规划目标。`;
  if (t.status === 'insufficient_data') return `${t.year}年目标为“${t.text}”，现有数据不足以评估进展（${t.reason}）。`;
  return `距${t.year}年“${t.text}”的目标仍有差距，进展评估为“${STATUS_LABELS[t.status]}”：${t.reason}。`;
}

const PART_GROUPS: { options: OptionCode[]; names: string[]; lead: string }[] = [
  { options: ['female', 'male'], names: ['女性', '男性'], lead: '分性别看' },
  { options: ['urban', 'rural'], names: ['城镇', '乡村'], lead: '分城乡看' },
  { options: ['age0_14', 'age15_59', 'age60'], names: ['0—14岁', '15—59岁', '60岁及以上'], lead: '分年龄组看' },
];

function partsSentence(f: FindingFigures): string | null {
  const groups = PART_GROUPS.filter((g) => g.options.every((o) => f.parts[o] !== undefined)).map(
    (g) => `${g.lead}，${g.options.map((o, i) => `${g.names[i]} ${formatValue(f.parts[o]!, f.decimals, f.unit)}`).join('、')}`,
  );
  return groups.length ? `${groups.join('；')}。` : null;
}

/** The headline and sentences of one finding. */
export function findingText(f: FindingFigures): FindingText {
  if (!f.latest) {
    const target = f.target ? `${f.target.year}年目标为“${f.target.text}”。` : '';
    return { headline: headline(f), sentences: [`截至${f.year}年，${f.name}尚无监测数据，有关部门需按统计口径报送。${target}`] };
  }
  const sentences = [valueSentence(f, f.latest), targetSentence(f), partsSentence(f)].filter((s): s is string => s !== null);
  return { headline: headline(f), sentences };
}
