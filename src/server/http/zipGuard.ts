/**
 * Checks an uploaded zip container (.xlsx, .docx) before ExcelJS or mammoth load it: the central
 * directory's entry count and declared sizes, then every entry inflated with its declared size as a
 * hard cap, so a bomb or a directory that lies about sizes is refused without ever being held in
 * memory. Both readers (JSZip) locate entries through the same central directory.
 */
import { inflateRawSync } from 'node:zlib';
import { appError } from '../errors';

export const ZIP_LIMITS = {
  /** Entries in one file; our templates have about 15, a Word document with pictures a few hundred. */
  entries: 2_000,
  /** All entries inflated together. */
  inflatedBytes: 50 * 1024 * 1024,
  /** Inflated ÷ compressed for an entry above 1 MB inflated; XML rarely exceeds 30:1. */
  ratio: 200,
  /** Rows of all worksheets of an xlsx (`<row` elements), counted before the workbook is loaded. */
  xlsxRows: 100_000,
} as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const tooBig = (reason: string) => appError('UPLOAD_TOO_LARGE', `文件内容过大，未处理：${reason}`);

/** The entries listed in the central directory; throws a 400 when there is none or it is cut off. */
export function readCentralDirectory(bytes: Uint8Array, kind: string, unreadable: () => Error): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 64 KB comment.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  let offset = buf.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64, which only files far beyond our limits need.
  if (count === 0xffff || offset === 0xffffffff || dirSize === 0xffffffff) throw tooBig(`${kind} 使用了 ZIP64 大文件格式`);
  if (count > ZIP_LIMITS.entries) throw tooBig(`包含 ${count} 个部件，最多 ${ZIP_LIMITS.entries} 个`);
  if (count === 0 || offset + dirSize > end) throw unreadable();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || buf.readUInt32LE(offset) !== CENTRAL) throw unreadable();
    const nameLength = buf.readUInt16LE(offset + 28);
    const entry = {
      method: buf.readUInt16LE(offset + 10),
      compressedSize: buf.readUInt32LE(offset + 20),
      size: buf.readUInt32LE(offset + 24),
      localOffset: buf.readUInt32LE(offset + 42),
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw tooBig(`${kind} 使用了 ZIP64 大文件格式`);
    }
    entries.push(entry);
    offset += 46 + nameLength + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
  return entries;
}

function checkDeclared(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > MB && e.size > e.compressedSize * ZIP_LIMITS.ratio) {
      throw tooBig(`部件“${e.name}”压缩比 ${Math.round(e.size / Math.max(1, e.compressedSize))}:1，超过 ${ZIP_LIMITS.ratio}:1`);
    }
  }
  if (total > ZIP_LIMITS.inflatedBytes) {
    throw tooBig(`解压后共 ${(total / MB).toFixed(1)} MB，最多 ${ZIP_LIMITS.inflatedBytes / MB} MB`);
  }
}

/** One entry's bytes, inflated with its declared size as the cap: a directory that lies is refused. */
function inflateEntry(buf: Buffer, e: ZipEntry, unreadable: () => Error): Buffer {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw unreadable();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw unreadable();
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw unreadable();
    return data;
  }
  if (e.method !== 8) throw unreadable();
  let out: Buffer;
  try {
    // One byte over the declared size proves the declaration false without inflating further.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size + 1) });
  } catch (error) {
    if (error instanceof RangeError) throw tooBig(`部件“${e.name}”解压后大于文件中登记的大小`);
    throw unreadable();
  }
  if (out.length !== e.size) throw unreadable();
  return out;
}

const ROW_TAG = Buffer.from('<row ');
const ROW_TAG_BARE = Buffer.from('<row>');

function countOf(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Refuses (413, in Chinese) a zip upload that is too big inflated, has too many entries or rows,
 * or lies about its sizes; throws the caller's `unreadable()` error (a 400 in its wording) for a
 * file that is no zip or is broken; otherwise returns, and the caller may load it. `kind` names
 * the format in messages: “.xlsx” or “.docx”.
 */
export function assertZipWithinLimits(bytes: Uint8Array, kind: '.xlsx' | '.docx', unreadable: () => Error): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(buf, kind, unreadable);
  checkDeclared(entries);
  let rows = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const content = inflateEntry(buf, e, unreadable);
    if (kind === '.xlsx' && /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      rows += countOf(content, ROW_TAG) + countOf(content, ROW_TAG_BARE);
      if (rows > ZIP_LIMITS.xlsxRows) throw tooBig(`工作表共超过 ${ZIP_LIMITS.xlsxRows.toLocaleString('en-US')} 行`);
    }
  }
}
