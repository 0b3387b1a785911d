import { extname } from 'node:path';
import mammoth from 'mammoth';
import { decodePlanText, PlanTextError } from '../../../shared/plan-text';
import { assertZipWithinLimits } from '../../http/zipGuard';

/** Text of an uploaded plan document (.txt in UTF-8/GB18030, or .docx), or a PlanTextError saying why not. */
export async function documentText(fileName: string, bytes: Uint8Array): Promise<string> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.txt' || ext === '') return decodePlanText(bytes);
  if (ext === '.docx') return docxText(bytes);
  if (ext === '.doc' || ext === '.wps') {
    throw new PlanTextError(`不支持旧版 Word 格式（${ext}）：请在 Word 或 WPS 中另存为 .docx 后上传`);
  }
  throw new PlanTextError(`不支持的文件类型“${ext}”：请上传 .txt（UTF-8 或 GB18030 编码）或 .docx 文件`);
}

async function docxText(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new PlanTextError('文件为空：没有可导入的内容');
  const unreadable = () => new PlanTextError('无法读取 .docx 文件：文件已损坏，或不是 Word 文档');
  assertZipWithinLimits(bytes, '.docx', unreadable);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch {
    throw unreadable();
  }
  if (value.trim() === '') throw new PlanTextError('.docx 文件中没有文字内容');
  return value;
}
