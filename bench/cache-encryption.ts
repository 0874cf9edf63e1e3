/**
 * What encrypting the cache costs, measured side by side in one run on the same data: an encrypted cache file and
 * a plain one, with their samples alternating so neither gets a warmer machine.
 *  - local search over 100,000 cached accounts (FTS5 and filters, as the search panel runs it offline),
 *  - opening an account from the cache (the whole profile, platform stopped) through the account view's services.
 * Usage: npm run build && tsx bench/cache-encryption.ts [samples=400]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DesksideError } from '../shared/contracts/errors';
import { AccountCache } from '../electron/main/services/cache/account-cache';
import { isPlainDatabase, openCache, type CacheEncryption } from '../electron/main/services/cache/cache-database';
import { childProcessSandboxLauncher } from '../electron/main/services/connections/child-process-sandbox';
import { silentLogger } from '../electron/main/services/logger';
import { connectToSandbox } from '../tests/unit/sandbox-services';
import { fillCache, localSearches } from './fixtures';
import { recordResults } from './results';
import { ensureBenchDatabase } from './seed-sandbox';
import { percentiles, timeIt } from './stats';

const samples = Number(process.argv[2] ?? 400);
const filters = localSearches;

function cacheOf(encryption: CacheEncryption) {
  const file = join(mkdtempSync(join(tmpdir(), 'deskside-bench-cipher-')), 'cache.db');
  const { db } = openCache(file, silentLogger, { encryption });
  const cache = new AccountCache(db, 'bench', Date.now);
  fillCache(cache, 100_000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  // The comparison means something only if one side really is encrypted and the other really is not.
  if (isPlainDatabase(file) !== (encryption === 'plain'))
    throw new Error(`${file} is not what the benchmark asked for`);
  return { cache, db, file };
}

function localSearch() {
  const plain = cacheOf('plain');
  const encrypted = cacheOf({ key: randomBytes(32) });
  for (let i = 0; i < 40; i++)
    for (const side of [plain, encrypted]) side.cache.search('consumers', filters[i % filters.length]!, 0, 50);
  const times = { plain: [] as number[], encrypted: [] as number[] };
  let rows = { plain: 0, encrypted: 0 };
  for (let i = 0; i < samples; i++) {
    const filter = filters[i % filters.length]!;
    // Alternate which side goes first, so neither always meets the other's warm caches.
    const order = i % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
    for (const side of order) {
      const cache = side === 'plain' ? plain.cache : encrypted.cache;
      const started = performance.now();
      const result = cache.search('consumers', filter, 0, 50);
      times[side].push(performance.now() - started);
      rows = { ...rows, [side]: rows[side] + result.items.length };
    }
  }
  if (rows.plain !== rows.encrypted || rows.plain === 0)
    throw new Error(`the two caches answered differently (${rows.plain} and ${rows.encrypted} rows)`);
  const sizes = {
    plainMiB: statSync(plain.file).size / 2 ** 20,
    encryptedMiB: statSync(encrypted.file).size / 2 ** 20,
  };
  plain.db.close();
  encrypted.db.close();
  return { plain: percentiles(times.plain), encrypted: percentiles(times.encrypted), rows: rows.plain, sizes };
}

async function openFromCache() {
  const { file } = ensureBenchDatabase(10_000);
  const sandbox = await childProcessSandboxLauncher(
    join(import.meta.dirname, '..', 'out', 'main', 'sandbox.js'),
    silentLogger,
  ).start({
    dataFile: file,
  });
  const sides = {
    plain: connectToSandbox(sandbox.url, { cacheOnDisk: 'plain', productionClient: true }),
    encrypted: connectToSandbox(sandbox.url, { cacheOnDisk: true, productionClient: true }),
  };
  const page = await sides.plain.accounts.search({ store: 'consumers', filter: {}, page: 0, size: 200 });
  const picks = page.items.slice(0, Math.min(200, samples));
  for (const account of picks)
    for (const side of Object.values(sides)) await side.profiles.open(account.store, account.id);
  await sandbox.stop();
  for (const side of Object.values(sides))
    side.connectivity.failed(new DesksideError({ code: 'UNAVAILABLE', message: 'bench: platform stopped' }));
  const times = { plain: [] as number[], encrypted: [] as number[] };
  for (let round = 0; round < 2; round++)
    for (const [index, account] of picks.entries()) {
      const order = index % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const side of order) {
        const [ms, view] = await timeIt(() => sides[side].profiles.open(account.store, account.id));
        if (view.source !== 'cache' || view.partial) throw new Error(`expected a full cached profile (${side})`);
        times[side].push(ms);
      }
    }
  for (const side of Object.values(sides)) side.connectivity.dispose();
  return { plain: percentiles(times.plain), encrypted: percentiles(times.encrypted), accounts: picks.length };
}

const ratio = (encrypted: number, plain: number) => Math.round((encrypted / plain) * 100) / 100;
const search = localSearch();
const open = await openFromCache();
const figures = {
  localSearchOver100k: {
    ...search,
    p50Ratio: ratio(search.encrypted.p50, search.plain.p50),
    p95Ratio: ratio(search.encrypted.p95, search.plain.p95),
  },
  openFromCache: {
    ...open,
    p50Ratio: ratio(open.encrypted.p50, open.plain.p50),
    p95Ratio: ratio(open.encrypted.p95, open.plain.p95),
  },
};
console.log(
  `local search over 100,000 cached accounts: plain p50 ${search.plain.p50} p95 ${search.plain.p95} ms; encrypted p50 ${search.encrypted.p50} p95 ${search.encrypted.p95} ms (p95 ratio ${figures.localSearchOver100k.p95Ratio})`,
);
console.log(
  `open an account from the cache: plain p50 ${open.plain.p50} p95 ${open.plain.p95} ms; encrypted p50 ${open.encrypted.p50} p95 ${open.encrypted.p95} ms (p95 ratio ${figures.openFromCache.p95Ratio})`,
);
recordResults('cacheEncryption', figures);
