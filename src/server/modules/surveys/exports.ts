import ExcelJS from 'exceljs';
import { allQuestions, type Answers, type Question, type SurveyDefinition } from '../../../shared/surveys/model';
import type { QuestionStats, RegionLabels } from '../../../shared/surveys/stats';

interface Column {
  header: string;
  code: (a: Answers) => string | number | null;
  label: (a: Answers) => string | number | null;
}

/** One column per question (a matrix: per row; “other” texts: their own column), as codes and as labels. */
function columnsOf(def: SurveyDefinition, regions: RegionLabels): Column[] {
  const optionLabel = (q: Question, code: string) => q.options?.find((o) => o.code === code)?.label ?? code;
  return allQuestions(def).flatMap((q): Column[] => {
    const v = (a: Answers) => a.values[q.code];
    const header = `${q.code} ${q.title}`;
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const list = (a: Answers) => (v(a) === undefined ? [] : ([] as string[]).concat(v(a) as string | string[]));
        const cols: Column[] = [{ header, code: (a) => list(a).join(';') || null, label: (a) => list(a).map((c) => optionLabel(q, c)).join('；') || null }];
        if (q.options?.some((o) => o.other)) cols.push({ header: `${q.code}_其他`, code: (a) => a.other?.[q.code] ?? null, label: (a) => a.other?.[q.code] ?? null });
        return cols;
      }
      case 'matrix':
        return (q.rows ?? []).map((row) => ({
          header: `${q.code}_${row.code} ${q.title}：${row.label}`,
          code: (a) => (v(a) as Record<string, number> | undefined)?.[row.code] ?? null,
          label: (a) => (v(a) as Record<string, number> | undefined)?.[row.code] ?? null,
        }));
      case 'region':
        return [{ header, code: (a) => (v(a) as number | undefined) ?? null, label: (a) => regions.get(v(a) as number) ?? null }];
      default:
        return [{ header, code: (a) => (v(a) as string | number | undefined) ?? null, label: (a) => (v(a) as string | number | undefined) ?? null }];
    }
  });
}

export interface ExportRow {
  id: number;
  submittedAt: string;
  answers: Answers;
}

function addSheet(book: ExcelJS.Workbook, name: string, cols: Column[], rows: ExportRow[], pick: 'code' | 'label') {
  const sheet = book.addWorksheet(name);
  const head = sheet.addRow(['答卷编号', '提交时间', ...cols.map((c) => c.header)]);
  head.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) sheet.addRow([r.id, r.submittedAt, ...cols.map((c) => c[pick](r.answers))]);
  sheet.getColumn(2).width = 24;
}

/** Raw answers: a sheet of codes for analysis software and a sheet of labels for reading. */
export async function responsesWorkbook(def: SurveyDefinition, regions: RegionLabels, rows: ExportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const cols = columnsOf(def, regions);
  addSheet(book, '答卷（文字）', cols, rows, 'label');
  addSheet(book, '答卷（编码）', cols, rows, 'code');
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvField = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Raw answers as CSV (UTF-8 with BOM, so Excel opens the Chinese right). */
export function responsesCsv(def: SurveyDefinition, regions: RegionLabels, rows: ExportRow[], pick: 'code' | 'label'): string {
  const cols = columnsOf(def, regions);
  const lines = [['答卷编号', '提交时间', ...cols.map((c) => c.header)].map(csvField).join(',')];
  for (const r of rows) lines.push([r.id, r.submittedAt, ...cols.map((c) => c[pick](r.answers))].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The statistics tables, one block per question. */
export async function summaryWorkbook(title: string, total: number, stats: QuestionStats[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('统计汇总');
  sheet.addRow([`${title} 统计汇总（答卷 ${total} 份）`]).font = { bold: true, size: 13 };
  const heading = (values: (string | number)[]) => (sheet.addRow(values).font = { bold: true });
  for (const s of stats) {
    sheet.addRow([]);
    heading([`${s.code} ${s.title}`, `作答 ${s.answered} 人`]);
    if (s.kind === 'choice') {
      heading(['选项', '人数', '比例']);
      for (const c of s.categories) sheet.addRow([c.label, c.count, c.share]).getCell(3).numFmt = '0.0%';
      if (s.mean !== null) sheet.addRow(['平均分', s.mean]);
    } else if (s.kind === 'numeric') {
      sheet.addRow(['平均数', s.mean, '中位数', s.median, '最小值', s.min, '最大值', s.max]);
      heading(['区间', '人数']);
      for (const h of s.histogram) sheet.addRow([h.label, h.count]);
    } else if (s.kind === 'matrix') {
      heading(['行', ...s.points.map(String), '平均分']);
      for (const r of s.rows) sheet.addRow([r.label, ...r.counts, r.mean]);
    } else {
      heading(['高频词', '次数']);
      for (const w of s.words) sheet.addRow([w.word, w.count]);
    }
  }
  sheet.getColumn(1).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}
