import { describe, expect, it } from 'vitest';
import { toAdx, toSdmxCsv } from './exchange';
import type { Observation } from '../portal/indicatorsService';

const obs = (over: Partial<Observation>): Observation => ({
  indicatorCode: 'W_MMR', indicatorName: '孕产妇死亡率', unitCode: '210200', unitName: '大连市', measureUnit: '1/10万', option: 'total', year: 2024, value: 8.456, decimals: 1, ...over,
});

describe('statistical exchange formats', () => {
  const rows = [obs({}), obs({ option: 'female', indicatorCode: 'W_EMP', value: 45.25, decimals: 2, measureUnit: '%' }), obs({ option: 'rural', unitCode: '210203', year: 2025, value: 3 }), obs({ option: 'age60', indicatorCode: 'P_POP', measureUnit: '人', value: 120000, decimals: 0 })];

  it('writes SDMX-CSV 2.0 with coded dimensions and values rounded as published', () => {
    expect(toSdmxCsv(rows).trim().split(/\r?\n/)).toEqual([
      'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,SEX,URBANISATION,AGE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE',
      'dataflow,HALFSKY:DF_WCDP(1.0),I,210200,W_MMR,_T,_T,_T,2024,8.5,1/10万',
      'dataflow,HALFSKY:DF_WCDP(1.0),I,210200,W_EMP,F,_T,_T,2024,45.25,%',
      'dataflow,HALFSKY:DF_WCDP(1.0),I,210203,W_MMR,_T,R,_T,2025,3,1/10万',
      'dataflow,HALFSKY:DF_WCDP(1.0),I,210200,P_POP,_T,_T,Y_GE60,2024,120000,人',
    ]);
  });

  it('writes ADX with one group per unit and year', () => {
    const xml = toAdx(rows, '2026-12-02T00:00:00Z');
    expect(xml).toContain('<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-12-02T00:00:00Z">');
    expect(xml.match(/<group /g)).toHaveLength(2);
    expect(xml).toContain('<group orgUnit="210200" period="2024-01-01/P1Y" dataSet="HALFSKY_WCDP">');
    expect(xml).toContain('<dataValue dataElement="W_MMR" value="8.5"/>');
    expect(xml).toContain('<dataValue dataElement="W_EMP" SEX="F" value="45.25"/>');
    expect(xml).toContain('<dataValue dataElement="W_MMR" URBANISATION="R" value="3"/>');
    expect(xml).toContain('<dataValue dataElement="P_POP" AGE="Y_GE60" value="120000"/>');
  });

  it('escapes codes in XML attributes', () => {
    expect(toAdx([obs({ indicatorCode: 'A&B"<' })], 'x')).toContain('dataElement="A&amp;B&quot;&lt;"');
  });
});
