/**
 * The app server for the HTTP part of `npm run bench:analytics`, in its own process so that the
 * load generator does not share its event loop: a fresh SQLite file seeded with the demo data by
 * prepareDatabase (as on a first start), API only, on 127.0.0.1 and a free port, which it prints
 * as one JSON line once it listens.
 */
import { buildApp } from '../../src/server/app';
import { prepareDatabase } from '../../src/server/server';

const file = process.env.BENCH_DB_FILE;
const password = process.env.BENCH_ADMIN_PASSWORD;
if (!file || !password) throw new Error('BENCH_DB_FILE and BENCH_ADMIN_PASSWORD are required');

const t0 = performance.now();
const log: string[] = [];
const { db } = await prepareDatabase(`file:${file}`, password, (line) => log.push(line));
const seedSeconds = (performance.now() - t0) / 1000;
const app = await buildApp({ db, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port, seedSeconds, log })}\n`);

process.once('SIGTERM', () => {
  void app.close().finally(() => {
    process.stdout.write(`${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
    process.exit(0);
  });
});
