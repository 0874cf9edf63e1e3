// Where the Electron binary is, without triggering Electron's lazy download (require('electron') would).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronPackage = join(import.meta.dirname, '../../node_modules/electron');

/** The Electron executable's path, or null on machines that have none (CI here, headless servers). */
export function findElectronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronPackage, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}
