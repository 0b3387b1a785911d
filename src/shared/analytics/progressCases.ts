import type { AssessCase, AssessOptions, ProgressStatus } from './progress';

/**
 * Hand-computed progress cases, shared by the unit test, the `halfsky assess` test and the API
 * test so that all three check the same arithmetic.
 */
export type ProgressCaseRow = [name: string, c: AssessCase, status: ProgressStatus, ratio: number | null, projected: number | null, options?: AssessOptions];

export const gte = (value: number, year: number, series: [number, number][]): AssessCase => ({ comparator: '>=', value, year, series });
export const lte = (value: number, year: number, series: [number, number][]): AssessCase => ({ comparator: '<=', value, year, series });
const MMR = [[2020, 12], [2022, 11]] as [number, number][];

// Notation: g(a→b, n) = (b/a)^(1/n) − 1. Projection to T = v_t·(1+g)^(T−t); where T−t equals t−b it is v_t·(v_t/v_b).
export const PROGRESS_CASES: ProgressCaseRow[] = [
  // g(50→66,5) = 5.710%; g(50→80,10) = 4.812%; R = 1.1865; proj = 66·1.32 = 87.12
  ['higher-better, on track', gte(80, 2030, [[2020, 50], [2025, 66]]), 'on_track', 1.1865, 87.12],
  // g(50→60,5) = 3.714%; 4.812% required; R = 0.7717; proj = 60·1.2 = 72
  ['higher-better, moderate', gte(80, 2030, [[2020, 50], [2025, 60]]), 'moderate', 0.7717, 72],
  // g(50→52,5) = 0.787%; R = 0.787/4.812 = 0.1637; proj = 52·1.04 = 54.08
  ['higher-better, limited', gte(80, 2030, [[2020, 50], [2025, 52]]), 'limited', 0.1637, 54.08],
  // g(50→45,5) = −2.085%; R = −2.085/4.812 = −0.4333; proj = 45·0.9 = 40.5
  ['higher-better, deterioration', gte(80, 2030, [[2020, 50], [2025, 45]]), 'deterioration', -0.4333, 40.5],
  // 82 ≥ 80 → achieved; proj = 82·(82/50) = 134.48
  ['higher-better, achieved early', gte(80, 2030, [[2020, 50], [2025, 82]]), 'achieved', null, 134.48],
  // maternal mortality ≤ 7/10万: g(12→9,5) = −5.591%; g(12→7,10) = −5.247%; R = −1·(−5.591)/5.247 = 1.0656; proj = 9·0.75 = 6.75
  ['lower-better (maternal mortality ≤ 7 from 12), on track', lte(7, 2030, [[2020, 12], [2025, 9]]), 'on_track', 1.0656, 6.75],
  // g(12→10,5) = −3.581%; R = 3.581/5.247 = 0.6825; proj = 10·(10/12) = 8.3333
  ['lower-better, moderate', lte(7, 2030, [[2020, 12], [2025, 10]]), 'moderate', 0.6825, 8.3333],
  // g(12→11,2) = −4.257%; g(12→10,5) = −3.581%; R = 4.257/3.581 = 1.1889; proj = 11·0.957427³ = 9.6541
  ['same series, 2025 milestone ≤ 10', lte(10, 2025, MMR), 'on_track', 1.1889, 9.6541],
  // g(12→7,10) = −5.247%; R = 4.257/5.247 = 0.8113; proj = 11·0.957427⁸ = 11·(11/12)⁴ = 7.7667
  ['same series, 2030 milestone ≤ 7', lte(7, 2030, MMR), 'moderate', 0.8113, 7.7667],
  // band 50±2% = [49, 51]: 50.9 inside; proj = 50.9·(50.9/40) = 64.7703
  ['band ~, default tolerance, inside', { comparator: '~', value: 50, year: 2030, series: [[2020, 40], [2025, 50.9]] }, 'achieved', null, 64.7703],
  // 48.5 outside [49, 51]; d = +1; g(40→48.5,5) = 3.929%; g(40→50,10) = 2.257%; R = 1.7411; proj = 48.5·1.2125 = 58.8063
  ['band ~, default tolerance, outside', { comparator: '~', value: 50, year: 2030, series: [[2020, 40], [2025, 48.5]] }, 'on_track', 1.7411, 58.8063],
  // band 50±5% = [47.5, 52.5]: 48.5 inside; proj = 58.8063
  ['band ~, tolerance 5%, inside', { comparator: '~', value: 50, year: 2030, tolerance: 5, series: [[2020, 40], [2025, 48.5]] }, 'achieved', null, 58.8063],
  // '=' is a band: 50±1% = [49.5, 50.5], 49.2 outside; g(40→49.2,5) = 4.227%; R = 4.227/2.257 = 1.8733; proj = 49.2·1.23 = 60.516
  ['band =, tolerance 1%, outside', { comparator: '=', value: 50, year: 2030, tolerance: 1, series: [[2020, 40], [2025, 49.2]] }, 'on_track', 1.8733, 60.516],
  // band from above: 111 outside 100±2; d = sign(100−120) = −1; g(120→111,5) = −1.547%; g(120→100,10) = −1.807%; R = 0.8563; proj = 111·0.925 = 102.675
  ['band ~ approached from above, moderate', { comparator: '~', value: 100, year: 2030, series: [[2020, 120], [2025, 111]] }, 'moderate', 0.8563, 102.675],
  // target = baseline: d = 0, required rate 0 → ratio null, any miss is deterioration; proj = 55·1.1 = 60.5
  ['band ~ equal to the baseline, missed', { comparator: '~', value: 50, year: 2030, series: [[2020, 50], [2025, 55]] }, 'deterioration', null, 60.5],
  // 下降10% vs 2020: target = 200·0.9 = 180; 175 ≤ 180 → achieved; proj = 175·0.875 = 153.125
  ['relative 下降10%, met', { comparator: '<=', value: -10, baseYear: 2020, year: 2030, series: [[2020, 200], [2025, 175]] }, 'achieved', null, 153.125],
  // baseline is 2020 (not 2018): g(200→195,5) = −0.505%; g(200→180,10) = −1.048%; R = 0.4819; proj = 195·0.975 = 190.125
  ['relative 下降10%, not met', { comparator: '<=', value: -10, baseYear: 2020, year: 2030, series: [[2018, 210], [2020, 200], [2025, 195]] }, 'limited', 0.4819, 190.125],
  // 提高20%: target = 60; g(50→56,5) = 2.292%; g(50→60,10) = 1.840%; R = 1.2459; proj = 56·1.12 = 62.72
  ['relative 提高20%, on track', { comparator: '>=', value: 20, baseYear: 2020, year: 2030, series: [[2020, 50], [2025, 56]] }, 'on_track', 1.2459, 62.72],
  // no point at 2020 → insufficient; projected falls back to v_t = 190
  ['relative, base year missing', { comparator: '<=', value: -10, baseYear: 2020, year: 2030, series: [[2021, 200], [2025, 190]] }, 'insufficient_data', null, 190],
  // v_b 0 → 0.001: g(0.001→5,5) = 5000^0.2 − 1 = 449.28%; g(0.001→10,10) = 10^0.4 − 1 = 151.19%; R = 2.9717; proj = 5·5000 = 25000
  ['zero baseline', gte(10, 2030, [[2020, 0], [2025, 5]]), 'on_track', 2.9717, 25000],
  // target 0 → 0.001: g(4→1,5) = −24.214%; g(4→0.001,10) = −56.369%; R = 0.4296; proj = 1·0.25 = 0.25
  ['zero target, lower-better', lte(0, 2030, [[2020, 4], [2025, 1]]), 'limited', 0.4296, 0.25],
  // cleaned: 2020:50, 2023:57, 2025:61 (NaN dropped, last 2025 kept); g(50→61,5) = 4.057%; R = 4.057/4.812 = 0.8431; proj = 61·1.22 = 74.42
  ['gaps: unsorted, missing years, duplicate year, NaN', gte(80, 2030, [[2025, 60], [2021, Number.NaN], [2020, 50], [2023, 57], [2025, 61]]), 'moderate', 0.8431, 74.42],
  // NaN and Infinity dropped → one point, 50 < 80 → insufficient; proj = 50
  ['only one finite point', gte(80, 2030, [[2020, 50], [2024, Number.POSITIVE_INFINITY], [2025, Number.NaN]]), 'insufficient_data', null, 50],
  // 8.1 ≤ 10 → achieved from a single point; proj = 8.1
  ['single point, achieved', lte(10, 2025, [[2025, 8.1]]), 'achieved', null, 8.1],
  // 12 > 10 and no trend → insufficient; proj = 12
  ['single point, not achieved', lte(10, 2025, [[2023, 12]]), 'insufficient_data', null, 12],
  ['no data', gte(80, 2030, []), 'insufficient_data', null, null],
  // x = g(100→110,5) = 1.924% ≥ 1.5%; ratio = 1.924/1.5 = 1.2830; proj = 110·1.1 = 121
  ['qualitative increase, ≥ 1.5%/yr', { comparator: 'increase', value: null, year: 2030, series: [[2020, 100], [2025, 110]] }, 'on_track', 1.283, 121],
  // x = g(100→105,5) = 0.981% in [0.5%, 1.5%); ratio = 0.6537; proj = 105·1.05 = 110.25
  ['qualitative increase, 0.5–1.5%/yr', { comparator: 'increase', value: null, year: 2030, series: [[2020, 100], [2025, 105]] }, 'moderate', 0.6537, 110.25],
  // x = g(100→101,5) = 0.199% in [0, 0.5%); ratio = 0.1328; proj = 101·1.01 = 102.01
  ['qualitative increase, 0–0.5%/yr', { comparator: 'increase', value: null, year: 2030, series: [[2020, 100], [2025, 101]] }, 'limited', 0.1328, 102.01],
  // decrease, x = −g(100→103,5) = −0.593% < 0; ratio = −0.3953; proj = 103·1.03 = 106.09
  ['qualitative decrease, rising', { comparator: 'decrease', value: null, year: 2030, series: [[2020, 100], [2025, 103]] }, 'deterioration', -0.3953, 106.09],
  // decrease, x = −g(100→80,5) = 4.365%; ratio = 2.9098; proj = 80·0.8 = 64
  ['qualitative decrease, falling fast', { comparator: 'decrease', value: null, year: 2030, series: [[2020, 100], [2025, 80]] }, 'on_track', 2.9098, 64],
  // thresholds [0.9%, 0.2%]: x = 0.981% ≥ 0.9%; ratio = 0.981/0.9 = 1.0895; proj = 110.25
  ['qualitative, custom thresholds', { comparator: 'increase', value: null, year: 2030, series: [[2020, 100], [2025, 105]] }, 'on_track', 1.0895, 110.25, { qualitativeThresholds: [0.009, 0.002] }],
  // 年均增长7%: g(100→130,5) = 5.387%; R = 5.387/7 = 0.7696; proj = 130·1.3 = 169
  ['qualitative increase with 7%/yr required', { comparator: 'increase', value: 7, year: 2030, series: [[2020, 100], [2025, 130]] }, 'moderate', 0.7696, 169],
  // 年均下降3%: x = 4.365%; R = 4.365/3 = 1.4549; proj = 64
  ['qualitative decrease with 3%/yr required', { comparator: 'decrease', value: 3, year: 2030, series: [[2020, 100], [2025, 80]] }, 'on_track', 1.4549, 64],
  // milestone 2025 passed (t = 2026): g(50→70,6) = 5.768%; g(50→80,5) = 9.856%; R = 0.5852, rising → limited; proj = v_t = 70
  ['milestone passed, still rising', gte(80, 2025, [[2020, 50], [2026, 70]]), 'limited', 0.5852, 70],
  // t = T = 2025: g(50→75,5) = 8.447%; R = 0.8570 would be moderate, but the year is over → limited; proj = 75
  ['milestone year reached, not achieved', gte(80, 2025, [[2020, 50], [2025, 75]]), 'limited', 0.857, 75],
  // g(12→13,5) = +1.614%; g(12→7,5) = −10.219%; R = −0.1579, passed → deterioration; proj = 13
  ['milestone passed, moving away', lte(7, 2025, [[2020, 12], [2025, 13]]), 'deterioration', -0.1579, 13],
  // T = 2019 ≤ b = 2020: no required rate → ratio null; rising towards ≥ 80 → limited; proj = 60
  ['milestone before the baseline', gte(80, 2019, [[2020, 50], [2025, 60]]), 'limited', null, 60],
];
