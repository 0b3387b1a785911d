import { describe, expect, it } from 'vitest';
import type { ChartJob } from './chartKinds';
import { renderCharts } from './chartPool';
import { ChartSizeError, renderChartPng } from './charts';
import { chartOption } from './chartKinds';

const bars = (n: number, height: number): ChartJob => ({
  name: 'categoryBars',
  input: Array.from({ length: n }, (_, i) => ({ label: `选项${i + 1}`, count: i + 1, share: (i + 1) / 10 })),
  size: { width: 400, height },
});

describe('chart pool', () => {
  it('draws charts in worker threads, each as the main thread would, in the order asked', async () => {
    const jobs = [bars(2, 120), bars(5, 200), bars(3, 160), bars(4, 140), bars(6, 180)];
    const drawn = await renderCharts(jobs, 1);
    expect(drawn.map((c) => [c.width, c.height])).toEqual(jobs.map((j) => [400, j.size.height]));
    jobs.forEach((job, i) => expect(Buffer.from(drawn[i]!.png).equals(Buffer.from(renderChartPng(chartOption(job), job.size, 1).png))).toBe(true));
  });

  it('refuses a chart past the limits before any worker draws, and a failing chart fails alone', async () => {
    await expect(renderCharts([{ ...bars(2, 120), size: { width: 9000, height: 100 } }])).rejects.toThrow(ChartSizeError);
    const broken = { name: 'trend', input: {}, size: { width: 400, height: 200 } } as unknown as ChartJob;
    const results = await Promise.allSettled([renderCharts([bars(2, 120)]), renderCharts([broken]), renderCharts([bars(3, 120)])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
