import type { ApiErrorDetail } from '../../../http/client';
import type { XlsxUploadResultDto } from '../../../../shared/api/reporting';

/** The headline of an accepted upload: what changed, what stayed as it was. */
export function summaryText(r: Pick<XlsxUploadResultDto, 'imported' | 'updated' | 'deleted' | 'ignored'>): string {
  if (r.imported + r.updated + r.deleted === 0) {
    return r.ignored > 0 ? `上传成功，没有数据变化：文件中的 ${r.ignored} 项与已有数据相同` : '上传成功，但文件中没有填写任何数据';
  }
  const parts = [`新增 ${r.imported} 项`, `修改 ${r.updated} 项`, ...(r.deleted > 0 ? [`删除 ${r.deleted} 项`] : []), `未变 ${r.ignored} 项`];
  return `导入完成：${parts.join('，')}`;
}

export interface ProblemRow {
  key: string;
  /** Where in the workbook: 工作表“西岗区”第 6 行 G 列（女）. */
  place: string;
  reason: string;
}

/** The server starts a cell's problem with its place (see describePlace in the server's xlsx layout). */
const PLACE = /^(工作表“.+?”第 \d+ 行 [A-Z]+ 列（[^）]*）)：([\s\S]*)$/;

/**
 * A refusal's details as rows of place and reason, so a long list reads like a checklist. A detail
 * worded otherwise keeps its whole text as the reason, with its cell reference (西岗区!G6) if any.
 */
export function problemRows(details: readonly ApiErrorDetail[]): ProblemRow[] {
  return details.map((d, i) => {
    const match = PLACE.exec(d.message);
    return { key: `${i}`, place: match ? match[1]! : (d.path ?? '—'), reason: match ? match[2]! : d.message };
  });
}
