import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestPage } from './browser';
import { startServer, type RunningServer } from './server';
import { signInAs } from './signIn';

/**
 * A spec's own server (on a copy of the demo) and browser, started before its tests and stopped
 * after them; demo accounts sign in by name (their password is admin's).
 */
export function useDemoServer() {
  let running: { server: RunningServer; browser: Browser } | undefined;
  beforeAll(async () => {
    const server = await startServer();
    running = { server, browser: await launchBrowser() };
  });
  afterAll(async () => {
    await running?.browser.close();
    await running?.server.stop();
  });
  const started = () => {
    if (!running) throw new Error('the demo server starts in beforeAll: use it inside a test');
    return running;
  };
  return {
    get baseUrl(): string {
      return started().server.baseUrl;
    },
    get browser(): Browser {
      return started().browser;
    },
    signIn: (username: string): Promise<TestPage> => signInAs(started().browser, started().server.baseUrl, username),
  };
}
