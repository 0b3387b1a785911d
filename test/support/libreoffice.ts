import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A .docx as LibreOffice prints it: converted headless to PDF (Debian's libreoffice-writer-nogui),
 * its text and images read back with poppler. Each conversion has its own LibreOffice profile so
 * parallel test workers do not fight over one.
 */

export interface PrintedDocument {
  dir: string;
  pdf: string;
  /** The PDF's text, pages separated by form feeds. */
  text: string;
  pages: number;
  /** Images placed on the pages (pdfimages -list, masks excluded). */
  images: number;
  /** Renders the pages to PNG at `dpi`; returns the files. */
  renderPages(dpi?: number): string[];
  dispose(): void;
}

export function printDocx(docx: Uint8Array, name = 'document'): PrintedDocument {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-docx-'));
  const source = join(dir, `${name}.docx`);
  writeFileSync(source, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const pdf = join(dir, `${name}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const imageList = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  const images = imageList.filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  return {
    dir, pdf, text, pages, images,
    renderPages(dpi = 60) {
      execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(dir, 'page')]);
      return readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort().map((f) => join(dir, f));
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
