/** Output of the plan-text importer; the shape of `halfsky plan import --dry-run --json`. */
export type PlanKind = 'women' | 'children';
export const COMPARATORS = ['>=', '<=', '=', '~', 'increase', 'decrease'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface ParsedTarget {
  indicator: string;
  comparator: Comparator;
  /** For relative targets (`baseYear` set): the change in percent against the base year, signed. */
  value: number | null;
  unit: string | null;
  /** Milestone year; null when the text gives none (the plan's end year applies). */
  year: number | null;
  baseYear: number | null;
  /** Exact substring of the source text. */
  quote: string;
}

export interface ParsedItem {
  no: number;
  text: string;
  /** 1-based source lines the item spans (page-break continuations included). */
  lineStart: number;
  lineEnd: number;
}

export interface ParsedGoal extends ParsedItem {
  targets: ParsedTarget[];
}

export interface ParsedArea {
  no: number;
  title: string;
  line: number;
  goals: ParsedGoal[];
  measures: ParsedItem[];
}

export interface ParsedPlan {
  title: string;
  kind: PlanKind;
  periodStart: number;
  periodEnd: number;
  line: number;
  areas: ParsedArea[];
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParseResult {
  plans: ParsedPlan[];
  warnings: ParseWarning[];
}
