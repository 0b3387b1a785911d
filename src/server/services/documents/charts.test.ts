import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { trendOption } from '../../../shared/charts/options';
import { ChartSizeError, DOCUMENT_CHART_SCALE, renderChartPng, renderChartSvg } from './charts';
import { chartFontFiles } from './fonts';

const option = {
  title: { text: '妇女参与社会保险情况', left: 'center', top: 4, textStyle: { fontSize: 24 } },
  xAxis: { type: 'category', data: ['2020年', '2021年'] },
  yAxis: { type: 'value' },
  series: [{ type: 'line', data: [1, 2] }],
};

/** Dark pixels in a band of the image, as RGBA from resvg. */
function darkPixels(svg: string, top: number, bottom: number, fontFiles: string[]): number {
  const image = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' } }).render();
  const pixels = image.pixels; // a getter that copies: read it once
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (pixels[i]! < 128 && pixels[i + 3]! > 0) dark++;
    }
  }
  return dark;
}

describe('chart renderer', () => {
  it('renders SVG on the server with the CJK font family and the text as text', () => {
    const svg = renderChartSvg(option, { width: 480, height: 240 });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('妇女参与社会保险情况');
    expect(svg).toContain('Noto Sans CJK SC');
  });

  it('draws the Chinese title with the loaded fonts (and nothing without them)', () => {
    const svg = renderChartSvg(option, { width: 480, height: 240 });
    expect(darkPixels(svg, 0, 40, chartFontFiles())).toBeGreaterThan(200);
    expect(darkPixels(svg, 0, 40, [])).toBe(0);
  });

  it('rasterises to a PNG at the document scale by default', () => {
    const chart = renderChartPng(option, { width: 300, height: 150 });
    expect(Buffer.from(chart.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect([chart.width, chart.height]).toEqual([300 * DOCUMENT_CHART_SCALE, 150 * DOCUMENT_CHART_SCALE]);
  });

  it('renders the trend option the web draws, target line included', () => {
    const point = (year: number, value: number) => ({ year, value, numerator: null, denominator: null, source: 'reported' as const });
    const svg = renderChartSvg(
      trendOption({
        indicator: {
          id: 1, code: 'W01', name: '孕产妇系统管理率', unit: '%', direction: 'higher', definition: null, caliber: null, dataSource: null,
          responsibleDept: null, formula: '', decimals: 1, published: true, area: null,
        },
        orgUnit: { id: 1, name: '大连市', level: 'city' },
        scope: 'approved',
        series: [{ option: 'total', optionName: '合计', points: [point(2020, 55), point(2024, 62)] }],
        targets: [{
          year: 2030, comparator: '>=', value: 70, baseYear: null,
          assessment: { status: 'moderate', ratio: 0.8, projected: 66, targetValue: 70, baseline: { year: 2020, value: 55 }, latest: { year: 2024, value: 62 }, cagrObserved: 0.03, cagrRequired: 0.04, reason: '' },
        }],
        targetBasis: null,
        children: [],
        milestone: 2030,
      }),
      { width: 640, height: 320 },
    );
    expect(svg).toContain('2030年目标');
    expect(svg).toContain('2024年');
  });

  it.each([
    [{ width: 10, height: 100 }, 2],
    [{ width: 5000, height: 100 }, 2],
    [{ width: 300, height: Number.NaN }, 2],
    [{ width: 300, height: 150 }, 8],
  ])('refuses size %o at scale %i before drawing', (size, scale) => {
    expect(() => renderChartPng(option, size, scale)).toThrow(ChartSizeError);
  });
});
