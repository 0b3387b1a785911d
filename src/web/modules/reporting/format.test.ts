import { describe, expect, it } from 'vitest';
import { changeText, daysPastDue, dueText, formatNumber, inputText, parseCellText, percent, viaLabel } from './format';

describe('formatNumber', () => {
  it.each([
    [3210, undefined, '3,210'],
    [1234567.891, undefined, '1,234,567.891'],
    [0.123456, undefined, '0.1235'],
    [151.51515, 2, '151.52'],
    [2, 2, '2.00'],
    [null, undefined, '—'],
    [Number.NaN, 2, '—'],
  ])('%s (%s decimals) → %s', (value, decimals, text) => expect(formatNumber(value, decimals)).toBe(text));
});

describe('parseCellText', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['3300', 3300],
    ['3,300', 3300],
    ['１２３．５', 123.5],
    ['-2', -2],
    ['.5', 0.5],
    ['12.', 12],
    ['1e3', 1000],
  ])('reads %j as %s', (text, value) => expect(parseCellText(text)).toEqual({ ok: true, value }));

  it.each(['abc', '12a', '1.2.3', '--1', '5%'])('refuses %j in Chinese', (text) =>
    expect(parseCellText(text)).toEqual({ ok: false, message: '请输入数字' }),
  );
});

describe('inputText', () => {
  it('writes stored numbers without digit groups or float noise', () => {
    expect(inputText(3300)).toBe('3300');
    expect(inputText(0.1 + 0.2)).toBe('0.3');
    expect(inputText(null)).toBe('');
  });
});

describe('due dates', () => {
  const today = new Date('2026-04-10T08:00:00Z');
  it('counts whole days past the due date', () => {
    expect(daysPastDue('2026-03-31', today)).toBe(10);
    expect(daysPastDue('2026-04-10', today)).toBe(0);
  });

  it('says how late an overdue submission is', () => {
    expect(dueText('2026-03-31', true, today)).toBe('截止 2026-03-31（已逾期 10 天）');
    expect(dueText('2026-05-31', false, today)).toBe('截止 2026-05-31');
  });
});

describe('changeText', () => {
  it.each([
    [151.52, 62.31, '较上年 +143.2%'],
    [50, 100, '较上年 −50.0%'],
    [100, 100, '与上年持平'],
    [5, null, null],
    [5, 0, null],
  ])('%s against %s → %s', (now, before, text) => expect(changeText(now, before)).toBe(text));
});

it('percent rounds and survives an empty whole', () => {
  expect(percent(3, 9)).toBe(33);
  expect(percent(0, 0)).toBe(0);
});

it('names how a value arrived', () => {
  expect(viaLabel('ui')).toBe('网页');
  expect(viaLabel('xlsx')).toBe('Excel');
  expect(viaLabel('api')).toBe('接口');
  expect(viaLabel('carrier-pigeon')).toBe('carrier-pigeon');
});
