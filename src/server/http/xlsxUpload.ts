import ExcelJS from 'exceljs';
import { assertZipWithinLimits } from './zipGuard';

/**
 * An uploaded .xlsx as an ExcelJS workbook: its zip is checked against the limits first (./zipGuard),
 * so loading costs what those allow. A file that is no workbook throws the caller's `unreadable()`,
 * worded for what the caller expected to receive.
 */
export async function loadUploadedWorkbook(bytes: Uint8Array, unreadable: () => Error): Promise<ExcelJS.Workbook> {
  assertZipWithinLimits(bytes, '.xlsx', unreadable);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); a Node Buffer is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  return workbook;
}

/** The first sheet a person sees when opening the file (hidden and very hidden sheets skipped). */
export const firstVisibleSheet = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined => workbook.worksheets.find((s) => s.state === 'visible');
