// @ts-check
/**
 * The Debian packages the tests need, in one place: `npm test` (scripts/test.mjs) and .ci/run
 * both call it. Installs whichever are missing when run as root; otherwise says what to run.
 * `node scripts/system-packages.mjs` checks (and as root installs) on its own; exit code 1 when
 * something is still missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {string} name */
const onPath = (name) => (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));

/** @param {string} root @param {string} tail */
const inVersionDir = (root, tail) => existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, tail)));

/** Every package with what it is for and how to tell it is there (what the tests actually use). */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', why: 'end-to-end tests (Playwright)', present: () => existsSync('/usr/bin/chromium') },
  {
    name: 'fonts-noto-cjk',
    why: 'Chinese text in screenshots and documents',
    present: () =>
      existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') ||
      (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim().length > 0,
  },
  { name: 'postgresql', why: 'integration tests on PostgreSQL, pg_dump', present: () => inVersionDir('/usr/lib/postgresql', 'bin/initdb') },
  { name: 'libreoffice-writer-nogui', why: 'document tests (.docx → PDF)', present: () => onPath('soffice') || existsSync('/usr/lib/libreoffice/program/soffice') },
  { name: 'poppler-utils', why: 'document tests (PDF text and pages)', present: () => onPath('pdftotext') && onPath('pdftoppm') },
];

/**
 * Installs the missing packages with apt-get when running as root. Returns the names still
 * missing afterwards (empty when all is well); prints what happened.
 * @returns {string[]}
 */
export function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !p.present());
  if (missing.length === 0) return [];
  const names = missing.map((p) => p.name);
  console.log(`Missing system packages: ${missing.map((p) => `${p.name} (${p.why})`).join(', ')}`);
  if (process.getuid?.() !== 0) {
    console.error(
      `Not running as root, so they were not installed. Install them with\n` +
        `  sudo apt-get install -y ${names.join(' ')}\n` +
        `or run the tests as root (sudo npm test), which installs them itself. Tests that need them will fail.`,
    );
    return names;
  }
  if (!onPath('apt-get')) {
    console.error(`apt-get not found: install ${names.join(' ')} with this system's package manager.`);
    return names;
  }
  console.log(`Installing: apt-get install -y ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (/** @type {string[]} */ args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!apt(['update']) || !apt(['install', '-y', ...names])) {
    console.error('apt-get failed; see its output above.');
  }
  return SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureSystemPackages().length ? 1 : 0;
}
