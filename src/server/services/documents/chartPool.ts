import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartJob } from './chartKinds';
import { checkChartSize, DOCUMENT_CHART_SCALE, type RenderedChart } from './charts';
import type { ChartReply, ChartRequest } from './chartWorkerMain';

/*
 * Charts are drawn in worker threads, as many as the machine has cores (at most 4): a chart costs
 * some 30 ms of CPU (ECharts, resvg, PNG), and an annual report draws 130 of them. The event loop
 * stays free meanwhile. Workers start on first use, are kept for the next report, and end after a
 * minute without work; an idle worker does not keep the process alive.
 */

const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
const IDLE_MS = 60_000;
const WORKER_ENTRY = new URL('./chartWorker.mjs', import.meta.url);

interface Pending {
  request: ChartRequest;
  resolve: (chart: RenderedChart) => void;
  reject: (error: Error) => void;
}

class ChartPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  render(job: ChartJob, scale: number): Promise<RenderedChart> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, job, scale }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.running.size < POOL_SIZE ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.ref(); // a chart being drawn keeps the process alive until it is back
      worker.postMessage(pending.request);
    }
    if (this.running.size === 0) this.idleTimer = setTimeout(() => this.close(), IDLE_MS).unref();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_ENTRY);
    worker.on('message', (reply: ChartReply) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (pending) {
        if ('error' in reply) pending.reject(new Error(reply.error));
        else pending.resolve({ png: reply.png, width: reply.width, height: reply.height });
      }
      this.dispatch();
    });
    // A worker that dies takes only its own chart with it; the next chart starts a new one.
    const lost = (error: Error) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      pending?.reject(error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`图表绘制线程意外退出（代码 ${code}）`)));
    return worker;
  }

  private close(): void {
    for (const worker of this.idle.splice(0)) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
}

const pool = new ChartPool();

/** The charts as PNGs, `scale` times their CSS size, drawn in parallel; in the order given. Sizes are checked before any is drawn. */
export async function renderCharts(jobs: readonly ChartJob[], scale = DOCUMENT_CHART_SCALE): Promise<RenderedChart[]> {
  for (const job of jobs) checkChartSize(job.size, scale);
  return Promise.all(jobs.map((job) => pool.render(job, scale)));
}
