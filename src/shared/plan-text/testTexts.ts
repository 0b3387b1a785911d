import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed plan documents, as shipped with the demo data. For tests. */
export function seedText(name: 'dalian' | 'xigang'): string {
  const file = name === 'dalian' ? 'dalian-women-2021-2030.txt' : 'xigang-women-children-2021-2030.txt';
  return readFileSync(fileURLToPath(new URL(`../../server/demo/texts/${file}`, import.meta.url)), 'utf8');
}
