import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type * as ECharts from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_FONT_FAMILY } from './fonts';
import { encodePng } from './png';
import { outlineText } from './textPaths';

/*
 * Charts for documents: the same ECharts options the web draws, rendered on the server to SVG
 * (ECharts' string renderer, no DOM) and rasterised to PNG with resvg. The text is turned into
 * glyph outlines of the Noto CJK files of ./fonts first (./textPaths, fonts read once per process),
 * so resvg loads no font at all — never a system font it happens to find.
 */

/**
 * ECharts' one-file CommonJS build, with every chart and the SVG renderer: it loads in a tenth of the
 * time of its hundreds of ES modules (0.1 s against 1 s through tsx), which a chart worker (./chartPool)
 * pays when it starts.
 */
const { init } = createRequire(import.meta.url)('echarts') as typeof ECharts;

export interface ChartSize {
  /** CSS pixels; the PNG is `scale` times larger so it stays sharp in print. */
  width: number;
  height: number;
}

/** Limits, checked before any drawing: a chart bigger than a page is a caller's mistake. */
export const CHART_LIMITS = { maxWidth: 2000, maxHeight: 2000, maxScale: 4 } as const;

export class ChartSizeError extends Error {}

export function checkChartSize({ width, height }: ChartSize, scale: number): void {
  const ok = (v: number, max: number) => Number.isFinite(v) && v >= 50 && v <= max;
  if (!ok(width, CHART_LIMITS.maxWidth) || !ok(height, CHART_LIMITS.maxHeight)) {
    throw new ChartSizeError(`图表尺寸 ${width}×${height} 超出范围（宽高 50—${CHART_LIMITS.maxWidth} 像素）`);
  }
  if (!(scale >= 1 && scale <= CHART_LIMITS.maxScale)) throw new ChartSizeError(`图表放大倍数 ${scale} 超出范围（1—${CHART_LIMITS.maxScale}）`);
}

/** The chart as an SVG document. Animation is off: a document gets the final frame. */
export function renderChartSvg(option: EChartsCoreOption, size: ChartSize): string {
  checkChartSize(size, 1);
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    // A document has no pointer: the web's tooltips are left out (ECharts would warn they are not loaded).
    const { tooltip: _tooltip, ...drawn } = option;
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT_FAMILY }, ...drawn });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface RenderedChart {
  png: Uint8Array;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

/**
 * Pixels per CSS pixel of a document's charts: a 640-pixel chart placed 15 cm wide prints at 160 dpi,
 * sharp for an office printer; 2 would cost some 40% more time and file size for no visible gain.
 */
export const DOCUMENT_CHART_SCALE = 1.5;

/** The chart as a PNG, `scale` times its CSS size. */
export function renderChartPng(option: EChartsCoreOption, size: ChartSize, scale = DOCUMENT_CHART_SCALE): RenderedChart {
  checkChartSize(size, scale);
  const svg = outlineText(renderChartSvg(option, size));
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { fontFiles: [], loadSystemFonts: false } }).render();
  return { png: encodePng(image.pixels, image.width, image.height), width: image.width, height: image.height };
}
