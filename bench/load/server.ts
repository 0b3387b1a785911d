/**
 * The app server of `npm run bench:load`, in its own process so that the 200 simulated reporters do
 * not share its event loop: API only, on 127.0.0.1 and a free port, printed as one JSON line.
 */
import { buildApp } from '../../src/server/app';
import { openDatabase, parseDatabaseUrl } from '../../src/server/db/connection';

const db = openDatabase(parseDatabaseUrl(process.env.HALFSKY_DATABASE_URL));
const app = await buildApp({ db, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
