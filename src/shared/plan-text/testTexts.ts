import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed plan documents, as shipped with the demo data. For tests. */
export function seedText(name: 'dalian' | 'xigang'): string {
  const file = name === 'dalian' ? 'dalian-women-2021-2030.txt' : 'xigang-women-children-2021-2030.txt';
  return readFileSync(fileURLToPath(new URL(`../../server/demo/texts/${file}`, import.meta.url)), 'utf8');
}

export type LayoutFixture = 'ascii-headings' | 'chapter-areas' | 'paren-numbers' | 'web-one-line' | 'national-outline' | 'dash-subgoals-2011';

/** A plan written in one of the layouts found in the wild (test/fixtures/plan-layouts). */
export function layoutText(name: LayoutFixture): string {
  return readFileSync(fileURLToPath(new URL(`../../../test/fixtures/plan-layouts/${name}.txt`, import.meta.url)), 'utf8');
}
