// `npm run web [-- --port N --data-dir DIR]`: builds when the sources are newer than out/, then runs the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const builtEntry = join(root, 'out/main/web.js');
const builtPage = join(root, 'out/renderer/index.html');
const sourceFolders = ['electron', 'renderer', 'shared', 'sandbox'];
const sourceFiles = ['electron.vite.config.ts', 'package.json'];

/** Newest modification time under the given paths. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

function needsBuild() {
  if (!existsSync(builtEntry) || !existsSync(builtPage)) return true;
  const built = Math.min(statSync(builtEntry).mtimeMs, statSync(builtPage).mtimeMs);
  return newest([...sourceFolders, ...sourceFiles].map((path) => join(root, path))) > built;
}

const nativeCheck = spawnSync(process.execPath, [join(root, 'scripts/native.mjs'), 'node'], {
  stdio: 'inherit',
  cwd: root,
});
if (nativeCheck.status !== 0) process.exit(nativeCheck.status ?? 1);

if (needsBuild()) {
  console.error('web: building the console (sources changed since the last build)');
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: root,
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = spawn(process.execPath, [builtEntry, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
