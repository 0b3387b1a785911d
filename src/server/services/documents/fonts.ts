import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/*
 * The CJK fonts the chart renderer draws with. They are loaded by file, never by guessing the
 * system's default font, so a chart looks the same on every machine that has Debian's
 * fonts-noto-cjk — and fails with a clear message on one that does not.
 */

/** The family names charts use (the sans for all chart text). */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

/** Where Debian's fonts-noto-cjk puts the files; fc-list is asked only when they are not there. */
const DEBIAN_DIR = '/usr/share/fonts/opentype/noto';
const FONT_FILES = ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc'] as const;

export class MissingFontError extends Error {}

/** Parses `fc-list --format '%{file}\n' 'Noto Sans CJK SC'` output into the files of the two faces charts need. */
export function pickFontFiles(fcListOutput: string): string[] {
  const files = [...new Set(fcListOutput.split('\n').map((line) => line.trim()).filter(Boolean))];
  return FONT_FILES.map((name) => files.find((file) => file.endsWith(`/${name}`))).filter((f): f is string => f !== undefined);
}

let cached: string[] | undefined;

/** The font files for charts: Noto Sans CJK regular and bold. */
export function chartFontFiles(): string[] {
  if (cached) return cached;
  let files = FONT_FILES.map((name) => `${DEBIAN_DIR}/${name}`).filter((file) => existsSync(file));
  if (files.length < FONT_FILES.length) {
    try {
      files = pickFontFiles(execFileSync('fc-list', ['--format', '%{file}\n', CHART_FONT_FAMILY], { encoding: 'utf8' }));
    } catch {
      files = [];
    }
  }
  if (files.length < FONT_FILES.length) {
    throw new MissingFontError(`找不到图表所需的中文字体 ${FONT_FILES.join('、')}（Debian 软件包 fonts-noto-cjk）`);
  }
  cached = files;
  return files;
}
