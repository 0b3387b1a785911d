import { Resvg } from '@resvg/resvg-js';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from './png';

/** The IHDR fields and the unfiltered pixel rows of a PNG this module wrote. */
function decode(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.set(png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const header = chunks.get('IHDR')!;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(chunks.get('IDAT')!);
  const rows = Array.from({ length: height }, (_, y) => {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    return [...raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))];
  });
  return { width, height, colour: header[9], rows, ended: chunks.has('IEND') };
}

describe('encodePng', () => {
  it.each([
    ['an opaque pixel as it is', [10, 20, 30, 255], [10, 20, 30, 255]],
    ['a half-transparent premultiplied pixel with its colour restored', [64, 0, 32, 128], [128, 0, 64, 128]],
    ['a fully transparent pixel left alone', [0, 0, 0, 0], [0, 0, 0, 0]],
  ])('writes %s', (_, pixel, expected) => {
    const png = decode(encodePng(Uint8Array.from([...pixel, 255, 255, 255, 255]), 2, 1));
    expect(png).toMatchObject({ width: 2, height: 1, colour: 6, ended: true });
    expect(png.rows[0]).toEqual([...expected, 255, 255, 255, 255]);
  });

  it('writes the pixels resvg renders, as resvg reads them back', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="#fff"/><rect x="5" y="5" width="10" height="10" fill="#c00"/></svg>';
    const rendered = new Resvg(svg).render();
    const png = encodePng(rendered.pixels, rendered.width, rendered.height);
    const again = new Resvg(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="30" height="20"><image width="30" height="20" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`)).render();
    expect(Buffer.compare(again.pixels, rendered.pixels)).toBe(0);
  });

  it('refuses a buffer that is not width × height pixels', () => {
    expect(() => encodePng(new Uint8Array(7), 1, 2)).toThrow(RangeError);
  });
});
