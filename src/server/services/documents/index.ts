/*
 * The documents service (design §11): one .docx builder in the committee's format and one chart
 * renderer, shared by every module that writes a document (annual report, evaluation report, 通报,
 * survey report). Modules build a DocumentSpec and call these; none writes .docx itself.
 */
export { CHART_KINDS, type ChartJob, type ChartName } from './chartKinds';
export { renderCharts } from './chartPool';
export { CHART_LIMITS, ChartSizeError, renderChartPng, renderChartSvg, type ChartSize, type RenderedChart } from './charts';
export { buildDocx, DOCUMENT_LIMITS, DocumentLimitError } from './docx';
export { MissingFontError } from './fonts';
export type { Block, ChartBlock, DocumentSpec, DrawnBlock, HeadingLevel, Inline } from './model';
export { TEXT_WIDTH_CM } from './styles';
export { docxToPdf } from './pdf';
