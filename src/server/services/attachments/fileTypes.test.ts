import { describe, expect, it } from 'vitest';
import { detectFileType } from './fileTypes';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);

describe('attachment type by content', () => {
  it.each([
    ['图.png', PNG, 'image/png'],
    ['照片.JPG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a.gif', bytes('GIF89a'), 'image/gif'],
    ['a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['通知.pdf', bytes('%PDF-1.7'), 'application/pdf'],
    ['方案.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['表.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['旧.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/msword'],
  ])('accepts %s', (name, head, mime) => {
    expect(detectFileType(name, head)).toEqual({ type: expect.objectContaining({ mime }) });
  });

  it.each([
    ['script renamed to an image', 'x.png', bytes('<script>alert(1)</script>'), '文件内容不是有效的 .png 文件'],
    ['an image under another image name', 'x.jpg', PNG, '文件内容是PNG 图片，与扩展名 .jpg 不符'],
    ['SVG, which can carry script', 'x.svg', bytes('<svg xmlns='), '不支持的文件类型“.svg”'],
    ['HTML', 'x.html', bytes('<html>'), '不支持的文件类型“.html”'],
    ['no extension', 'README', PNG, '不支持的文件类型“无扩展名”'],
    ['a truncated head', 'x.pdf', bytes('%PD'), '文件内容不是有效的 .pdf 文件'],
  ])('refuses %s', (_what, name, head, reason) => {
    const result = detectFileType(name, head);
    expect('refusal' in result && result.refusal).toContain(reason);
  });
});
