/**
 * Source lines → the lines the structure parser reads. A plan pasted from a web page often loses
 * its line breaks: the title, the area headings, 主要目标：, the numbered goals and 策略措施 all run
 * on in one line. Such a line is cut again before each structural marker; every other line is
 * kept as it is, so documents with their line breaks parse exactly as before.
 */

/** A line to parse: trimmed text and the 1-based source line it comes from. */
export interface SourceLine {
  line: number;
  text: string;
  /** Cut from the middle of a run-together line rather than starting a source line. */
  cut: boolean;
}

/**
 * A block head (“主要目标：”) in a line: the sign of lines run together when anything shares the
 * line with it. A line that holds only the head is cut into itself.
 */
const RUN_TOGETHER = /(?:主要目标|策略措施)\s*[:：]|(?<=^|[\s。；;！!？?])(?:主要目标|策略措施)/;

const CN = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,3}';
const PERIOD = String.raw`[（(]\s*\d{4}\s*年?\s*[—–\-－~～至]+\s*\d{4}\s*年?\s*[)）]`;
/**
 * Where a run-together line is cut: before a plan title with its period (and after the period),
 * a chapter “二、”, a heading “（一）”, a block head, a numbered item “1.” “1、” “（1）”, or a dash
 * item “——”. Chapters, numbers and dashes must follow a sentence end (numbers and dashes also a
 * colon), as “一、二、三产业” or “提高1.5个百分点” do not; a heading is cut anywhere, since a
 * piece that turns out to be no heading is joined back to the item before it. Each
 * alternative is tried at one position in bounded time, so cutting is linear in the line's length.
 */
const CUT = new RegExp(
  [
    String.raw`(?<=^|[\s。；;！!？?])[^\s。；;，,、：:《》“”（()）]{2,30}?(?:妇女|儿童)(?:发展)?(?:规划|纲要)\s*${PERIOD}`,
    String.raw`(?<=[\s。；;！!？?])${CN}\s*、`,
    String.raw`[（(]\s*${CN}\s*[)）]`,
    String.raw`(?:主要目标|策略措施)(?=\s*[:：])`,
    String.raw`(?<=[\s。；;！!？?])(?:主要目标|策略措施)`,
    String.raw`(?<=[\s。；;：:！!？?])(?:${DIGITS}\s*[.．、](?![0-9０-９])|[（(]\s*${DIGITS}\s*[)）])`,
    String.raw`(?<=[\s。；;：:！!？?])(?:——|--|－－)`,
  ].join('|'),
  'g',
);
const TITLE_WITH_PERIOD = new RegExp(String.raw`${PERIOD}$`);

export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (content === '') return;
    if (!RUN_TOGETHER.test(content)) {
      out.push({ line, text: content, cut: false });
      return;
    }
    let from = 0;
    const cut = (to: number) => {
      const piece = content.slice(from, to).trim();
      if (piece) out.push({ line, text: piece, cut: from > 0 });
      from = to;
    };
    for (const m of content.matchAll(CUT)) {
      cut(m.index);
      // A title keeps its period on its own line; what follows it (前言…) starts a new one.
      if (TITLE_WITH_PERIOD.test(m[0])) cut(m.index + m[0].length);
    }
    cut(content.length);
  });
  return out;
}
