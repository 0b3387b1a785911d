import { describe, expect, it } from 'vitest';
import { decodePlanText, parsePlanText, PlanTextError } from './index';
import { seedText } from './testTexts';

/** GB18030 bytes of a string, by table lookup through TextDecoder (Node has no GB18030 encoder). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe('decodePlanText', () => {
  const sample = '大连市妇女发展规划\n（2021—2030年）\n';

  it('reads UTF-8, with or without a BOM', () => {
    const utf8 = new TextEncoder().encode(sample);
    expect(decodePlanText(utf8)).toBe(sample);
    expect(decodePlanText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(sample);
  });

  it('reads GB18030 when the bytes are not UTF-8', () => {
    const gb = encodeGb18030(sample);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(decodePlanText(gb)).toBe(sample);
  });

  it('parses a whole seed plan saved as GB18030 the same as its UTF-8 original', () => {
    const text = seedText('dalian');
    // Characters outside GB2312's two-byte range do not occur in the plan; the round trip proves it.
    const gb = encodeGb18030(text);
    expect(parsePlanText(decodePlanText(gb))).toEqual(parsePlanText(text));
  });

  it.each([
    ['an empty file', new Uint8Array(), '文件为空'],
    ['only whitespace', new TextEncoder().encode(' \n\n\t'), '文件为空'],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '不是文本文件'],
  ])('refuses %s in Chinese', (_name, bytes, message) => {
    expect(() => decodePlanText(bytes)).toThrow(PlanTextError);
    expect(() => decodePlanText(bytes)).toThrow(message);
  });
});
