import dayjs from 'dayjs';
import { formatNumber } from '../../../shared/format';
import type { SubmissionState } from '../../../shared/monitoring/workflow';

export { formatNumber };

/** antd Tag colours of the review states: in progress blue, waiting gold, passed up cyan, returned red, done green. */
export const STATE_COLORS: Record<SubmissionState, string> = {
  draft: 'blue',
  submitted: 'gold',
  reviewed: 'cyan',
  returned: 'red',
  approved: 'green',
};

/** Short labels for tight places (the completeness matrix); the full ones are STATE_LABELS. */
export const STATE_SHORT_LABELS: Record<SubmissionState, string> = {
  draft: '填报中',
  submitted: '待审核',
  reviewed: '部门已审',
  returned: '已退回',
  approved: '已通过',
};

/** How a value reached the database, as the audit trail names it. */
export const VIA_LABELS: Record<string, string> = { ui: '网页', xlsx: 'Excel', excel: 'Excel', api: '接口', system: '系统' };

export const viaLabel = (via: string): string => VIA_LABELS[via] ?? via;


/** A number as it goes into an input: no digit groups, no trailing float noise. */
export function inputText(value: number | null): string {
  if (value === null) return '';
  return String(Number(value.toPrecision(12)));
}

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

const FULL_WIDTH = /[０-９．－，]/g;

/** What a person typed into a cell: empty clears it; full-width digits and digit-group commas are accepted. */
export function parseCellText(text: string): Parsed {
  const normalised = text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '');
  if (normalised === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return { ok: false, message: '请输入数字' };
  const value = Number(normalised);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: '数字超出范围' };
}

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export const formatTime = (iso: string): string => dayjs(iso).format('HH:mm');

/** Whole days from `dueOn` (YYYY-MM-DD) to today; positive once it has passed. */
export function daysPastDue(dueOn: string, today: Date = new Date()): number {
  const due = dayjs(dueOn).startOf('day');
  return dayjs(today).startOf('day').diff(due, 'day');
}

/** “截止 2026-03-31”, with how late it is when the submission is overdue. */
export function dueText(dueOn: string, overdue: boolean, today: Date = new Date()): string {
  if (!overdue) return `截止 ${dueOn}`;
  const late = daysPastDue(dueOn, today);
  return late > 0 ? `截止 ${dueOn}（已逾期 ${late} 天）` : `截止 ${dueOn}（已逾期）`;
}

export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 100);
}

/** “较上年 +12.5%” for a derived value next to the year before; null when either is missing. */
export function changeText(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  if (before === 0) return now === 0 ? '与上年持平' : null;
  const change = ((now - before) / Math.abs(before)) * 100;
  if (Math.abs(change) < 0.05) return '与上年持平';
  return `较上年 ${change > 0 ? '+' : '−'}${formatNumber(Math.abs(change), 1)}%`;
}
