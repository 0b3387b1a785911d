import { describe, expect, it } from 'vitest';
import { caliberChangeYear, findingText, type FindingFigures } from './findings';

const base: FindingFigures = {
  name: '孕产妇系统管理率', unit: '%', decimals: 1, direction: 'higher', year: 2024,
  latest: { year: 2024, value: 62 }, previous: { year: 2023, value: 60.5 }, base: { year: 2020, value: 55 },
  target: { year: 2030, text: '≥ 70.0%', status: 'moderate', reason: '按 2020—2024 年年均增速，2030 年预计为 66.0%' },
  caliberFrom: null, parts: {},
};

describe('findingText', () => {
  it.each<[string, Partial<FindingFigures>, string, string[]]>([
    ['a rise of a rate', {}, '孕产妇系统管理率稳步提高', [
      '2024年孕产妇系统管理率为 62.0%，比上年提高 1.5 个百分点，比2020年（基期）提高 7.0 个百分点。',
      '距2030年“≥ 70.0%”的目标仍有差距，进展评估为“需加快”：按 2020—2024 年年均增速，2030 年预计为 66.0%。',
    ]],
    ['a fall of a rate that should fall', { name: '婴儿死亡率', unit: '‰', direction: 'lower', latest: { year: 2024, value: 3.2 }, previous: { year: 2023, value: 3.6 }, base: { year: 2020, value: 4.1 }, target: null },
      '婴儿死亡率持续下降', ['2024年婴儿死亡率为 3.2‰，比上年下降 0.4 个千分点，比2020年（基期）下降 0.9 个千分点。']],
    ['a fall of a count that should rise', { name: '女性社会组织数', unit: '个', decimals: 0, latest: { year: 2024, value: 90 }, previous: { year: 2023, value: 100 }, base: null, target: null },
      '女性社会组织数有所下降', ['2024年女性社会组织数为 90 个，比上年下降 10.0%（减少 10 个）。']],
    ['a rise of a rate that should fall', { name: '剖宫产率', direction: 'lower', latest: { year: 2024, value: 41 }, previous: { year: 2023, value: 40 }, base: null, target: null },
      '剖宫产率有所上升', ['2024年剖宫产率为 41.0%，比上年提高 1.0 个百分点。']],
    ['no change', { previous: { year: 2023, value: 62 }, base: null, target: null }, '孕产妇系统管理率与上年持平', ['2024年孕产妇系统管理率为 62.0%，与上年持平。']],
    ['a target met', { target: { year: 2025, text: '≥ 60.0%', status: 'achieved', reason: '' } }, '孕产妇系统管理率已实现规划目标', [
      '2024年孕产妇系统管理率为 62.0%，比上年提高 1.5 个百分点，比2020年（基期）提高 7.0 个百分点。',
      '已实现2025年“≥ 60.0%”的规划目标。',
    ]],
    ['no data at all', { latest: null, previous: null, base: null }, '孕产妇系统管理率暂无监测数据', [
      '截至2024年，孕产妇系统管理率尚无监测数据，有关部门需按统计口径报送。2030年目标为“≥ 70.0%”。',
    ]],
    ['data only of an earlier year', { latest: { year: 2023, value: 60.5 }, previous: { year: 2022, value: 60.5 }, base: null, target: null }, '孕产妇系统管理率与上年持平', [
      '2023年孕产妇系统管理率为 60.5%（2024年数据尚未报送，为最近一年数据），与上年持平。',
    ]],
    ['a 口径 change between last year and this', { caliberFrom: 2024, target: null }, '孕产妇系统管理率为 62.0%', [
      '2024年孕产妇系统管理率为 62.0%，因统计口径自2024年起调整，与上年不可直接比较，与2020年（基期）口径不同。',
    ]],
    ['a 口径 change after the base year only', { caliberFrom: 2022, target: null }, '孕产妇系统管理率稳步提高', [
      '2024年孕产妇系统管理率为 62.0%，比上年提高 1.5 个百分点，与2020年（基期）口径不同。',
    ]],
    ['parts by sex and area', { target: null, base: null, parts: { female: 61, male: 63, urban: 64, rural: 58 } }, '孕产妇系统管理率稳步提高', [
      '2024年孕产妇系统管理率为 62.0%，比上年提高 1.5 个百分点。',
      '分性别看，女性 61.0%、男性 63.0%；分城乡看，城镇 64.0%、乡村 58.0%。',
    ]],
    ['insufficient data for the target', { previous: null, base: null, target: { year: 2030, text: '≥ 70.0%', status: 'insufficient_data', reason: '只有一年数据' } }, '孕产妇系统管理率为 62.0%', [
      '2024年孕产妇系统管理率为 62.0%。',
      '2030年目标为“≥ 70.0%”，现有数据不足以评估进展（只有一年数据）。',
    ]],
  ])('%s', (_, change, expectedHeadline, expectedSentences) => {
    expect(findingText({ ...base, ...change })).toEqual({ headline: expectedHeadline, sentences: expectedSentences });
  });
});

describe('caliberChangeYear', () => {
  it.each<[string | null, number | null]>([
    ['自2023年起按常住人口统计', 2023],
    ['2022年起含流动儿童', 2022],
    ['按户籍人口统计', null],
    [null, null],
    ['2023年数据', null],
  ])('%s → %s', (text, year) => expect(caliberChangeYear(text)).toBe(year));
});
