/**
 * What the attachment store accepts, decided by the file's first bytes (its "magic"), with the
 * name's extension required to agree: a script renamed to .png, or an SVG (which can carry
 * script), is refused whatever it claims to be.
 */
export const ATTACHMENT_LIMITS = {
  /** Largest file, checked while the upload streams in: nothing past it is read or kept. */
  maxBytes: 10 * 1024 * 1024,
  /** Bytes needed to recognise every accepted type. */
  sniffBytes: 16,
} as const;

export interface FileType {
  mime: string;
  label: string;
  extensions: readonly string[];
  image: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Magic bytes (null = any byte) at an offset; zip and OLE containers are told apart by extension. */
const TYPES: readonly (FileType & { magic: readonly (readonly [number, readonly (number | null)[]])[] })[] = [
  { mime: 'image/png', label: 'PNG 图片', extensions: ['png'], image: true, magic: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]] },
  { mime: 'image/jpeg', label: 'JPEG 图片', extensions: ['jpg', 'jpeg'], image: true, magic: [[0, [0xff, 0xd8, 0xff]]] },
  { mime: 'image/gif', label: 'GIF 图片', extensions: ['gif'], image: true, magic: [[0, ascii('GIF8')]] },
  { mime: 'image/webp', label: 'WebP 图片', extensions: ['webp'], image: true, magic: [[0, ascii('RIFF')], [8, ascii('WEBP')]] },
  { mime: 'application/pdf', label: 'PDF 文档', extensions: ['pdf'], image: false, magic: [[0, ascii('%PDF-')]] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档', extensions: ['docx'], image: false, magic: [[0, ZIP]] },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格', extensions: ['xlsx'], image: false, magic: [[0, ZIP]] },
  { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint 演示文稿', extensions: ['pptx'], image: false, magic: [[0, ZIP]] },
  { mime: 'application/zip', label: 'ZIP 压缩包', extensions: ['zip'], image: false, magic: [[0, ZIP]] },
  { mime: 'application/msword', label: 'Word 97-2003 文档', extensions: ['doc'], image: false, magic: [[0, OLE]] },
  { mime: 'application/vnd.ms-excel', label: 'Excel 97-2003 表格', extensions: ['xls'], image: false, magic: [[0, OLE]] },
];

export const ACCEPTED_EXTENSIONS = TYPES.flatMap((t) => t.extensions);
export const IMAGE_EXTENSIONS = TYPES.filter((t) => t.image).flatMap((t) => t.extensions);

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The accepted type whose magic the head carries and whose extension the name has; otherwise a
 * Chinese reason for the refusal.
 */
export function detectFileType(name: string, head: Uint8Array): { type: FileType } | { refusal: string } {
  const ext = extensionOf(name);
  const byMagic = TYPES.filter((t) => t.magic.every(([at, bytes]) => bytes.every((b, i) => b === null || head[at + i] === b)));
  const match = byMagic.find((t) => t.extensions.includes(ext));
  if (match) return { type: match };
  if (!TYPES.some((t) => t.extensions.includes(ext))) {
    return { refusal: `不支持的文件类型“${ext ? `.${ext}` : '无扩展名'}”：只接受 ${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join('、')}` };
  }
  return { refusal: byMagic.length ? `文件内容是${byMagic[0]!.label}，与扩展名 .${ext} 不符` : `文件内容不是有效的 .${ext} 文件` };
}
