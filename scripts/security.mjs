// Doyensec's electronegativity over Deskside's sources: the main side, the preload, the renderer's code and the
// built page (which carries the CSP). Any finding of medium severity or above fails; lower ones are listed.
// Exceptions are `eng-disable` comments in the code, each with its reason on the line above.
// Usage: node scripts/security.mjs (after a build: it reads out/renderer/index.html)
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
// The scanner is called as a library and its findings read from its answer: its CLI writes the CSV report's header
// and rows with two writes it does not wait for, so a run could lose or cut a finding (one CI run read a row whose
// start the header had overwritten).
const { default: electronegativity } = await import('@doyensec/electronegativity');
const { issues, errors } = await electronegativity(
  {
    input: scan,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  },
  false,
);
if (!Array.isArray(issues)) {
  console.error('security: electronegativity answered no list of findings');
  process.exit(1);
}
// A file the scanner could not parse was not checked: that fails too.
for (const error of errors ?? []) console.log(`unscanned     ${error.file ?? ''} ${error.message ?? error}`);
const findings = issues.map((issue) => ({
  issue: issue.id,
  severity: issue.severity?.name ?? 'UNKNOWN',
  file: issue.file,
  location: `${issue.location?.line}:${issue.location?.column}`,
  description: issue.description,
}));
const blocking = findings.filter((finding) => !['LOW', 'INFORMATIONAL'].includes(finding.severity));
for (const finding of findings)
  console.log(
    `${finding.severity.padEnd(13)} ${finding.issue} ${finding.file}:${finding.location} ${finding.description}`,
  );
console.log(
  `security: ${findings.length} findings, ${blocking.length} of medium severity or above (or unknown), ${errors?.length ?? 0} files unscanned`,
);
process.exit(blocking.length > 0 || (errors?.length ?? 0) > 0 ? 1 : 0);
