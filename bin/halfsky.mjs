#!/usr/bin/env node
// Runs the TypeScript CLI directly: the project ships sources, compiled on load by tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
