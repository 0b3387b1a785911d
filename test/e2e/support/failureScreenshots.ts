import { afterEach } from 'vitest';
import { screenshotOpenPages } from './browser';

// Registered for every e2e file (vitest.e2e.config.ts setupFiles).
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshotOpenPages(`${task.file.name}-${task.name}`);
});
