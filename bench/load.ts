/**
 * Twenty agents against one sandbox for 60 seconds, each in a process of its own (bench/load-agent.ts: its own
 * main side and cache), searching, opening and writing without pause. Writes contend: agents come in groups of
 * four that write the same accounts at once, each agent one attribute of its own, so a platform or console that
 * lost a concurrent update would leave some agent's last saved value missing at the end. Reports p50/p95/p99 per
 * kind, errors, and lost writes. The sandbox runs as its own process over a copy of the 10,000-account database.
 * Usage: npm run build && tsx bench/load.ts [agents=20] [seconds=60]
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../sandbox/db/database';
import { connectToSandbox } from '../tests/unit/sandbox-services';
import { searchCases } from './cases';
import { type AgentPlan, type AgentReport } from './load-agent';
import { sandboxProcess } from './platform';
import { recordResults } from './results';
import { ensureBenchDatabase } from './seed-sandbox';
import { percentiles } from './stats';

const agents = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 60);
const ATTRIBUTES: Array<AgentPlan['attribute']> = [
  { path: 'name.givenName', kind: 'string' },
  { path: 'name.familyName', kind: 'string' },
  { path: 'interests', kind: 'list' },
  { path: 'birthDate', kind: 'date' },
];
const ACCOUNTS_PER_GROUP = 3;

const { file } = ensureBenchDatabase(10_000);
const work = mkdtempSync(join(tmpdir(), 'deskside-load-'));
const copy = join(work, 'sandbox.db');
copyFileSync(file, copy);
const cases = [...searchCases(copy).values()].flat();
const db = openDatabase(copy);
const consumers = (
  db.prepare("SELECT id FROM accounts WHERE store = 'consumers' AND enabled = 1 ORDER BY rowid").all() as Array<{
    id: string;
  }>
).map((row) => row.id);
const opens = db.prepare('SELECT id, store FROM accounts WHERE rowid % 20 = 0 ORDER BY rowid').all() as Array<{
  id: string;
  store: string;
}>;
db.close();
const platform = await sandboxProcess(copy);

const stopAt = Date.now() + seconds * 1000;
const plans: AgentPlan[] = Array.from({ length: agents }, (_, number) => {
  const group = Math.floor(number / ATTRIBUTES.length);
  return {
    url: platform.url,
    number,
    stopAt,
    attribute: ATTRIBUTES[number % ATTRIBUTES.length]!,
    writes: consumers.slice(1000 + group * ACCOUNTS_PER_GROUP, 1000 + (group + 1) * ACCOUNTS_PER_GROUP),
    opens,
    searches: cases,
  };
});

function runAgent(plan: AgentPlan): Promise<AgentReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-agent.ts', JSON.stringify(plan)], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`agent ${plan.number} exited with ${code}: ${output}`));
      else resolve(JSON.parse(line) as AgentReport);
    });
  });
}

console.log(`load: ${agents} agents, each its own process, for ${seconds} s against ${platform.url}`);
const reports = await Promise.all(plans.map(runAgent));

// Lost writes: for every account and attribute, the last value its agent saw saved against what the platform holds.
const checker = connectToSandbox(platform.url, { productionClient: true });
let checked = 0;
let lost = 0;
const accountsWritten = new Set<string>();
for (const report of reports) {
  const { path } = plans[report.number]!.attribute;
  for (const [accountId, value] of Object.entries(report.saved)) {
    const view = await checker.profiles.open('consumers', accountId);
    const held = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], view.profile.attributes);
    checked++;
    accountsWritten.add(accountId);
    if (JSON.stringify(held) !== JSON.stringify(value)) {
      lost++;
      console.log(
        `lost: agent ${report.number}'s ${path} = ${JSON.stringify(value)} on ${accountId}; the platform holds ${JSON.stringify(held)}`,
      );
    }
  }
}
checker.connectivity.dispose();
await platform.stop();
rmSync(work, { recursive: true, force: true });

const all = (kind: 'search' | 'open' | 'write') => reports.flatMap((report) => report.times[kind]);
const errors = reports.flatMap((report) => report.errors);
const figures = {
  agents,
  processes: reports.length,
  seconds,
  operations: all('search').length + all('open').length + all('write').length,
  search: percentiles(all('search')),
  open: percentiles(all('open')),
  write: percentiles(all('write')),
  errors: errors.length,
  firstErrors: errors.slice(0, 5),
  writers: { perAccount: Math.min(agents, ATTRIBUTES.length), accounts: accountsWritten.size },
  writesChecked: checked,
  lostWrites: lost,
};
if (checked === 0) throw new Error('no write was saved: the load test checked nothing');
for (const kind of ['search', 'open', 'write'] as const)
  console.log(
    `${kind}: n ${figures[kind].n}  p50 ${figures[kind].p50} ms  p95 ${figures[kind].p95} ms  p99 ${figures[kind].p99} ms`,
  );
console.log(
  `errors ${figures.errors}, lost writes ${lost} of ${checked} (account, attribute) pairs on ${accountsWritten.size} accounts, each written by ${figures.writers.perAccount} agents at once`,
);
for (const line of figures.firstErrors) console.log(`  ${line}`);
recordResults('load', figures);
