import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The longest a conversion may take before it is given up (a 60-page report takes about 20 s here). */
export const PDF_TIMEOUT_MS = 180_000;

/**
 * A .docx printed to PDF by LibreOffice headless (Debian's libreoffice-writer-nogui), with a
 * profile of its own so parallel conversions do not share one. Null when LibreOffice is not
 * installed: the PDF is an extra, the .docx is the document.
 */
export async function docxToPdf(docx: Uint8Array, command = process.env.HALFSKY_SOFFICE || 'soffice'): Promise<Buffer | null> {
  const dir = await mkdtemp(join(tmpdir(), 'halfsky-pdf-'));
  try {
    const source = join(dir, 'report.docx');
    await writeFile(source, docx);
    await run(command, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source], { timeout: PDF_TIMEOUT_MS });
    return await readFile(join(dir, 'report.pdf'));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'ENOENT' && failure.syscall?.startsWith('spawn')) return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
