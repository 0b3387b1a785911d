import { PlanTextError } from './errors';

/**
 * Bytes of a .txt plan → text. UTF-8 (with or without BOM) first; text that is not valid UTF-8
 * is read as GB18030, the encoding Chinese government offices save plain text in.
 */
export function decodePlanText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new PlanTextError('文件为空：没有可导入的内容');
  if (looksBinary(bytes)) throw new PlanTextError('文件不是文本文件：请上传 UTF-8 或 GB18030 编码的 .txt，或 .docx 文档');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new PlanTextError('无法识别文件编码：请另存为 UTF-8 或 GB18030 编码的文本');
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new PlanTextError('文件为空：没有可导入的内容');
  return text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.05;
}
