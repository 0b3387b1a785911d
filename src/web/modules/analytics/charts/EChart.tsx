import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { CHART_FONT_FAMILY, initChart, type ChartOption, type ECharts } from './echarts';

interface EChartProps {
  option: ChartOption;
  /** The chart's accessible name, and the name of its PNG file. */
  title: string;
  height?: number;
  /** Offer 导出 PNG above the chart (not for sparklines). */
  exportable?: boolean;
  className?: string;
}

/** The option with the app's Chinese fonts for the canvas text and the tooltip. */
function withFonts(option: ChartOption): ChartOption {
  const tooltip = option.tooltip;
  return {
    ...option,
    textStyle: { fontFamily: CHART_FONT_FAMILY, ...(option.textStyle as object | undefined) },
    ...(tooltip && !Array.isArray(tooltip) ? { tooltip: { ...tooltip, textStyle: { fontFamily: CHART_FONT_FAMILY, ...tooltip.textStyle } } } : {}),
  };
}

/** A file name without the characters file systems refuse. */
const fileName = (title: string) => `${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.png`;

/** An ECharts canvas that follows its container's size, is disposed on unmount, and can be saved as PNG. */
export function EChart({ option, title, height = 320, exportable = true, className }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = initChart(container);
    chartRef.current = chart;
    // Busy while drawing and animating, so tests and assistive technology know when the picture is complete.
    chart.on('finished', () => container.setAttribute('aria-busy', 'false'));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    containerRef.current?.setAttribute('aria-busy', 'true');
    chartRef.current?.setOption(withFonts(option), { notMerge: true });
  }, [option]);

  const exportPng = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const link = document.createElement('a');
    link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    link.download = fileName(title);
    link.click();
  };

  return (
    <figure className={`echart${className ? ` ${className}` : ''}`}>
      {exportable && (
        <div className="echart__toolbar">
          <Button size="small" type="text" icon={<DownloadOutlined />} onClick={exportPng} aria-label={`导出 PNG：${title}`}>
            导出 PNG
          </Button>
        </div>
      )}
      <div ref={containerRef} className="echart__canvas" role="img" aria-label={title} style={{ height }} />
    </figure>
  );
}
