// Entry of a chart worker thread (./chartPool.ts). A worker starts without the hooks the main thread
// loaded TypeScript with (tsx in bin/halfsky.mjs, Vitest's in tests), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./chartWorkerMain.ts');
