import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataElementDto, IndicatorDto } from '../../../../shared/api/indicators';
import { canonicalInput } from '../dto';
import { dictionaryWorkbook } from './exportXlsx';
import { errorList, parseDictionary } from './parseXlsx';

const DEPARTMENTS = new Map([['卫健委', 11], ['教育局', 12]]);

const de = (id: number, code: string, name: string): DataElementDto => ({ id, code, name, unit: '人', valueType: 'count', categories: '' });

const base = {
  definition: null, caliber: null, categories: '' as const, responsibleDepartmentId: 11, responsibleDept: '卫健委', dataSource: '妇幼卫生年报',
  baselineYear: null, baselineValue: null, minValue: null, maxValue: null, yoyThreshold: null, tolerance: null, decimals: 2,
  published: false, planTargetId: null, source: null, isDemo: false, updatedAt: '2024-01-01T00:00:00.000Z', aliases: [],
};

const INDICATORS: IndicatorDto[] = [
  {
    ...base, id: 1, code: 'W01_022', name: '孕产妇死亡率', unit: '/10万', direction: 'lower', baselineYear: 2020, baselineValue: 7.16,
    formula: { type: 'ratio', numerator: de(1, 'MAT_DEATHS', '孕产妇死亡人数'), denominator: de(2, 'LIVE_BIRTHS', '活产数'), factor: 100_000 },
    targets: [{ year: 2025, comparator: '<=', value: 9, baseYear: null }, { year: 2030, comparator: '<=', value: 8, baseYear: null }],
  },
  {
    ...base, id: 2, code: 'W02_051', name: '九年义务教育巩固率', unit: '%', direction: 'higher', categories: 'sex', responsibleDepartmentId: 12, responsibleDept: '教育局',
    formula: { type: 'direct', value: { id: 3, code: 'EDU9', name: '九年义务教育巩固率', unit: '%', valueType: 'rate', categories: 'sex' } },
    targets: [{ year: 2030, comparator: '>=', value: 97, baseYear: null }],
  },
];

async function exported(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await dictionaryWorkbook(INDICATORS, ['卫健委', '教育局'])) as unknown as ArrayBuffer);
  return workbook;
}

async function parseEdited(edit: (wb: ExcelJS.Workbook) => void) {
  const workbook = await exported();
  edit(workbook);
  const parsed = await parseDictionary(new Uint8Array(await workbook.xlsx.writeBuffer()), DEPARTMENTS);
  return { ...parsed, lines: errorList(parsed.errors) };
}

const cell = (wb: ExcelJS.Workbook, sheet: string, address: string) => wb.getWorksheet(sheet)!.getCell(address);

describe('indicator dictionary xlsx', () => {
  it('reads back exactly what it wrote', async () => {
    const { indicators, lines } = await parseEdited(() => {});
    expect(lines).toEqual([]);
    expect(indicators.map((p) => p.input)).toEqual(INDICATORS.map(canonicalInput));
    expect(indicators.map((p) => [p.row, p.targetRows])).toEqual([[2, [2, 3]], [3, [4]]]);
  });

  it('writes a frozen, styled header, drop-down lists and a hidden format sheet', async () => {
    const workbook = await exported();
    const sheet = workbook.getWorksheet('指标')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"越高越好,越低越好,保持区间"'] });
    expect(sheet.getCell('T2').dataValidation?.formulae).toEqual(["'格式版本'!$D$2:$D$3"]);
    expect(workbook.getWorksheet('目标值')!.getCell('C2').dataValidation?.formulae).toEqual(['"≥,≤,=,≈,提高,降低"']);
    expect(workbook.getWorksheet('格式版本')!.state).toBe('hidden');
  });

  it('takes in edits: a new unit, a ratio made direct, a target added, labels or raw values', async () => {
    const { indicators, lines } = await parseEdited((wb) => {
      cell(wb, '指标', 'C2').value = '/10万活产';
      cell(wb, '目标值', 'C4').value = '>=';
      wb.getWorksheet('目标值')!.addRow(['W02_051', 2025, '≥', 96, null]);
    });
    expect(lines).toEqual([]);
    expect(indicators[0]!.input.unit).toBe('/10万活产');
    expect(indicators[1]!.input.targets).toEqual([{ year: 2025, comparator: '>=', value: 96, baseYear: null }, { year: 2030, comparator: '>=', value: 97, baseYear: null }]);
  });

  it.each<[string, (wb: ExcelJS.Workbook) => void, string[]]>([
    ['a unit that is too long', (wb) => { cell(wb, '指标', 'C2').value = '很长很长很长很长很长很长很长很长很长很长很长'; }, ['指标 第 2 行 C 列（单位）：单位不能超过 20 个字']],
    ['a direction not in the list', (wb) => { cell(wb, '指标', 'D3').value = '越多越好'; }, ['指标 第 3 行 D 列（方向）：“越多越好”不是可选值，应为 越高越好、越低越好、保持区间 之一']],
    ['text in a number column', (wb) => { cell(wb, '指标', 'W2').value = '七点一六'; }, ['指标 第 2 行 W 列（基线值）：“七点一六”不是数字']],
    ['a bad code and an empty name', (wb) => { cell(wb, '指标', 'A3').value = 'w02'; cell(wb, '指标', 'B3').value = null; }, [
      '指标 第 3 行 A 列（指标代码）：指标代码应以大写字母开头，只含大写字母、数字和下划线，共 2–32 位',
      '指标 第 3 行 B 列（指标名称）：请填写指标名称',
      '目标值 第 4 行 A 列（指标代码）：指标“W02_051”不在“指标”工作表中',
    ]],
    ['a blank direction and a blank element type', (wb) => { cell(wb, '指标', 'D2').value = null; cell(wb, '指标', 'L3').value = null; }, [
      '指标 第 2 行 D 列（方向）：请选择方向',
      '指标 第 3 行 L 列（数值/分子类型）：请选择数据元素类型',
    ]],
    ['no formula type', (wb) => { cell(wb, '指标', 'G3').value = null; }, ['指标 第 3 行 G 列（计算方式）：请选择计算方式']],
    ['a ratio without a factor', (wb) => { cell(wb, '指标', 'H2').value = null; }, ['指标 第 2 行 H 列（系数）：系数应为数字']],
    ['a rate as numerator', (wb) => { cell(wb, '指标', 'L2').value = '率/比例'; }, ['指标 第 2 行 L 列（数值/分子类型）：分子数据元素应为可加总的人数/个数或数量，不能是率/比例']],
    ['a duplicate code', (wb) => { cell(wb, '指标', 'A3').value = 'W01_022'; }, [
      '指标 第 3 行 A 列（指标代码）：指标代码“W01_022”与第 2 行重复',
      '目标值 第 4 行 A 列（指标代码）：指标“W02_051”不在“指标”工作表中',
    ]],
    ['one data element defined two ways', (wb) => { cell(wb, '指标', 'J3').value = 'LIVE_BIRTHS'; cell(wb, '指标', 'K3').value = '出生数'; }, [
      '指标 第 3 行 J 列（数值/分子代码）：数据元素“LIVE_BIRTHS”与第 2 行的定义不同：名称、单位、类型和分组应一致',
    ]],
    ['a target year twice and a missing value', (wb) => { cell(wb, '目标值', 'B3').value = 2025; cell(wb, '目标值', 'D3').value = null; }, [
      '目标值 第 3 行 B 列（年份）：目标年份 2025 重复',
      '目标值 第 3 行 D 列（目标值）：2025 年目标值：定量目标必须填写目标值',
    ]],
    ['a target without year or comparator', (wb) => { cell(wb, '目标值', 'B2').value = null; cell(wb, '目标值', 'C2').value = null; }, [
      '目标值 第 2 行 B 列（年份）：请填写目标年份',
      '目标值 第 2 行 C 列（比较方式）：请选择比较方式',
    ]],
    ['a fractional year and an unknown comparator', (wb) => { cell(wb, '目标值', 'B2').value = 2025.5; cell(wb, '目标值', 'C3').value = '大于'; }, [
      '目标值 第 2 行 B 列（年份）：“2025.5”应为整数',
      '目标值 第 3 行 C 列（比较方式）：“大于”不是可选值，应为 ≥、≤、=、≈、提高、降低 之一',
    ]],
  ])('lists every error of %s by sheet, row and column', async (_name, edit, expected) => {
    const { lines } = await parseEdited(edit);
    expect(lines).toEqual(expected);
  });

  it.each<[string, (wb: ExcelJS.Workbook) => void, string]>([
    ['no format sheet', (wb) => { wb.removeWorksheet(wb.getWorksheet('格式版本')!.id); }, '不是本系统导出的指标字典文件：缺少“格式版本”工作表'],
    ['another format stamp', (wb) => { cell(wb, '格式版本', 'B1').value = 'something-else'; }, '不是本系统导出的指标字典文件：“格式版本”工作表中没有本系统的格式标记'],
    ['another version', (wb) => { cell(wb, '格式版本', 'B2').value = 2; }, '文件格式版本为 2，本系统只能导入版本 1 的指标字典，请重新导出后再编辑'],
    ['a renamed header', (wb) => { cell(wb, '指标', 'C1').value = '计量单位'; }, '不是本系统导出的指标字典文件：“指标”工作表 C 列的表头应为“单位”，实为“计量单位”'],
    ['a missing target sheet', (wb) => { wb.removeWorksheet(wb.getWorksheet('目标值')!.id); }, '不是本系统导出的指标字典文件：缺少“目标值”工作表'],
  ])('refuses a file with %s', async (_name, edit, reason) => {
    await expect(parseEdited(edit)).rejects.toThrow(reason);
  });

  it('refuses an export without indicators', async () => {
    await expect(parseDictionary(await dictionaryWorkbook([], []), DEPARTMENTS)).rejects.toThrow('“指标”工作表中没有指标');
  });

  it('refuses what is not an xlsx file at all', async () => {
    await expect(parseDictionary(new TextEncoder().encode('代码,名称\nW01,孕产妇死亡率'), DEPARTMENTS)).rejects.toThrow('无法读取文件：不是 .xlsx 格式，或文件已损坏');
  });
});
