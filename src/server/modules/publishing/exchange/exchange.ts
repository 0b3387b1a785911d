import { neutraliseCell, toCsv } from '../../../../shared/interop/csv';
import type { OptionCode } from '../../../../shared/monitoring/validation';
import type { Observation } from '../portal/indicatorsService';

/** Our dataflow as SDMX and ADX name it. */
export const DATAFLOW = { agency: 'HALFSKY', id: 'DF_WCDP', version: '1.0', dataSet: 'HALFSKY_WCDP' } as const;

/**
 * The SDMX dimensions of our options, each with its code list (CL_SEX, CL_URBANISATION, CL_AGE in
 * SDMX's Y0T14 / Y15T59 / Y_GE60 notation). An observation of a part carries that part's code in its
 * dimension and `_T` (total) in the others, so a part is never read as a total; the total is `_T`
 * everywhere. Every part option has a code: the Record's type makes a new one fail to compile here.
 */
type Dimension = 'SEX' | 'URBANISATION' | 'AGE';
const DIMENSIONS: readonly Dimension[] = ['SEX', 'URBANISATION', 'AGE'];
const PART_CODES: Record<Exclude<OptionCode, 'total'>, [Dimension, string]> = {
  female: ['SEX', 'F'],
  male: ['SEX', 'M'],
  urban: ['URBANISATION', 'U'],
  rural: ['URBANISATION', 'R'],
  age0_14: ['AGE', 'Y0T14'],
  age15_59: ['AGE', 'Y15T59'],
  age60: ['AGE', 'Y_GE60'],
};

/** The observation's code in each dimension, in DIMENSIONS order. */
const codesOf = (o: Observation): string[] => {
  const part = o.option === 'total' ? null : PART_CODES[o.option];
  return DIMENSIONS.map((d) => (part?.[0] === d ? part[1] : '_T'));
};
/** The published figure: rounded as the indicator is shown. */
const published = (o: Observation) => Number(o.value.toFixed(o.decimals));

/** SDMX-CSV 2.0: one observation per row, dimensions by code. */
export function toSdmxCsv(observations: readonly Observation[]): string {
  const structure = `${DATAFLOW.agency}:${DATAFLOW.id}(${DATAFLOW.version})`;
  return toCsv([
    ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'REF_AREA', 'INDICATOR', ...DIMENSIONS, 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE'],
    ...observations.map((o) => ['dataflow', structure, 'I', o.unitCode, o.indicatorCode, ...codesOf(o), o.year, published(o), o.measureUnit ?? '']),
  ]);
}

/** An attribute value, escaped for XML and neutralised against formulas for people who open the file in Excel. */
const xmlAttr = (s: string | number) => String(neutraliseCell(s)).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** IHE ADX: one group per unit and year, disaggregations as SEX / URBANISATION / AGE attributes. */
export function toAdx(observations: readonly Observation[], exported: string): string {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.unitCode}\u0000${o.year}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<adx xmlns="urn:ihe:qrph:adx:2015" exported="${xmlAttr(exported)}">`];
  for (const list of groups.values()) {
    const { unitCode, year } = list[0]!;
    lines.push(`  <group orgUnit="${xmlAttr(unitCode)}" period="${year}-01-01/P1Y" dataSet="${DATAFLOW.dataSet}">`);
    for (const o of list) {
      const parts = [`dataElement="${xmlAttr(o.indicatorCode)}"`];
      // ADX leaves out a disaggregation that is the total.
      codesOf(o).forEach((code, i) => code !== '_T' && parts.push(`${DIMENSIONS[i]}="${code}"`));
      parts.push(`value="${published(o)}"`);
      lines.push(`    <dataValue ${parts.join(' ')}/>`);
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return `${lines.join('\n')}\n`;
}
