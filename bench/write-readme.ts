/**
 * Rewrites the figures table of bench/README.md from bench/results.json, each figure beside its target and the
 * machine it was measured on. Usage: tsx bench/write-readme.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { RESULTS_FILE } from './results';

type Percentiles = { p50: number; p95: number; p99: number; n: number };
type EncryptedVersusPlain = { plain: Percentiles; encrypted: Percentiles; p50Ratio: number; p95Ratio: number };
type Machine = { cpu: string; cores: number; memoryGiB: number; node: string };
interface Results {
  sandboxSearch?: {
    measuredAt: string;
    machine: Machine;
    seedSeconds: Record<string, number | null>;
    listAccounts: Record<string, Record<string, Percentiles>>;
  };
  console?: {
    measuredAt: string;
    machine: Machine;
    searchRoundTripAt1M: Percentiles;
    localSearchOver100k: Percentiles;
    bulkDisable1000: { seconds: number; accountsPerSecond: number; done: number; failed: number };
  };
  renderer?: {
    measuredAt: string;
    machine: Machine;
    bundle: { files: number; kib: number; gzipKib: number };
    timeToInteractive: Percentiles;
    list10k: {
      rows: number;
      renderedAtTop: number;
      renderedAtMiddle: number;
      renderedAtEnd: number;
      jumpToEndMs: number;
    };
  };
  load?: {
    measuredAt: string;
    machine: Machine;
    agents: number;
    seconds: number;
    operations: number;
    search: Percentiles;
    open: Percentiles;
    write: Percentiles;
    errors: number;
    writesChecked: number;
    lostWrites: number;
  };
  cacheEncryption?: {
    measuredAt: string;
    machine: Machine;
    localSearchOver100k: EncryptedVersusPlain;
    openFromCache: EncryptedVersusPlain;
  };
  memory?: {
    measuredAt: string;
    machine: Machine;
    servicesStarted: { rssMiB: number; heapUsedMiB: number };
    with100kCachedAccounts: { rssMiB: number; heapUsedMiB: number };
  };
  accountView?: {
    measuredAt: string;
    machine: Machine;
    openAt1M: Percentiles;
    openFromCache: Percentiles;
    report10kEvents: Percentiles & { events: number; bytes: number; worst: number };
  };
}

const README = join(import.meta.dirname, 'README.md');
const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';

const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
const rows: string[] = ['| figure | measured | target | verdict |', '| --- | --- | --- | --- |'];
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const machineOf = (machine: Machine, at: string) =>
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${at.slice(0, 10)}`;
const machines = new Set<string>();

const search = results.sandboxSearch;
if (search) {
  machines.add(machineOf(search.machine, search.measuredAt));
  const seeded = search.seedSeconds['1000000'];
  if (seeded)
    rows.push(
      `| seed 1,000,000 accounts | ${(seeded / 60).toFixed(1)} min | under 10 min | ${verdict(seeded < 600)} |`,
    );
  const small = search.listAccounts['10000'] ?? {};
  const large = search.listAccounts['1000000'] ?? {};
  for (const [kind, figures] of Object.entries(large)) {
    const base = small[kind];
    rows.push(
      `| listAccounts, ${kind}, 1,000,000 accounts | p95 ${figures.p95} ms (p50 ${figures.p50}, p99 ${figures.p99}) | p95 under 50 ms | ${verdict(figures.p95 < 50)} |`,
    );
    if (base) {
      const ratio = figures.p95 / base.p95;
      rows.push(
        `| listAccounts, ${kind}, p95 at 1M / at 10k | ${ratio.toFixed(2)}× (${figures.p95} / ${base.p95} ms) | within 2× | ${verdict(ratio <= 2)} |`,
      );
    }
  }
}
const consoleFigures = results.console;
if (consoleFigures) {
  machines.add(machineOf(consoleFigures.machine, consoleFigures.measuredAt));
  const { searchRoundTripAt1M: trip, localSearchOver100k: local, bulkDisable1000: bulk } = consoleFigures;
  rows.push(
    `| console search round trip (main side through the sandbox), 1,000,000 accounts | p95 ${trip.p95} ms (p50 ${trip.p50}) | p95 under 100 ms | ${verdict(trip.p95 < 100)} |`,
  );
  rows.push(
    `| local search over 100,000 cached accounts | p95 ${local.p95} ms (p50 ${local.p50}) | p95 under 10 ms | ${verdict(local.p95 < 10)} |`,
  );
  rows.push(
    `| bulk disable of 1,000 accounts | ${bulk.accountsPerSecond} accounts/s (${bulk.seconds} s, ${bulk.failed} failed) | at least 100 accounts/s | ${verdict(bulk.accountsPerSecond >= 100)} |`,
  );
}
const view = results.accountView;
if (view) {
  machines.add(machineOf(view.machine, view.measuredAt));
  const { openAt1M: live, openFromCache: cached, report10kEvents: report } = view;
  rows.push(
    `| open an account (overview and every tab's data) through the sandbox, 1,000,000 accounts | p95 ${live.p95} ms (p50 ${live.p50}) | p95 under 150 ms | ${verdict(live.p95 < 150)} |`,
  );
  rows.push(
    `| open an account from the cache | p95 ${cached.p95} ms (p50 ${cached.p50}) | p95 under 20 ms | ${verdict(cached.p95 < 20)} |`,
  );
  rows.push(
    `| export the HTML report of an account with ${report.events.toLocaleString('en')} events | worst ${report.worst} ms (p50 ${report.p50}, ${Math.round(report.bytes / 1024)} KiB) | under 1 s | ${verdict(report.worst < 1000)} |`,
  );
}
const renderer = results.renderer;
if (renderer) {
  machines.add(machineOf(renderer.machine, renderer.measuredAt));
  const { bundle, timeToInteractive: tti, list10k: list } = renderer;
  const most = Math.max(list.renderedAtTop, list.renderedAtMiddle, list.renderedAtEnd);
  rows.push(
    `| result list of 10,000 rows: rows in the DOM at top / middle / end | ${list.renderedAtTop} / ${list.renderedAtMiddle} / ${list.renderedAtEnd} (jump to the end painted in ${list.jumpToEndMs} ms) | bounded (independent of the row count) | ${verdict(most < 100)} |`,
  );
  rows.push(`| renderer bundle (JS and CSS) | ${bundle.kib} KiB, ${bundle.gzipKib} KiB gzipped | reported | — |`);
  rows.push(
    `| time to interactive in Chromium (navigation to a usable quick search) | p50 ${tti.p50} ms (p95 ${tti.p95}) | reported | — |`,
  );
}
const load = results.load;
if (load) {
  machines.add(machineOf(load.machine, load.measuredAt));
  rows.push(
    `| ${load.agents} agents for ${load.seconds} s: errors, lost writes | ${load.errors} errors, ${load.lostWrites} lost of ${load.writesChecked} accounts written (${load.operations.toLocaleString('en')} operations) | none | ${verdict(load.errors === 0 && load.lostWrites === 0)} |`,
  );
  for (const kind of ['search', 'open', 'write'] as const)
    rows.push(
      `| ${load.agents} agents: ${kind} | p50 ${load[kind].p50} ms, p95 ${load[kind].p95} ms, p99 ${load[kind].p99} ms (${load[kind].n}) | reported | — |`,
    );
}
const memory = results.memory;
if (memory) {
  machines.add(machineOf(memory.machine, memory.measuredAt));
  const { servicesStarted: started, with100kCachedAccounts: filled } = memory;
  rows.push(
    `| main-side memory with 100,000 cached accounts | RSS ${filled.rssMiB} MiB, JS heap ${filled.heapUsedMiB} MiB (services alone: RSS ${started.rssMiB} MiB) | reported | — |`,
  );
}
const cipher = results.cacheEncryption;
if (cipher) {
  machines.add(machineOf(cipher.machine, cipher.measuredAt));
  for (const [label, figure] of [
    ['local search over 100,000 cached accounts', cipher.localSearchOver100k],
    ['open an account from the cache', cipher.openFromCache],
  ] as const)
    rows.push(
      `| ${label}: encrypted / plain, same run | p95 ${figure.p95Ratio}× (${figure.encrypted.p95} / ${figure.plain.p95} ms; p50 ${figure.p50Ratio}×) | at most 1.3× | ${verdict(figure.p95Ratio <= 1.3)} |`,
    );
}
const table = [START, '', ...rows, '', `Measured on: ${[...machines].join(' / ')}.`, '', END].join('\n');
const readme = readFileSync(README, 'utf8');
const next = readme.includes(START)
  ? readme.replace(new RegExp(`${START}[\\s\\S]*${END}`), table)
  : `${readme.trimEnd()}\n\n${table}\n`;
// Formatted as the repository's lint expects, so a rewrite never fails `npm run lint`.
writeFileSync(README, await format(next, { ...(await resolveConfig(README)), filepath: README }));
console.log(`bench: rewrote the figures in ${README}`);
