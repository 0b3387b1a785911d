import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The seed plan documents, kept verbatim in the repository as the demo's source texts. */
export const seedsDir = resolve(repoRoot, 'src/server/demo/texts');

export const resultsDir = resolve(repoRoot, 'test-results');
