/**
 * `npm run bench:plan-text`: the plan-text parser on real and adversarial text, each at two sizes,
 * printing time per 1,000 characters. Similar figures at both sizes show the parser is linear in the
 * text's length; a quadratic step would show as a time per character four times larger at 4× the
 * size. The large size is PLAN_TEXT_LIMITS.characters, the longest text the importer reads.
 */
import { parsePlanText, PLAN_TEXT_LIMITS } from '../src/shared/plan-text';
import { seedText } from '../src/shared/plan-text/testTexts';

const HEAD = '某市妇女发展规划\n（2021—2030年）\n（一）妇女与健康\n主要目标：\n1．';
const repeat = (unit: string, chars: number) => unit.repeat(Math.floor(chars / unit.length));
const seedsInOneLine = (seedText('dalian') + seedText('xigang')).split('\n').map((l) => l.trim()).filter(Boolean).join('');

/** Name → text of about the given length. */
const FAMILIES: Record<string, (chars: number) => string> = {
  'seeds, line breaks lost': (n) => repeat(seedsInOneLine, n),
  'seeds, as written': (n) => repeat(`${seedText('dalian')}\n${seedText('xigang')}\n`, n),
  'blank run in a goal': (n) => `${HEAD}孕产妇死亡率${' '.repeat(n)}控制在9/10万以下。`,
  'digit run in a goal': (n) => `${HEAD}孕产妇死亡率${'1'.repeat(n)}%。`,
  'comma run after a subject': (n) => `${HEAD}孕产妇死亡率${'，'.repeat(n)}控制在9/10万以下。`,
  'targets in one clause': (n) => HEAD + repeat('孕产妇死亡率控制在9/10万以下', n),
  'targets in one goal': (n) => HEAD + repeat('孕产妇死亡率控制在9/10万以下，', n),
  'adverbs and verbs': (n) => HEAD + repeat('逐步实现率与', n),
  'numbered items in one line': (n) => `${HEAD}甲。 ${Array.from({ length: n / 12 }, (_, i) => `${i + 2}.甲率达到9%。`).join('')}`.slice(0, n),
  'headings in one line': (n) => `${HEAD}甲。主要目标：${repeat('（一）甲乙。', n)}`,
  'titles in one line': (n) => `前言 ${repeat('甲市妇女发展规划（2021—2030年）。', n)}`,
};

function time(text: string): number {
  const start = process.hrtime.bigint();
  try {
    parsePlanText(text);
  } catch {
    // A text with no plan in it is refused at the end of parsing: its time counts all the same.
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const sizes = [PLAN_TEXT_LIMITS.characters / 4, PLAN_TEXT_LIMITS.characters];
console.log(`family${' '.repeat(24)}${sizes.map((s) => `${(s / 1000).toFixed(0)}k chars: ms (µs/1k)`.padStart(28)).join('')}   growth`);
for (const [name, make] of Object.entries(FAMILIES)) {
  const perK = sizes.map((size) => {
    const text = make(size).slice(0, PLAN_TEXT_LIMITS.characters);
    const ms = time(text);
    return { ms, perK: (ms * 1000) / (text.length / 1000) };
  });
  const growth = perK[1]!.perK / perK[0]!.perK;
  console.log(`${name.padEnd(30)}${perK.map((p) => `${p.ms.toFixed(0)} (${p.perK.toFixed(0)})`.padStart(28)).join('')}   ×${growth.toFixed(2)}`);
}
