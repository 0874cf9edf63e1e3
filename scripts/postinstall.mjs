// Rebuilds native modules (better-sqlite3-multiple-ciphers) for Electron's ABI on a developer's machine.
// Machines without an Electron binary (CI, this workplace) skip it; the install must never fail because of it.
import { spawnSync } from 'node:child_process';

const skipBecause = ['CI', 'ELECTRON_SKIP_BINARY_DOWNLOAD', 'SKIP_ELECTRON_REBUILD'].find((name) => process.env[name]);
if (skipBecause) {
  console.log(`postinstall: skipping the Electron rebuild of native modules (${skipBecause} is set)`);
  process.exit(0);
}
try {
  const result = spawnSync(process.execPath, ['scripts/native.mjs', 'electron'], { stdio: 'inherit' });
  if (result.status !== 0) console.warn('postinstall: the Electron rebuild failed; `npm start` will try again');
} catch (error) {
  console.warn(`postinstall: the Electron rebuild could not start (${error.message}); \`npm start\` will try again`);
}
process.exit(0);
