import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from './charts';
import { outlineText } from './textPaths';

/** Dark pixels of a band of the SVG rasterised with no font at all. */
function darkPixels(svg: string, top: number, bottom: number, left = 0, right = Infinity): number {
  const image = new Resvg(svg, { font: { fontFiles: [], loadSystemFonts: false } }).render();
  const pixels = image.pixels;
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < Math.min(right, image.width); x++) {
      const i = (y * image.width + x) * 4;
      if (pixels[i]! < 128 && pixels[i + 3]! > 0) dark++;
    }
  }
  return dark;
}

const svgOf = (text: string, anchor: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" viewBox="0 0 400 60"><rect width="400" height="60" fill="#fff"/>` +
  `<text dominant-baseline="central" text-anchor="${anchor}" style="font-size:24px;font-family:Noto Sans CJK SC;" transform="translate(200 30)" fill="#000">${text}</text></svg>`;

describe('chart text as outlines', () => {
  it('replaces every text element, so resvg draws Chinese without any font', () => {
    const svg = renderChartSvg({ title: { text: '妇女参与社会保险情况', left: 'center', top: 4 }, xAxis: { type: 'category', data: ['2020年'] }, yAxis: { type: 'value' }, series: [{ type: 'line', data: [1] }] }, { width: 480, height: 240 });
    const outlined = outlineText(svg);
    expect(outlined).not.toContain('<text');
    expect(darkPixels(svg, 0, 40)).toBe(0);
    expect(darkPixels(outlined, 0, 40)).toBeGreaterThan(200);
  });

  it.each([
    ['start', 200, 400, 0, 200],
    ['middle', 100, 300, 0, 0],
    ['end', 0, 200, 200, 400],
  ])('places text-anchor=%s on the right side of its x', (anchor, inFrom, inTo, outFrom, outTo) => {
    const svg = outlineText(svgOf('妇女儿童', anchor));
    expect(darkPixels(svg, 0, 60, inFrom, inTo)).toBeGreaterThan(300);
    if (outTo > outFrom) expect(darkPixels(svg, 0, 60, outFrom, outTo)).toBe(0);
  });

  it('centres dominant-baseline=central text on its y and unescapes entities', () => {
    const svg = outlineText(svgOf('&lt;达标&amp;率&gt;', 'middle'));
    expect(darkPixels(svg, 0, 14)).toBe(0);
    expect(darkPixels(svg, 46, 60)).toBe(0);
    expect(darkPixels(svg, 16, 44)).toBeGreaterThan(300);
  });
});
