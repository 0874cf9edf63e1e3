/**
 * `npm run bench`: every benchmark, one after the other (they measure time, so never side by side), as one run
 * with its own id, then bench/results.json written from that run alone and the figures table of bench/README.md
 * from it. The run starts by seeding the benchmark databases afresh (about 8 minutes for 1,000,000 accounts, 13 GB
 * in bench/.data/), so the seed's figure is of this run too.
 * `npm run bench -- --only console,renderer` runs some of them against the databases there (seeded again only if
 * the sandbox's code changed since), keeping their figures in bench/.data/runs/<id>/ and leaving results.json alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { currentRun, runDirectory, runEnvironment, writeResults } from './results';
import { removeBenchDatabase } from './seed-sandbox';

const root = join(import.meta.dirname, '..');
const SIZES = [10_000, 1_000_000];
const steps: Array<{ name: string; command: string[] }> = [
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  { name: 'seed', command: ['npx', 'tsx', 'bench/seed-sandbox.ts', SIZES.join(',')] },
  { name: 'sandbox-search', command: ['npx', 'tsx', 'bench/sandbox-search.ts', SIZES.join(','), '300'] },
  { name: 'console', command: ['npx', 'tsx', 'bench/console.ts', '1200', '6000'] },
  { name: 'account-view', command: ['npx', 'tsx', 'bench/account-view.ts', '1000'] },
  { name: 'renderer', command: ['npx', 'tsx', 'bench/renderer.ts'] },
  { name: 'cache-encryption', command: ['npx', 'tsx', 'bench/cache-encryption.ts', '400'] },
  { name: 'load', command: ['npx', 'tsx', 'bench/load.ts', '20', '60'] },
  { name: 'memory', command: [process.execPath, '--expose-gc', '--import', 'tsx', 'bench/memory.ts'] },
];

const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag >= 0 ? new Set((process.argv[onlyFlag + 1] ?? '').split(',').filter(Boolean)) : null;
if (only)
  for (const name of only) if (!steps.some((step) => step.name === name)) throw new Error(`No benchmark ${name}.`);

const run = currentRun();
console.log(
  `bench: run ${run.id} of ${run.commit.slice(0, 12)}${run.uncommitted.length > 0 ? ` with ${run.uncommitted.length} uncommitted file(s)` : ''}`,
);
if (!only) for (const size of SIZES) removeBenchDatabase(size);
const timings: Array<{ name: string; seconds: number }> = [];
for (const step of steps) {
  if (only && !only.has(step.name) && step.name !== 'build') continue;
  console.log(`\n=== bench: ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: runEnvironment(run),
  });
  if (result.status !== 0) {
    console.error(
      `bench: ${step.name} failed (exit ${result.status ?? result.signal}); results.json is left as it was.`,
    );
    process.exit(1);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push({ name: step.name, seconds });
  console.log(`=== bench: ${step.name} took ${seconds} s`);
}
if (only) {
  console.log(`\nbench: a partial run; its figures are in ${runDirectory(run)} (results.json unchanged).`);
  process.exit(0);
}
await writeResults(run, timings);
const table = spawnSync('npx', ['tsx', 'bench/write-readme.ts'], { cwd: root, stdio: 'inherit' });
process.exit(table.status ?? 1);
