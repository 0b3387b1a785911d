/*
 * Cell text of a key-items table as people copy it out of Word or WPS: cells wrapped inside a word
 * leave stray spaces (「建立学校 家庭社会 协同育人 机制」), several units share one cell.
 */

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’、。，；：？！（）《》〔〕【】';

const SPACE_BESIDE_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');

/** Trimmed, runs of spaces made one, and no space next to a Chinese character (Chinese text has none; a wrap left it). */
export function cleanCell(raw: string): string {
  return raw.replace(/[\u3000\u00a0]/g, ' ').replace(/\s+/g, ' ').trim().replace(SPACE_BESIDE_CJK, '');
}

/** How the name of a unit or office ends; a piece without such an ending was wrapped and goes on in the next piece. */
const UNIT_ENDING = /(局|委|会|联|院|办|府|部|厅|中心|团|队|所|馆|社|处|室|站|公司|协|行|庭|校|台|组|委员会|政府)$/;

/**
 * The units of one cell: separated by 、，；/ or spaces, where a piece that does not end like the
 * name of a unit (「市人力资源」) joins the next one (「社会保障局」).
 */
export function splitUnits(cell: string): string[] {
  const units: string[] = [];
  for (const part of cell.split(/[、，,；;／/\n]+/)) {
    let pending = '';
    for (const token of part.replace(/[\u3000\u00a0]/g, ' ').split(/\s+/).filter(Boolean)) {
      pending += token;
      if (UNIT_ENDING.test(pending)) {
        units.push(pending);
        pending = '';
      }
    }
    if (pending) units.push(pending);
  }
  return [...new Set(units)];
}

export interface DepartmentName {
  id: number;
  name: string;
  shortName: string;
}

/** A unit's name without what differs between how tables and the member list write it: the level prefix, 和, spaces. */
function core(name: string, unitName: string): string {
  let n = name.replace(/\s+/g, '');
  if (unitName && n.startsWith(unitName)) n = n.slice(unitName.length);
  const cityless = unitName.replace(/(市|区|县)$/, '');
  if (cityless && n.startsWith(cityless)) n = n.slice(cityless.length);
  // 团市委 / 团区委 are the 共青团 committee of the place.
  if (/^团(市|区|县)委$/.test(n) || /^共青团.*委员会$/.test(n)) return '团委';
  return n.replace(/^(市|区|县)/, '').replace(/和/g, '');
}

/**
 * The member department a table's unit name means, or null: the same name once the level
 * prefix is dropped (「市教育局」 → 大连市教育局), the short name (「市妇联」 → 妇联), or one name
 * starting the other (「市卫生健康委」 → 卫生健康委员会).
 */
export function matchDepartment<D extends DepartmentName>(name: string, departments: readonly D[], unitName: string): D | null {
  const wanted = core(name, unitName);
  if (!wanted) return null;
  const exact = departments.find((d) => core(d.name, unitName) === wanted || d.shortName === wanted);
  if (exact) return exact;
  const prefixed = departments.filter((d) => {
    const c = core(d.name, unitName);
    return Math.min(c.length, wanted.length) >= 4 && (c.startsWith(wanted) || wanted.startsWith(c));
  });
  return prefixed.length === 1 ? prefixed[0]! : null;
}
