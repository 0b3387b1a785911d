import { describe, expect, it } from 'vitest';
import type { Question, Section } from './model';
import { conditionTargets, optionOrder, questionOrder } from './order';

const q = (code: string, showIf?: Question['showIf']): Question => ({ code, type: 'text', title: code, required: false, ...(showIf ? { showIf } : {}) });
const section: Section = {
  title: '',
  randomize: true,
  questions: [q('A'), q('K'), q('B'), q('W', [{ question: 'K', op: 'answered' }]), q('C'), q('D'), q('E')],
};
const codes = (s: Section, seed: string) => questionOrder(s, seed, conditionTargets([s])).map((x) => x.code);

describe('question and option order', () => {
  it('keeps the order of a section that does not ask for shuffling', () => {
    expect(codes({ ...section, randomize: undefined }, 'x')).toEqual(['A', 'K', 'B', 'W', 'C', 'D', 'E']);
  });

  it.each(['browser-1', 'browser-2', 'browser-3'])('shuffles the free questions for %s, keeping a skip rule and its cause in place', (seed) => {
    const order = codes(section, seed);
    expect([order[1], order[3]]).toEqual(['K', 'W']);
    expect([...order].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'K', 'W']);
    expect(codes(section, seed)).toEqual(order);
  });

  it('gives different respondents different orders', () => {
    const orders = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) => codes(section, seed).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('puts “other” last whether or not the options are shuffled', () => {
    const options = [{ code: 'o', label: '其他（请注明）', other: true }, { code: '1', label: '电视' }, { code: '2', label: '网络' }];
    expect(optionOrder(options, false, 's').map((o) => o.code)).toEqual(['1', '2', 'o']);
    expect(optionOrder(options, true, 's').at(-1)!.code).toBe('o');
  });
});
