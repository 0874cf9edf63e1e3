// `npm test`: lint, typecheck, build, unit tests (vitest, with the desktop start-up smoke test against the build),
// security checks (electronegativity), browser tests (Playwright in Chromium against the web host)
// and, where an Electron binary exists, the desktop app's end-to-end tests. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from './lib/electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs one step; `count` adds its tests to the totals, failed or not, so the summary line is always true. */
function step(title, command, args, count = () => undefined) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: root,
    env: process.env,
    shell: process.platform === 'win32',
  });
  count();
  if (result.status !== 0) {
    console.error(`\n${title} failed`);
    printSummary();
    process.exit(result.status ?? 1);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function countVitest() {
  const report = readJson(join(results, 'vitest.json'));
  if (!report) return;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright() {
  const report = readJson(join(results, 'playwright.json'));
  if (!report?.stats) return;
  totals.passed += report.stats.expected ?? 0;
  totals.failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
  totals.skipped += report.stats.skipped ?? 0;
}

function printSummary() {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

rmSync(results, { recursive: true, force: true });
step('native modules for Node', process.execPath, ['scripts/native.mjs', 'node']);
step('lint', 'npm', ['run', 'lint']);
step('typecheck', process.execPath, ['scripts/typecheck.mjs']);
// Built first: the desktop start-up smoke test (tests/desktop) runs the built app against a strict Electron fake.
step('build', 'npx', ['electron-vite', 'build']);
step(
  'unit tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  countVitest,
);
step('security checks (electronegativity)', process.execPath, ['scripts/security.mjs']);
step('browser tests', 'npx', ['playwright', 'test', '--project=browser'], countPlaywright);

/** How many tests the Electron suite holds, so a machine without the binary counts them as skipped. */
function countElectronTests() {
  const listed = spawnSync('npx', ['playwright', 'test', '--project=electron', '--list'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  return (listed.stdout ?? '').split('\n').filter((line) => /\[electron\] ›/.test(line)).length;
}

const electronBinary = findElectronBinary();
if (!electronBinary) {
  const skipped = countElectronTests();
  totals.skipped += skipped;
  console.log(
    `\n=== electron tests: ${skipped} skipped, no Electron binary on this machine (node_modules/electron has no dist/)`,
  );
} else {
  // The suite loads better-sqlite3-multiple-ciphers in Electron: build it for Electron's ABI first, and for Node again after.
  step('native modules for Electron', process.execPath, ['scripts/native.mjs', 'electron']);
  const headless = !process.env.DISPLAY && process.platform === 'linux' && existsSync('/usr/bin/xvfb-run');
  const [command, args] = headless
    ? ['xvfb-run', ['-a', 'npx', 'playwright', 'test', '--project=electron']]
    : ['npx', ['playwright', 'test', '--project=electron']];
  step('electron tests', command, args, countPlaywright);
  step('native modules for Node again', process.execPath, ['scripts/native.mjs', 'node']);
}
printSummary();
