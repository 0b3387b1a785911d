import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Seeds live in shared/ beside the repository (CI clones it there). */
export const seedsDir = resolve(repoRoot, '../shared/seeds');

export const resultsDir = resolve(repoRoot, 'test-results');
