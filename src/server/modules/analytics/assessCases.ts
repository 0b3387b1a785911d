import { assessProgress, type Assessment } from '../../../shared/analytics/progress';
import type { AssessCase } from '../../../shared/api/assess';

export type AssessedCase = AssessCase & Assessment;

/** Each case as given, followed by its assessment (status, ratio and projected first). */
export function assessCases(cases: AssessCase[]): AssessedCase[] {
  return cases.map((c) => {
    const { status, ratio, projected, ...rest } = assessProgress({ ...c, series: c.series.map(([y, v]): [number, number] => [y, v ?? Number.NaN]) });
    return { ...c, status, ratio, projected, ...rest };
  });
}
