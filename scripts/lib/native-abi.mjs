// The Node ABI a compiled addon was built for, read from the file itself: its exported registration symbol
// `node_register_module_v<abi>`. A marker file (electron-rebuild's .forge-meta) can lie; the binary cannot.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
export const ADDON = join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
const FORGE_META = join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/.forge-meta');

/** The ABI number the addon registers itself for, or null when there is no addon (or no symbol in it). */
export function addonAbi(file = ADDON) {
  if (!existsSync(file)) return null;
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** The ABI Electron needs, from the electron package (known without its binary). */
export function electronAbi() {
  return Number(readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim());
}

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** electron-rebuild skips a module whose marker says it is built already: after a switch the marker is stale. */
export function removeRebuildMarker() {
  rmSync(FORGE_META, { force: true });
}
