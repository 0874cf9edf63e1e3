// Doyensec's electronegativity over Deskside's sources: the main side, the preload, the renderer's code and the
// built page (which carries the CSP). Any finding of medium severity or above fails; lower ones are listed.
// Exceptions are `eng-disable` comments in the code, each with its reason on the line above.
// Usage: node scripts/security.mjs (after a build: it reads out/renderer/index.html)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const page = join(root, 'out', 'renderer', 'index.html');
if (!existsSync(page)) {
  console.error('security: build first (npx electron-vite build); the built page is part of the scan.');
  process.exit(1);
}
// One folder with everything the app ships from source, so the global checks (CSP, navigation limits,
// permission handler) see the whole app at once, and nothing else (no bundles, no tests, no sandbox).
const scan = mkdtempSync(join(tmpdir(), 'deskside-security-'));
cpSync(join(root, 'electron'), join(scan, 'electron'), {
  recursive: true,
  filter: (path) => !path.endsWith('.test.ts'),
});
cpSync(join(root, 'renderer', 'src'), join(scan, 'renderer'), {
  recursive: true,
  filter: (path) => !path.endsWith('.test.ts'),
});
cpSync(join(root, 'shared'), join(scan, 'shared'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
cpSync(page, join(scan, 'index.html'));

const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const report = join(scan, 'electronegativity.csv');
const binary = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity',
);
const run = spawnSync(binary, ['-i', scan, '-r', '-o', report, '-e', electronVersion], { encoding: 'utf8' });
if (!existsSync(report)) {
  console.error(`security: electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

/** The report is CSV with quoted fields; this reads the columns it needs. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split('\n').slice(1)) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    rows.push({
      issue: cells[0],
      severity: cells[1],
      confidence: cells[2],
      file: cells[3],
      location: cells[4],
      description: cells[6],
    });
  }
  return rows;
}

const findings = parseCsv(readFileSync(report, 'utf8'));
const blocking = findings.filter((finding) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(finding.severity));
for (const finding of findings)
  console.log(
    `${finding.severity.padEnd(13)} ${finding.issue} ${finding.file}:${finding.location} ${finding.description}`,
  );
console.log(`security: ${findings.length} findings, ${blocking.length} of medium severity or above`);
process.exit(blocking.length > 0 ? 1 : 0);
