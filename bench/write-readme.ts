/**
 * Rewrites the figures table of bench/README.md from bench/results.json: one run's figures, each beside its target,
 * and the run they come from (id, commit, machine). Usage: tsx bench/write-readme.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { RESULTS_FILE } from './results';

type Percentiles = { p50: number; p95: number; p99: number; n: number };
type Interval = { low: number; high: number };
type SideBySide = {
  console: Percentiles;
  raw: Percentiles;
  p50Ratio: number;
  p95Ratio: number;
  p50RatioInterval: Interval;
  p95RatioInterval: Interval;
};
type EncryptedVersusPlain = { plain: Percentiles; encrypted: Percentiles; p50Ratio: number; p95Ratio: number };
interface Results {
  run: {
    id: string;
    commit: string;
    uncommitted: string[];
    startedAt: string;
    finishedAt: string;
    machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  };
  seed?: { accounts: Record<string, { seconds: number | null }> };
  sandboxSearch?: { pageSize: number; listAccounts: Record<string, Record<string, Percentiles & { values: number }>> };
  console?: {
    search: {
      accounts: number;
      searches: number;
      filtered: SideBySide;
      exactIdentifier: SideBySide;
      newToTheCache: { filtered: SideBySide; exactIdentifier: SideBySide };
    };
    localSearchOver100k: Percentiles;
    bulkDisable1000: { seconds: number; accountsPerSecond: number; done: number; failed: number };
  };
  accountView?: {
    open: {
      accounts: number;
      live: Percentiles;
      firstOpen: Percentiles;
      slowestOfItsCalls: Percentiles;
      p50Ratio: number;
      p95Ratio: number;
      p50RatioInterval: Interval;
      p95RatioInterval: Interval;
      requestsPerOpen: number;
      cache: Percentiles;
    };
    report10kEvents: Percentiles & { events: number; bytes: number; worst: number };
  };
  renderer?: {
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
    agents: number;
    processes: number;
    seconds: number;
    operations: number;
    search: Percentiles;
    open: Percentiles;
    write: Percentiles;
    errors: number;
    writers: { perAccount: number; accounts: number };
    writesChecked: number;
    lostWrites: number;
  };
  cacheEncryption?: { localSearchOver100k: EncryptedVersusPlain; openFromCache: EncryptedVersusPlain };
  memory?: {
    servicesStarted: { rssMiB: number; heapUsedMiB: number };
    with100kCachedAccounts: { rssMiB: number; heapUsedMiB: number };
  };
}

const README = join(import.meta.dirname, 'README.md');
const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';

const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
const rows: string[] = ['| figure | measured | target | verdict |', '| --- | --- | --- | --- |'];
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const row = (figure: string, measured: string, target: string, ok: boolean | null) =>
  rows.push(`| ${figure} | ${measured} | ${target} | ${ok === null ? '—' : verdict(ok)} |`);
const count = (n: number) => n.toLocaleString('en');
/** The ratio's 95% resampling interval: how far a run could have put it. */
const within = (interval: Interval) => ` (${interval.low}–${interval.high})`;
const sideBySide = (label: string, figures: SideBySide, goal: number) =>
  row(
    label,
    `${figures.p50Ratio}×${within(figures.p50RatioInterval)} at p50, ${figures.p95Ratio}×${within(figures.p95RatioInterval)} at p95 (console ${figures.console.p50} / ${figures.console.p95} ms, bare ${figures.raw.p50} / ${figures.raw.p95} ms, ${count(figures.console.n)} pairs)`,
    `at most ${goal}× at p50 and p95`,
    figures.p50Ratio <= goal && figures.p95Ratio <= goal,
  );

const seeded = results.seed?.accounts['1000000']?.seconds;
if (seeded) row('seed 1,000,000 accounts', `${(seeded / 60).toFixed(1)} min`, 'under 10 min', seeded < 600);

const search = results.sandboxSearch;
if (search) {
  const small = search.listAccounts['10000'] ?? {};
  for (const [kind, figures] of Object.entries(search.listAccounts['1000000'] ?? {})) {
    row(
      `listAccounts, ${kind}, 1,000,000 accounts (${figures.values} values, ${search.pageSize} a page)`,
      `p95 ${figures.p95} ms (p50 ${figures.p50}, p99 ${figures.p99})`,
      'p95 under 50 ms',
      figures.p95 < 50,
    );
    const base = small[kind];
    if (base) {
      const ratio = figures.p95 / base.p95;
      row(
        `listAccounts, ${kind}, p95 at 1M / at 10k`,
        `${ratio.toFixed(2)}× (${figures.p95} / ${base.p95} ms)`,
        'within 2×',
        ratio <= 2,
      );
    }
  }
}
const consoleFigures = results.console;
if (consoleFigures) {
  const { search: trip, localSearchOver100k: local, bulkDisable1000: bulk } = consoleFigures;
  const at = `${count(trip.accounts)} accounts, ${trip.searches} distinct searches`;
  sideBySide(`search through the console's main side / the same listAccounts sent bare, ${at}`, trip.filtered, 1.2);
  sideBySide(
    `exact-identifier lookup through the console / bare, ${count(trip.accounts)} accounts`,
    trip.exactIdentifier,
    1.2,
  );
  sideBySide(
    'the same filtered searches with every account new to the cache (all rows written)',
    trip.newToTheCache.filtered,
    1.2,
  );
  sideBySide(
    'the same exact-identifier lookups with the account new to the cache',
    trip.newToTheCache.exactIdentifier,
    1.2,
  );
  row(
    `console search (main side through the sandbox), ${count(trip.accounts)} accounts`,
    `p95 ${trip.filtered.console.p95} ms (p50 ${trip.filtered.console.p50})`,
    'p95 under 100 ms',
    trip.filtered.console.p95 < 100,
  );
  row(
    'local search over 100,000 cached accounts',
    `p95 ${local.p95} ms (p50 ${local.p50})`,
    'p95 under 10 ms',
    local.p95 < 10,
  );
  row(
    'bulk disable of 1,000 accounts',
    `${bulk.accountsPerSecond} accounts/s (${bulk.seconds} s, ${bulk.failed} failed)`,
    'at least 100 accounts/s',
    bulk.accountsPerSecond >= 100,
  );
}
const view = results.accountView;
if (view) {
  const { open, report10kEvents: report } = view;
  // The stricter of the two: the first open of each account meets the platform's cold pages.
  row(
    `open an account (overview and every tab's data), ${count(open.accounts)} accounts: first open / again`,
    `p95 ${open.firstOpen.p95} / ${open.live.p95} ms (p50 ${open.firstOpen.p50} / ${open.live.p50})`,
    'p95 under 150 ms',
    Math.max(open.firstOpen.p95, open.live.p95) < 150,
  );
  row(
    `open an account / the slowest of its ${open.requestsPerOpen} calls sent bare at once`,
    `${open.p50Ratio}×${within(open.p50RatioInterval)} at p50, ${open.p95Ratio}×${within(open.p95RatioInterval)} at p95 (bare ${open.slowestOfItsCalls.p50} / ${open.slowestOfItsCalls.p95} ms, ${count(open.live.n)} opens)`,
    'at most 1.5× at p50 and p95',
    open.p50Ratio <= 1.5 && open.p95Ratio <= 1.5,
  );
  row(
    'open an account from the cache',
    `p95 ${open.cache.p95} ms (p50 ${open.cache.p50})`,
    'p95 under 20 ms',
    open.cache.p95 < 20,
  );
  row(
    `export the HTML report of an account with ${count(report.events)} events`,
    `worst ${report.worst} ms (p50 ${report.p50}, ${Math.round(report.bytes / 1024)} KiB)`,
    'under 1 s',
    report.worst < 1000,
  );
}
const renderer = results.renderer;
if (renderer) {
  const { bundle, timeToInteractive: tti, list10k: list } = renderer;
  row(
    `result list of ${count(list.rows)} rows: rows in the DOM at top / middle / end`,
    `${list.renderedAtTop} / ${list.renderedAtMiddle} / ${list.renderedAtEnd} (jump to the end painted in ${list.jumpToEndMs} ms)`,
    'bounded (independent of the row count)',
    Math.max(list.renderedAtTop, list.renderedAtMiddle, list.renderedAtEnd) < 100,
  );
  row('renderer bundle (JS and CSS)', `${bundle.kib} KiB, ${bundle.gzipKib} KiB gzipped`, 'reported', null);
  row(
    'time to interactive in Chromium (navigation to a usable quick search)',
    `p50 ${tti.p50} ms (p95 ${tti.p95})`,
    'reported',
    null,
  );
}
const load = results.load;
if (load) {
  row(
    `${load.agents} agents in ${load.processes} processes for ${load.seconds} s, ${load.writers.perAccount} writing each of ${load.writers.accounts} accounts at once: errors, lost writes`,
    `${load.errors} errors, ${load.lostWrites} lost of ${load.writesChecked} last writes checked (${count(load.operations)} operations)`,
    'none',
    load.errors === 0 && load.lostWrites === 0,
  );
  for (const kind of ['search', 'open', 'write'] as const)
    row(
      `${load.agents} agents: ${kind}`,
      `p50 ${load[kind].p50} ms, p95 ${load[kind].p95} ms, p99 ${load[kind].p99} ms (${load[kind].n})`,
      'reported',
      null,
    );
}
const memory = results.memory;
if (memory) {
  const { servicesStarted: started, with100kCachedAccounts: filled } = memory;
  row(
    'main-side memory with 100,000 cached accounts',
    `RSS ${filled.rssMiB} MiB, JS heap ${filled.heapUsedMiB} MiB (services alone: RSS ${started.rssMiB} MiB)`,
    'reported',
    null,
  );
}
const cipher = results.cacheEncryption;
if (cipher)
  for (const [label, figure] of [
    ['local search over 100,000 cached accounts', cipher.localSearchOver100k],
    ['open an account from the cache', cipher.openFromCache],
  ] as const)
    row(
      `${label}: encrypted / plain, same run`,
      `p95 ${figure.p95Ratio}× (${figure.encrypted.p95} / ${figure.plain.p95} ms; p50 ${figure.p50Ratio}×)`,
      'at most 1.3×',
      figure.p95Ratio <= 1.3,
    );

const { run } = results;
const machine = `${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGiB} GiB, Node ${run.machine.node} on ${run.machine.platform}`;
const source = [
  `Every figure is from run \`${run.id}\` (\`npm run bench\`, ${run.startedAt.slice(0, 16).replace('T', ' ')} to ${run.finishedAt.slice(11, 16)} UTC)`,
  `of commit \`${run.commit.slice(0, 12)}\`${run.uncommitted.length > 0 ? ` with ${run.uncommitted.length} uncommitted file(s): ${run.uncommitted.join(', ')}` : ''}`,
  `on ${machine}.`,
].join(' ');
const table = [START, '', source, '', ...rows, '', END].join('\n');
const readme = readFileSync(README, 'utf8');
const next = readme.includes(START)
  ? readme.replace(new RegExp(`${START}[\\s\\S]*${END}`), table)
  : `${readme.trimEnd()}\n\n${table}\n`;
// Formatted as the repository's lint expects, so a rewrite never fails `npm run lint`.
writeFileSync(README, await format(next, { ...(await resolveConfig(README)), filepath: README }));
console.log(`bench: rewrote the figures in ${README}`);
