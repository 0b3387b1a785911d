import type { HeadingLevel } from './model';

/*
 * Heading numbers of a Chinese government document (GB/T 9704): 一、 for the first level, （一） for
 * the second, 1. for the third. They are written into the heading text rather than left to Word's list
 * numbering, so the table of contents, LibreOffice and every viewer show the same numbers.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is not in 1–99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * The prefix of the `n`th heading of a level. Before a text that starts with a digit the third
 * level's point is full-width: “3．5岁以下儿童死亡率”, never “3.5岁以下…” read as 3.5.
 */
export function headingPrefix(level: HeadingLevel, n: number, text = ''): string {
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return `（${chineseNumeral(n)}）`;
  return /^[0-9０-９]/.test(text) ? `${n}．` : `${n}.`;
}

/** Counts headings through a document: a heading restarts the count of every level below it. */
export class HeadingCounter {
  private readonly counts = [0, 0, 0];

  /** The next heading of a level with its number: “（二）妇女与教育”. */
  next(level: HeadingLevel, text = ''): string {
    this.counts[level - 1]! += 1;
    for (let l = level; l < this.counts.length; l++) this.counts[l] = 0;
    return `${headingPrefix(level, this.counts[level - 1]!, text)}${text}`;
  }
}
