import type { Section, SurveyOption } from './model';

/** A stable shuffle: the same seed gives the same order, so a respondent sees the same page after a reload. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 13), 1274126177);
    const j = (h >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Options in the order a respondent sees them: shuffled where the question asks, “other” always last, where people look for it. */
export function optionOrder(options: readonly SurveyOption[], randomize: boolean | undefined, seed: string): SurveyOption[] {
  const out = randomize ? seededShuffle(options, seed) : [...options];
  return [...out.filter((o) => !o.other), ...out.filter((o) => o.other)];
}

/**
 * A section's questions in the order a respondent sees them. In a section that asks for it the
 * questions swap places, except those a skip rule ties together — a question with a condition and
 * every question a condition looks at keep their places, so a follow-up never comes before its cause.
 */
export function questionOrder(section: Section, seed: string, referenced: ReadonlySet<string>) {
  if (!section.randomize) return section.questions;
  const fixed = (i: number) => Boolean(section.questions[i]!.showIf?.length) || referenced.has(section.questions[i]!.code);
  const free = seededShuffle(section.questions.filter((_, i) => !fixed(i)), seed);
  let k = 0;
  return section.questions.map((q, i) => (fixed(i) ? q : free[k++]!));
}

/** The codes skip rules look at: their questions keep their places when questions are shuffled. */
export const conditionTargets = (sections: readonly Section[]) => new Set(sections.flatMap((s) => s.questions.flatMap((q) => (q.showIf ?? []).map((c) => c.question))));
