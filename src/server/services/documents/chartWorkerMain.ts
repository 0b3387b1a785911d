import { parentPort } from 'node:worker_threads';
import { chartOption, type ChartJob } from './chartKinds';
import { renderChartPng } from './charts';

/** One chart per message, answered with its PNG (moved, not copied) or the error's message. */
export interface ChartRequest {
  id: number;
  job: ChartJob;
  scale: number;
}
export type ChartReply = { id: number; png: Uint8Array<ArrayBuffer>; width: number; height: number } | { id: number; error: string };

const port = parentPort!;
port.on('message', ({ id, job, scale }: ChartRequest) => {
  let reply: ChartReply;
  try {
    const image = renderChartPng(chartOption(job), job.size, scale);
    // A fresh buffer of its own, so it can be transferred whole.
    reply = { id, png: new Uint8Array(image.png), width: image.width, height: image.height };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, 'png' in reply ? [reply.png.buffer] : []);
});
