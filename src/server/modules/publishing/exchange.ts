import { toCsv } from '../../../shared/interop/csv';
import type { Observation } from './service';

/** Our dataflow as SDMX and ADX name it. */
export const DATAFLOW = { agency: 'HALFSKY', id: 'DF_WCDP', version: '1.0', dataSet: 'HALFSKY_WCDP' } as const;

/** SDMX code lists: CL_SEX and CL_URBANISATION, `_T` for the total. */
const SEX = { female: 'F', male: 'M' } as const;
const URBANISATION = { urban: 'U', rural: 'R' } as const;

const sexOf = (o: Observation) => (o.option === 'female' || o.option === 'male' ? SEX[o.option] : '_T');
const urbanisationOf = (o: Observation) => (o.option === 'urban' || o.option === 'rural' ? URBANISATION[o.option] : '_T');
/** The published figure: rounded as the indicator is shown. */
const published = (o: Observation) => Number(o.value.toFixed(o.decimals));

/** SDMX-CSV 2.0: one observation per row, dimensions by code. */
export function toSdmxCsv(observations: readonly Observation[]): string {
  const structure = `${DATAFLOW.agency}:${DATAFLOW.id}(${DATAFLOW.version})`;
  return toCsv([
    ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'REF_AREA', 'INDICATOR', 'SEX', 'URBANISATION', 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE'],
    ...observations.map((o) => ['dataflow', structure, 'I', o.unitCode, o.indicatorCode, sexOf(o), urbanisationOf(o), o.year, published(o), o.measureUnit ?? '']),
  ]);
}

const xmlAttr = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** IHE ADX: one group per unit and year, disaggregations as SEX / URBANISATION attributes. */
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
      if (sexOf(o) !== '_T') parts.push(`SEX="${sexOf(o)}"`);
      if (urbanisationOf(o) !== '_T') parts.push(`URBANISATION="${urbanisationOf(o)}"`);
      parts.push(`value="${published(o)}"`);
      lines.push(`    <dataValue ${parts.join(' ')}/>`);
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return `${lines.join('\n')}\n`;
}
