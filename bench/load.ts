/**
 * Twenty simulated agents against one sandbox for 60 seconds: each has its own main side (services and cache)
 * and loops over a mix of searches (50%), account opens (30%) and attribute writes (20%) with no pause. Writes
 * go to accounts of the agent's own, so the last value each agent saw saved must be what the platform holds at
 * the end: a lost write is one that is not. Reports p50/p95/p99 per kind, errors, and lost writes.
 * The sandbox runs as its own process over a copy of the 10,000-account benchmark database.
 * Usage: npm run build && tsx bench/load.ts [agents=20] [seconds=60]
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childProcessSandboxLauncher } from '../electron/main/services/connections/child-process-sandbox';
import { silentLogger } from '../electron/main/services/logger';
import { openDatabase } from '../sandbox/db/database';
import { connectToSandbox } from '../tests/unit/sandbox-services';
import { typicalSearches } from './fixtures';
import { recordResults } from './results';
import { ensureBenchDatabase } from './seed-sandbox';
import { percentiles } from './stats';

const agents = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 60);
const entry = join(import.meta.dirname, '..', 'out', 'main', 'sandbox.js');
if (!existsSync(entry)) throw new Error('Build first (npm run build): the load test runs out/main/sandbox.js.');

const { file } = ensureBenchDatabase(10_000);
const copy = join(mkdtempSync(join(tmpdir(), 'deskside-load-')), 'sandbox.db');
copyFileSync(file, copy);
const db = openDatabase(copy);
const ids = (
  db.prepare("SELECT id FROM accounts WHERE store = 'consumers' ORDER BY rowid").all() as Array<{ id: string }>
).map((row) => row.id);
db.close();
const platform = await childProcessSandboxLauncher(entry, silentLogger).start({ dataFile: copy });

const filters = typicalSearches;
const times: Record<'search' | 'open' | 'write', number[]> = { search: [], open: [], write: [] };
const errors: string[] = [];
const lastSaved = new Map<string, string>();
const stopAt = Date.now() + seconds * 1000;

async function agent(number: number) {
  const services = connectToSandbox(platform.url, { productionClient: true });
  const own = ids.slice(1000 + number * 5, 1000 + number * 5 + 5); // this agent's accounts for writes
  let step = 0;
  while (Date.now() < stopAt) {
    const roll = (step * 7 + number * 13) % 10;
    const started = performance.now();
    try {
      if (roll < 5) {
        await services.accounts.search({
          store: 'consumers',
          filter: filters[step % filters.length]!,
          page: 0,
          size: 50,
        });
        times.search.push(performance.now() - started);
      } else if (roll < 8) {
        await services.profiles.open('consumers', ids[(step * 31 + number * 101) % ids.length]!);
        times.open.push(performance.now() - started);
      } else {
        const accountId = own[step % own.length]!;
        const value = `Load ${number}-${step}`;
        await services.profiles.act('consumers', accountId, {
          kind: 'updateAttributes',
          changes: { 'name.familyName': value },
        });
        lastSaved.set(accountId, value);
        times.write.push(performance.now() - started);
      }
    } catch (error) {
      errors.push(`agent ${number}: ${(error as Error).message}`);
    }
    step++;
  }
  services.connectivity.dispose();
}

console.log(`load: ${agents} agents for ${seconds} s against ${platform.url}`);
await Promise.all(Array.from({ length: agents }, (_, number) => agent(number)));

// Lost writes: what the platform holds now against what each agent saw saved.
const checker = connectToSandbox(platform.url, { productionClient: true });
let lost = 0;
for (const [accountId, value] of lastSaved) {
  const view = await checker.profiles.open('consumers', accountId);
  const held = (view.profile.attributes.name as { familyName?: string } | undefined)?.familyName;
  if (held !== value) lost++;
}
checker.connectivity.dispose();
await platform.stop();

const figures = {
  agents,
  seconds,
  operations: times.search.length + times.open.length + times.write.length,
  search: percentiles(times.search),
  open: percentiles(times.open),
  write: percentiles(times.write),
  errors: errors.length,
  firstErrors: errors.slice(0, 5),
  writesChecked: lastSaved.size,
  lostWrites: lost,
};
for (const kind of ['search', 'open', 'write'] as const)
  console.log(
    `${kind}: n ${figures[kind].n}  p50 ${figures[kind].p50} ms  p95 ${figures[kind].p95} ms  p99 ${figures[kind].p99} ms`,
  );
console.log(`errors ${figures.errors}, lost writes ${lost} of ${lastSaved.size} accounts checked`);
for (const line of figures.firstErrors) console.log(`  ${line}`);
await recordResults('load', figures);
