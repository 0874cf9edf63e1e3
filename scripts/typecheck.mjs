// `npm run typecheck`: each layer against its own tsconfig (shared/ sees neither DOM nor Node, renderer/ no Node,
// electron/ and sandbox/ no DOM), then the tests and tools that drive them all. Stops at the first that fails.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
for (const config of ['shared', 'renderer', 'electron', 'sandbox', null]) {
  const project = config ? `tsconfig.${config}.json` : 'tsconfig.json';
  console.log(`typecheck: ${project}`);
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
