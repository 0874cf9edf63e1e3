// Makes sure better-sqlite3-multiple-ciphers is compiled for the runtime about to load it: `node` (tests, web host, sandbox)
// or `electron` (the desktop app). The ABI is read from the compiled file, never from a marker, and Electron's
// is known from the electron package, so no Electron binary is needed to build for it.
// Usage: node scripts/native.mjs node|electron
import { spawnSync } from 'node:child_process';
import { addonAbi, electronAbi, electronVersion, removeRebuildMarker } from './lib/native-abi.mjs';

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** True when better-sqlite3-multiple-ciphers loads in this Node and opens a database. */
function loadsUnderNode() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const D=require('better-sqlite3-multiple-ciphers'); new D(':memory:').prepare('select 1').get()"],
    { stdio: 'pipe' },
  );
  return probe.status === 0;
}

if (target === 'node') {
  const wanted = Number(process.versions.modules);
  if (addonAbi() === wanted && loadsUnderNode()) process.exit(0);
  console.log(
    `native: better-sqlite3-multiple-ciphers is built for ABI ${addonAbi() ?? 'none'}, Node needs ${wanted}; rebuilding it`,
  );
  removeRebuildMarker();
  if (!run('npm', ['rebuild', 'better-sqlite3-multiple-ciphers']) || addonAbi() !== wanted || !loadsUnderNode()) {
    console.error('native: better-sqlite3-multiple-ciphers still does not load under Node');
    process.exit(1);
  }
  process.exit(0);
}

const wanted = electronAbi();
const found = addonAbi();
if (found === wanted) process.exit(0);
console.log(
  `native: better-sqlite3-multiple-ciphers is built for ABI ${found ?? 'none'}, Electron ${electronVersion()} needs ${wanted}; rebuilding it`,
);
removeRebuildMarker();
const { rebuild } = await import('@electron/rebuild');
try {
  await rebuild({
    buildPath: process.cwd(),
    electronVersion: electronVersion(),
    onlyModules: ['better-sqlite3-multiple-ciphers'],
    force: true,
  });
} catch (error) {
  console.error(
    `native: could not build better-sqlite3-multiple-ciphers for Electron (${error.message.split('\n')[0]}).`,
  );
  console.error("native: it needs a C++ toolchain and Electron's headers (downloaded on first use); see the README.");
  process.exit(1);
}
if (addonAbi() !== wanted) {
  console.error(`native: better-sqlite3-multiple-ciphers reports ABI ${addonAbi()} after the rebuild, not ${wanted}`);
  process.exit(1);
}
console.log(`native: better-sqlite3-multiple-ciphers is built for Electron (ABI ${wanted})`);
