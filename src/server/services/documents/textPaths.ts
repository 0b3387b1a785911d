import { openSync, type Font } from 'fontkit';
import { chartFontFiles } from './fonts';

/*
 * Chart text drawn as outlines before resvg sees the SVG. resvg-js reads a font file from disk
 * each time it lays out a text element (some 100 ms for a 20 MB Noto CJK collection, so a chart
 * took half a second and a report with a hundred charts a minute). Here the two faces are opened
 * once per process with fontkit, every character's outline is converted once and then reused, and
 * resvg gets an SVG without text and no fonts at all. Chart labels are Chinese, digits and Latin
 * letters, which need no shaping: each character is its glyph, placed by its advance.
 */

/** The faces of Noto Sans CJK SC inside Debian's collections (regular, bold). */
const FACES = { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' } as const;

interface Glyph {
  /** Outline in font units (y up) as SVG path data; empty for a space. */
  outline: string;
  advance: number;
}

interface Face {
  font: Font;
  /** By code point. */
  glyphs: Map<number, Glyph>;
}

let faces: { regular: Face; bold: Face } | undefined;

function loadFaces(): { regular: Face; bold: Face } {
  if (faces) return faces;
  const [regularFile, boldFile] = chartFontFiles();
  const open = (file: string, name: string): Face => ({ font: openSync(file, name) as Font, glyphs: new Map() });
  faces = { regular: open(regularFile!, FACES.regular), bold: open(boldFile!, FACES.bold) };
  return faces;
}

function glyphOf(face: Face, codePoint: number): Glyph {
  let glyph = face.glyphs.get(codePoint);
  if (!glyph) {
    const found = face.font.glyphForCodePoint(codePoint);
    face.glyphs.set(codePoint, (glyph = { outline: found.path.toSVG(), advance: found.advanceWidth }));
  }
  return glyph;
}

/** The entities ECharts' SVG writer escapes in text. */
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (whole, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? whole;
  });

const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** Where the baseline sits below the y of the text, as a share of the font size, per dominant-baseline. */
function baselineShift(font: Font, baseline: string | undefined): number {
  const ascent = font.ascent / font.unitsPerEm;
  const descent = font.descent / font.unitsPerEm; // negative
  switch (baseline) {
    case 'central':
    case 'middle':
      return (ascent + descent) / 2;
    case 'hanging':
    case 'text-before-edge':
    case 'text-top':
      return ascent;
    case 'ideographic':
    case 'text-after-edge':
    case 'text-bottom':
      return descent;
    default:
      return 0;
  }
}

/** One text element as a group of glyph outlines, keeping its transform, fill and stroke. */
function textToPaths(attrs: string, content: string): string {
  const style = attr(attrs, 'style') ?? '';
  const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
  const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
  const face = bold ? loadFaces().bold : loadFaces().regular;
  const { font } = face;
  const run = [...unescapeXml(content)].map((ch) => glyphOf(face, ch.codePointAt(0)!));
  const scale = size / font.unitsPerEm;
  const width = run.reduce((sum, g) => sum + g.advance, 0) * scale;
  const anchor = attr(attrs, 'text-anchor');
  let x = Number(attr(attrs, 'x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const y = Number(attr(attrs, 'y') ?? 0) + baselineShift(font, attr(attrs, 'dominant-baseline')) * size;

  // Glyphs are drawn in font units; a label's halo (stroke-width in pixels) is scaled back for them.
  const strokeWidth = attr(attrs, 'stroke-width');
  const glyphStroke = strokeWidth === undefined ? '' : ` stroke-width="${round(Number(strokeWidth) / scale)}"`;
  const glyphs: string[] = [];
  for (const { outline, advance } of run) {
    if (outline) glyphs.push(`<path transform="translate(${round(x)} ${round(y)}) scale(${round(scale, 5)} ${round(-scale, 5)})"${glyphStroke} d="${outline}"/>`);
    x += advance * scale;
  }
  const kept = ['transform', 'fill', 'stroke', 'paint-order', 'stroke-miterlimit', 'opacity', 'fill-opacity']
    .map((name) => [name, attr(attrs, name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${value}"`);
  return `<g ${kept.join(' ')}>${glyphs.join('')}</g>`;
}

const round = (v: number, digits = 2) => Number(v.toFixed(digits));

/** The SVG with every `<text>` element replaced by the outlines of its glyphs. */
export function outlineText(svg: string): string {
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, content: string) => textToPaths(attrs, content));
}
