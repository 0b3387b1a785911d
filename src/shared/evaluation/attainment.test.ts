import { describe, expect, it } from 'vitest';
import { assessProgress, type AssessCase, type ProgressStatus } from '../analytics/progress';
import { goalAttainmentRate, statusAtMilestone, suggestAttainment, type Attainment } from './attainment';

describe('attainment suggested from progress statuses', () => {
  it.each<[string, ProgressStatus[], Attainment]>([
    ['every target achieved', ['achieved', 'achieved'], 'met'],
    ['one target, achieved', ['achieved'], 'met'],
    ['half achieved, the rest on track', ['achieved', 'on_track'], 'partly'],
    ['achieved with one target lacking data', ['achieved', 'insufficient_data'], 'partly'],
    ['half achieved, one lagging', ['achieved', 'limited'], 'not_met'],
    ['a minority achieved', ['achieved', 'on_track', 'on_track'], 'not_met'],
    ['nothing achieved', ['moderate', 'deterioration'], 'not_met'],
    ['on track but not yet achieved', ['on_track'], 'not_met'],
    ['no data for any target', ['insufficient_data', 'insufficient_data'], 'unassessable'],
    ['no linked indicator', [], 'unassessable'],
  ])('%s → %s', (_what, statuses, attainment) => {
    expect(suggestAttainment(statuses)).toBe(attainment);
  });

  // The statuses come from the analytics assessment, which knows the direction of each target.
  const at2025 = (c: Omit<AssessCase, 'year'>) => assessProgress({ year: 2025, ...c }).status;
  it.each<[string, ProgressStatus[], Attainment]>([
    ['lower-better met: 孕产妇死亡率 ≤ 10 reached 8', [at2025({ comparator: '<=', value: 10, series: [[2020, 12], [2024, 8]] })], 'met'],
    ['lower-better not met: rising above the ceiling', [at2025({ comparator: '<=', value: 10, series: [[2020, 11], [2024, 13]] })], 'not_met'],
    ['band met: 出生人口性别比 within 107 ± 2%', [at2025({ comparator: '~', value: 107, series: [[2020, 110], [2024, 108]] })], 'met'],
    ['band not met: far outside it', [at2025({ comparator: '~', value: 107, series: [[2020, 112], [2024, 116]] })], 'not_met'],
    ['a higher-better and a lower-better target, both met', [at2025({ comparator: '>=', value: 90, series: [[2020, 85], [2024, 93]] }), at2025({ comparator: '<=', value: 10, series: [[2020, 12], [2024, 9]] })], 'met'],
    ['no data for the lower-better target', [at2025({ comparator: '<=', value: 10, series: [] })], 'unassessable'],
  ])('%s', (_what, statuses, attainment) => {
    expect(suggestAttainment(statuses)).toBe(attainment);
  });

  it('counts 达标率 over the goals that could be judged', () => {
    expect(goalAttainmentRate(['met', 'partly', 'not_met', 'unassessable', 'met'])).toEqual({ met: 2, assessable: 4, rate: 0.5 });
    expect(goalAttainmentRate(['unassessable'])).toEqual({ met: 0, assessable: 0, rate: null });
  });
});

describe('a target’s status at the round’s milestone', () => {
  it.each<[ProgressStatus, number, number, ProgressStatus]>([
    ['on_track', 2030, 2025, 'achieved'],
    ['on_track', 2025, 2025, 'on_track'],
    ['moderate', 2030, 2025, 'moderate'],
    ['achieved', 2030, 2025, 'achieved'],
    ['insufficient_data', 2030, 2025, 'insufficient_data'],
  ])('%s towards %i at %i counts as %s', (status, targetYear, milestone, counted) => {
    expect(statusAtMilestone(status, targetYear, milestone)).toBe(counted);
  });
});
