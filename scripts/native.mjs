// Makes sure better-sqlite3 is compiled for the runtime about to load it: `node` (tests, web host, sandbox)
// or `electron` (the desktop app). Usage: node scripts/native.mjs node|electron
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './lib/electron-binary.mjs';

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** True when better-sqlite3 loads in this Node and opens a database. */
function loadsUnderNode() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"],
    { stdio: 'pipe' },
  );
  return probe.status === 0;
}

if (target === 'node') {
  if (loadsUnderNode()) process.exit(0);
  console.log('native: better-sqlite3 is not built for this Node; rebuilding it');
  if (!run('npm', ['rebuild', 'better-sqlite3']) || !loadsUnderNode()) {
    console.error('native: better-sqlite3 still does not load under Node');
    process.exit(1);
  }
  process.exit(0);
}

// Electron: only meaningful where the Electron binary exists.
if (!findElectronBinary()) {
  console.log('native: no Electron binary on this machine; leaving better-sqlite3 built for Node');
  process.exit(0);
}
process.exit(run('npx', ['electron-builder', 'install-app-deps']) ? 0 : 1);
