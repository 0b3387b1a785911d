/**
 * The in-memory analytics model, pure: org units in an array ordered children-before-parents,
 * and per indicator and disaggregation option a unit × year grid of numerators and denominators.
 * Aggregation walks the tree once, so a national tree costs O(units × years) per grid.
 */

export interface UnitIndex {
  ids: number[];
  indexOf: Map<number, number>;
  /** Parent position, -1 for a root. */
  parent: Int32Array;
  /** Positions with every child before its parent. */
  postOrder: Int32Array;
  children: number[][];
}

export function buildUnitIndex(nodes: readonly { id: number; parentId: number | null }[]): UnitIndex {
  const ids = nodes.map((n) => n.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const parent = new Int32Array(ids.length).fill(-1);
  const children: number[][] = ids.map(() => []);
  nodes.forEach((n, i) => {
    const p = n.parentId === null ? undefined : indexOf.get(n.parentId);
    if (p !== undefined) {
      parent[i] = p;
      children[p]!.push(i);
    }
  });
  const postOrder = new Int32Array(ids.length);
  let next = 0;
  // Iterative depth-first walk: national trees are deep enough to make recursion a risk.
  const stack: [number, number][] = [];
  for (let root = 0; root < ids.length; root++) {
    if (parent[root] !== -1) continue;
    stack.push([root, 0]);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const kids = children[top[0]]!;
      if (top[1] < kids.length) stack.push([kids[top[1]++]!, 0]);
      else {
        postOrder[next++] = top[0];
        stack.pop();
      }
    }
  }
  return { ids, indexOf, parent, postOrder: postOrder.subarray(0, next), children };
}

export interface YearSpan {
  first: number;
  count: number;
}

/**
 * How a grid's figures combine over sub-units: ratio (sum numerators and denominators, then
 * divide), sum (counts and amounts), or none (reported rates without their parts).
 */
export type AggregationRule = 'ratio' | 'sum' | 'none';

/** Reported figures, position = unit × years.count + (year − years.first); NaN where not reported. */
export interface ReportedGrid {
  num: Float64Array;
  den: Float64Array | null;
}

export interface AggregatedGrid {
  num: Float64Array;
  den: Float64Array | null;
  /** The indicator's value: num / den × factor, or num; NaN where none. */
  value: Float64Array;
  /** 1 where the figure is a sum over sub-units rather than the unit's own report. */
  fromSubUnits: Uint8Array;
}

export function emptyGrid(units: number, years: YearSpan, withDenominator: boolean): ReportedGrid {
  const size = units * years.count;
  return { num: new Float64Array(size).fill(NaN), den: withDenominator ? new Float64Array(size).fill(NaN) : null };
}

/**
 * A unit's figure is its own report where it has one, otherwise the ratio of sums (never the mean
 * of rates) or the sum over its sub-units, but only in a year when every sub-unit that ever has a
 * figure has one: a roll-up over whichever districts happened to report (or be approved) would
 * swing with the mix, not with the facts.
 */
export function aggregateGrid(index: UnitIndex, years: YearSpan, grid: ReportedGrid, rule: AggregationRule, factor: number): AggregatedGrid {
  const size = grid.num.length;
  const Y = years.count;
  const num = new Float64Array(size).fill(NaN);
  const den = grid.den ? new Float64Array(size).fill(NaN) : null;
  const value = new Float64Array(size).fill(NaN);
  const fromSubUnits = new Uint8Array(size);
  const sumNum = new Float64Array(size);
  const sumDen = den ? new Float64Array(size) : null;
  const reporting = new Uint32Array(size);
  /** Sub-units with a figure in any year, per unit. */
  const expected = new Uint32Array(index.ids.length);
  const { postOrder, parent } = index;
  const reportedNum = grid.num;
  const reportedDen = grid.den;

  for (let k = 0; k < postOrder.length; k++) {
    const u = postOrder[k]!;
    const p = parent[u]!;
    let hasAny = false;
    for (let y = 0, at = u * Y; y < Y; y++, at++) {
      let n = reportedNum[at]!;
      let d = reportedDen ? reportedDen[at]! : 1;
      if (!(n === n && d === d)) {
        if (rule === 'none' || reporting[at] === 0 || reporting[at] !== expected[u]) continue;
        n = sumNum[at]!;
        d = sumDen ? sumDen[at]! : 1;
        fromSubUnits[at] = 1;
      }
      hasAny = true;
      num[at] = n;
      if (den) den[at] = d;
      value[at] = den ? (d === 0 ? NaN : (n / d) * factor) : n;
      if (p >= 0) {
        const up = p * Y + y;
        sumNum[up] = sumNum[up]! + n;
        if (sumDen) sumDen[up] = sumDen[up]! + d;
        reporting[up] = reporting[up]! + 1;
      }
    }
    if (hasAny && p >= 0) expected[p] = expected[p]! + 1;
  }
  return { num, den, value, fromSubUnits };
}

/** A unit's [year, value] points of an aggregated grid, from `fromYear` on. */
export function seriesOf(grid: AggregatedGrid, unit: number, years: YearSpan, fromYear = years.first): [number, number][] {
  const out: [number, number][] = [];
  const start = Math.max(0, fromYear - years.first);
  for (let y = start, at = unit * years.count + start; y < years.count; y++, at++) {
    const v = grid.value[at]!;
    if (v === v) out.push([years.first + y, v]);
  }
  return out;
}
