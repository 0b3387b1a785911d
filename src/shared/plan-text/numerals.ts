const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 → number; anything else → null. */
export function chineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : DIGITS[text.slice(0, ten)];
  const rest = text.slice(ten + 1);
  const ones = rest === '' ? 0 : DIGITS[rest];
  return tens === undefined || ones === undefined || text.length - ten > 2 ? null : tens * 10 + ones;
}

const NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 … 99 → 一 … 九十九 */
export function toChineseNumeral(n: number): string {
  if (n < 10) return NAMES[n] ?? String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : NAMES[tens]}十${NAMES[n % 10]}`;
}
