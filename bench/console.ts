/**
 * The console's own figures (issue "Find accounts"):
 *  - search round trip from the main side (AccountService -> Admin API client -> sandbox) at 1,000,000 accounts,
 *  - local search over 100,000 cached accounts,
 *  - bulk disable of 1,000 accounts through the sandbox.
 * Usage: tsx bench/console.ts [samples=200]
 */
import { startSandbox } from '../sandbox/start';
import { fillCache, localSearches, typicalSearches } from './fixtures';
import { recordResults } from './results';
import { ensureBenchDatabase } from './seed-sandbox';
import { percentiles, timeIt } from './stats';
import { connectToSandbox } from '../tests/unit/sandbox-services';

/** The console's main-side services against one platform URL, with a fresh cache on disk. */
function consoleServices(url: string) {
  const { cache, accounts, bulk } = connectToSandbox(url, { cacheOnDisk: true, productionClient: true });
  return { cache, accounts, bulk };
}

async function searchRoundTrip(samples: number) {
  const { file } = ensureBenchDatabase(1_000_000);
  const sandbox = await startSandbox({ dataFile: file, port: 0 });
  const { accounts } = consoleServices(sandbox.url);
  const filters = typicalSearches;
  for (let i = 0; i < 10; i++)
    await accounts.search({ store: 'consumers', filter: filters[i % filters.length]!, page: 0, size: 50 });
  const times: number[] = [];
  for (let i = 0; i < samples; i++)
    times.push(
      (
        await timeIt(() =>
          accounts.search({ store: 'consumers', filter: filters[i % filters.length]!, page: 0, size: 50 }),
        )
      )[0],
    );
  await sandbox.close();
  return percentiles(times);
}

function localSearch(samples: number) {
  const { cache } = consoleServices('http://127.0.0.1:1');
  fillCache(cache, 100_000);
  const filters = localSearches;
  for (let i = 0; i < 20; i++) cache.search('consumers', filters[i % filters.length]!, 0, 50);
  if (process.env.BENCH_DETAIL) {
    for (const filter of filters) {
      const started = performance.now();
      const result = cache.search('consumers', filter, 0, 50);
      console.log(JSON.stringify(filter), (performance.now() - started).toFixed(1), 'ms', result.total);
    }
  }
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    cache.search('consumers', filters[i % filters.length]!, 0, 50);
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

async function bulkDisable() {
  const { file } = ensureBenchDatabase(10_000);
  const sandbox = await startSandbox({ dataFile: file, port: 0 });
  const { accounts, bulk } = consoleServices(sandbox.url);
  const ids: string[] = [];
  for (let page = 0; ids.length < 1000; page++) {
    const result = await accounts.search({ store: 'consumers', filter: { enabled: true }, page, size: 200 });
    ids.push(...result.items.map((account) => account.id));
  }
  const started = performance.now();
  const progress = await bulk.start({ action: 'disable', store: 'consumers', accountIds: ids.slice(0, 1000) });
  const result = await bulk.settled(progress.jobId);
  const seconds = (performance.now() - started) / 1000;
  // Put them back, so the benchmark database stays as seeded.
  const restore = await bulk.start({ action: 'enable', store: 'consumers', accountIds: ids.slice(0, 1000) });
  await bulk.settled(restore.jobId);
  await sandbox.close();
  return {
    accounts: 1000,
    done: result.done,
    failed: result.failed,
    seconds: Math.round(seconds * 100) / 100,
    accountsPerSecond: Math.round(1000 / seconds),
  };
}

const samples = Number(process.argv[2] ?? 200);
if (process.argv[3] === 'local') {
  const local = localSearch(samples);
  console.log(
    `local search over 100,000 cached accounts: p50 ${local.p50} ms  p95 ${local.p95} ms  p99 ${local.p99} ms`,
  );
  process.exit(0);
}
const roundTrip = await searchRoundTrip(samples);
console.log(
  `console search round trip at 1,000,000 accounts: p50 ${roundTrip.p50} ms  p95 ${roundTrip.p95} ms  p99 ${roundTrip.p99} ms`,
);
const local = localSearch(samples);
console.log(`local search over 100,000 cached accounts: p50 ${local.p50} ms  p95 ${local.p95} ms  p99 ${local.p99} ms`);
const throughput = await bulkDisable();
console.log(
  `bulk disable of 1,000 accounts: ${throughput.seconds} s, ${throughput.accountsPerSecond} accounts/s (${throughput.done} done, ${throughput.failed} failed)`,
);
await recordResults('console', {
  searchRoundTripAt1M: roundTrip,
  localSearchOver100k: local,
  bulkDisable1000: throughput,
});
