// `npm start` (build, then the desktop app) and `npm run dev` (the desktop app with Vite's dev server).
// Electron 45 fetches its binary on first use: this fetches it first, and where it cannot be had says so in one
// line and points to the web host, instead of Electron's stack trace. Then better-sqlite3-multiple-ciphers is built for Electron's
// ABI (read from the file, not from a marker), the app is built, and Electron starts.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary } from './lib/electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');

function step(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  return result.status === 0;
}

let binary = findElectronBinary();
if (!binary) {
  console.log('desktop: fetching the Electron binary (once)');
  const fetched = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    stdio: 'pipe',
    cwd: root,
    encoding: 'utf8',
  });
  binary = findElectronBinary();
  if (!binary) {
    const reason = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
      ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set'
      : (`${fetched.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'no answer');
    console.error(
      `Deskside: the Electron binary could not be downloaded (${reason.trim().slice(0, 160)}); run \`npm run web\` to use Deskside in a browser instead.`,
    );
    process.exit(1);
  }
}
if (!step([join(root, 'scripts/native.mjs'), 'electron'])) process.exit(1);
const electronVite = join(root, 'node_modules/electron-vite/bin/electron-vite.js');
if (dev) {
  const child = spawn(process.execPath, [electronVite, 'dev'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!step([electronVite, 'build'])) process.exit(1);
  const child = spawn(binary, ['.'], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
}
