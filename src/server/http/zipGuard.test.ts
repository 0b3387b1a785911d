import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip, type ZipPart } from '../../../test/support/zipFiles';
import { AppError } from '../errors';
import { assertZipWithinLimits, ZIP_LIMITS } from './zipGuard';

const MB = 1024 * 1024;
const unreadable = () => new Error('unreadable');

async function realXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('数据').addRow(['指标', 3.5]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function outcome(bytes: Uint8Array): string {
  try {
    assertZipWithinLimits(bytes, '.xlsx', unreadable);
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return `${e.statusCode} ${e.message}`;
    return (e as Error).message;
  }
}

const sheet = (rows: number) =>
  Buffer.from(`<worksheet><sheetData>${Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 100_003}</v></c></row>`).join('')}</sheetData></worksheet>`);

describe('zip upload guard', () => {
  it('lets a real xlsx through, also one rebuilt entry by entry', async () => {
    const bytes = await realXlsx();
    expect(outcome(bytes)).toBe('ok');
    expect(outcome(writeZip(readZip(bytes)))).toBe('ok');
  });

  it.each<[string, () => ZipPart[], string]>([
    ['a bomb: one entry inflating far past the total', () => [{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(ZIP_LIMITS.inflatedBytes + MB) }], '413 文件内容过大，未处理：部件“xl/sharedStrings.xml”压缩比'],
    ['many entries that add up past the total', () => Array.from({ length: 60 }, (_, i) => ({ name: `media/${i}.bin`, data: Buffer.alloc(MB, i), stored: true })), '413 文件内容过大，未处理：解压后共 60.0 MB，最多 50 MB'],
    ['a directory that says 1 KB for 8 MB of zeros', () => [{ name: 'xl/styles.xml', data: Buffer.alloc(8 * MB), declaredSize: 1024 }], '413 文件内容过大，未处理：部件“xl/styles.xml”解压后大于文件中登记的大小'],
    ['too many entries', () => Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `p${i}`, data: Buffer.from('x') })), `413 文件内容过大，未处理：包含 ${ZIP_LIMITS.entries + 1} 个部件，最多 ${ZIP_LIMITS.entries} 个`],
    ['too many worksheet rows', () => [{ name: 'xl/worksheets/sheet1.xml', data: sheet(ZIP_LIMITS.xlsxRows + 1) }], '413 文件内容过大，未处理：工作表共超过 100,000 行'],
    ['a stored entry whose size is wrong', () => [{ name: 'a.xml', data: Buffer.from('abc'), stored: true, declaredSize: 2 }], 'unreadable'],
  ])('refuses %s', (_name, parts, expected) => {
    expect(outcome(writeZip(parts()))).toContain(expected);
  });

  it.each([
    ['text renamed .xlsx', Buffer.from('指标,数值\n孕产妇死亡数,3\n')],
    ['an empty file', Buffer.alloc(0)],
    ['a zip cut in half', Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000'))],
  ])('hands %s to the caller’s “unreadable”', async (_name, bytes) => {
    expect(outcome(bytes)).toBe('unreadable');
    const real = await realXlsx();
    expect(outcome(real.subarray(0, real.length - 30))).toBe('unreadable');
  });
});
