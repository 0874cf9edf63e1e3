/**
 * `npm run bench`: every benchmark, one after the other (they measure time, so never side by side), then the
 * figures table of bench/README.md rewritten from bench/results.json.
 * `npm run bench -- --only console,renderer` runs some of them. The first run seeds a 1,000,000-account
 * sandbox (about 9 minutes, 8 GB in bench/.data/), which later runs reuse.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const steps: Array<{ name: string; command: string[] }> = [
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  { name: 'seed', command: ['npx', 'tsx', 'bench/seed-sandbox.ts', '1000000'] },
  { name: 'sandbox-search', command: ['npx', 'tsx', 'bench/sandbox-search.ts', '10000,1000000', '300'] },
  { name: 'console', command: ['npx', 'tsx', 'bench/console.ts', '200'] },
  { name: 'account-view', command: ['npx', 'tsx', 'bench/account-view.ts', '200'] },
  { name: 'renderer', command: ['npx', 'tsx', 'bench/renderer.ts'] },
  { name: 'cache-encryption', command: ['npx', 'tsx', 'bench/cache-encryption.ts', '400'] },
  { name: 'load', command: ['npx', 'tsx', 'bench/load.ts', '20', '60'] },
  { name: 'memory', command: [process.execPath, '--expose-gc', '--import', 'tsx', 'bench/memory.ts'] },
];

const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag >= 0 ? new Set((process.argv[onlyFlag + 1] ?? '').split(',').filter(Boolean)) : null;
if (only)
  for (const name of only) if (!steps.some((step) => step.name === name)) throw new Error(`No benchmark ${name}.`);

for (const step of steps) {
  if (only && !only.has(step.name) && step.name !== 'build') continue;
  console.log(`\n=== bench: ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.command[0]!, step.command.slice(1), { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(
      `bench: ${step.name} failed (exit ${run.status ?? run.signal}); the figures table is left as it was.`,
    );
    process.exit(1);
  }
  console.log(`=== bench: ${step.name} took ${Math.round((Date.now() - started) / 1000)} s`);
}
const table = spawnSync('npx', ['tsx', 'bench/write-readme.ts'], { cwd: root, stdio: 'inherit' });
process.exit(table.status ?? 1);
