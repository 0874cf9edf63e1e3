/**
 * The account view's figures (issue "Account profile"):
 *  - opening an account (overview and every tab's data: account, sessions, identities, latest events and
 *    notifications, with the store's catalog) through the sandbox at 1,000,000 accounts,
 *  - the same from the cache, with the platform unreachable,
 *  - exporting the HTML report of an account with 10,000 events (refresh, every event fetched, built, written).
 * The sandbox runs as its own process (the built out/main/sandbox.js, as the web host starts it), so the platform
 * and the console do not share a CPU thread, as in use. Usage: npm run build && tsx bench/account-view.ts [samples=1000]
 */
import { DesksideError } from '../shared/contracts/errors';
import { startSandbox } from '../sandbox/start';
import { openDatabase } from '../sandbox/db/database';
import { recordEvent } from '../sandbox/domain/events';
import { connectToSandbox } from '../tests/unit/sandbox-services';
import { statSync } from 'node:fs';
import { notingFetch, rawAdminApi, sandboxProcess, type RawAnswer } from './platform';
import { recordResults } from './results';
import { ensureBenchDatabase } from './seed-sandbox';
import { pairedRatioInterval, percentiles, settled, timeIt } from './stats';

function viewServices(url: string, fetch?: typeof globalThis.fetch) {
  return connectToSandbox(url, { cacheOnDisk: true, productionClient: true, ...(fetch ? { fetch } : {}) });
}

async function openAccounts(samples: number, size: number) {
  const { file } = ensureBenchDatabase(size);
  // Accounts spread over the stores and the whole table (ids sampled by rowid, so old and new accounts both come).
  const db = openDatabase(file);
  const { n } = db.prepare('SELECT MAX(rowid) AS n FROM accounts').get() as { n: number };
  const picks: Array<{ id: string; store: string }> = [];
  const pick = db.prepare('SELECT id, store FROM accounts WHERE rowid >= ? LIMIT 1');
  for (let i = 0; i < samples; i++)
    picks.push(pick.get(Math.floor((((i * 7919) % samples) / samples) * n) + 1) as { id: string; store: string });
  db.close();
  const sandbox = await sandboxProcess(file);
  const noted = notingFetch();
  const { accounts, profiles, connectivity } = viewServices(sandbox.url, noted.fetch);
  const raw = await rawAdminApi(sandbox.url);
  // As an agent does: the account found by a search first (not timed), then opened from the results. The search's
  // page is kept just after its answer; an agent's click comes long after that write.
  const find = async (account: (typeof picks)[number]) => {
    await accounts.search({ store: account.store, filter: { id: account.id }, page: 0, size: 1 });
    await settled();
    noted.take();
  };
  // The store's catalog is fetched by its first open and kept: one open per store first, so none of the noted
  // requests below is a catalog's.
  for (const store of ['consumers', 'business', 'partners']) {
    const warm = picks.find((account) => account.store === store);
    if (warm) await profiles.open(warm.store, warm.id);
  }
  // Each account opened once through the console, untimed, noting the requests it sent: the bare client sends the
  // very same. This round meets the platform's cold pages (its times are kept as the first open's, apart), so the
  // side-by-side round below finds them warm for both sides alike.
  const requestsOf = new Map<(typeof picks)[number], string[]>();
  const first: number[] = [];
  for (const account of picks) {
    await find(account);
    const [ms] = await timeIt(() => profiles.open(account.store, account.id));
    first.push(ms);
    await settled();
    requestsOf.set(account, noted.take());
  }
  // Then each open through the console beside its requests sent all at once through a bare client (the time until
  // the slowest of them has answered is what the open cannot beat), which goes first alternating. What an open
  // leaves for just after its answer (its cache write, the recent list) runs between the two, outside the timing.
  const live: number[] = [];
  const bare: number[] = [];
  let tabsData = 0;
  let requests = 0;
  for (const [i, account] of picks.entries()) {
    await find(account);
    const sent = requestsOf.get(account)!;
    const viaConsole = () => timeIt(() => profiles.open(account.store, account.id));
    const sentBare = () => timeIt(() => Promise.all(sent.map((url) => raw.get(url))));
    let ms: number, view: Awaited<ReturnType<typeof profiles.open>>, rawMs: number, answers: RawAnswer[];
    if (i % 2 === 1) {
      [rawMs, answers] = await sentBare();
      [ms, view] = await viaConsole();
      await settled();
    } else {
      [ms, view] = await viaConsole();
      await settled();
      [rawMs, answers] = await sentBare();
    }
    if (view.source !== 'live') throw new Error('expected a live profile');
    if (view.profile.summary.id !== account.id) throw new Error(`opened ${view.profile.summary.id}, not ${account.id}`);
    const again = noted.take();
    if ([...again].sort().join('\n') !== [...sent].sort().join('\n'))
      throw new Error(`opening ${account.id} again sent other requests: ${again.join(', ')}`);
    const failed = answers.find((answer) => answer.status !== 200);
    if (failed) throw new Error(`a bare request of the open answered ${failed.status}`);
    tabsData += view.profile.events.length + view.profile.sessions.length + view.profile.authenticators.length;
    requests += sent.length;
    live.push(ms);
    bare.push(rawMs);
  }
  await sandbox.stop();
  connectivity.failed(new DesksideError({ code: 'UNAVAILABLE', message: 'bench: platform stopped' }));
  const cached: number[] = [];
  for (const account of picks) {
    const [ms, view] = await timeIt(() => profiles.open(account.store, account.id));
    if (view.source !== 'cache' || view.partial) throw new Error('expected a full cached profile');
    cached.push(ms);
  }
  connectivity.dispose();
  const viaConsole = percentiles(live);
  const slowestCall = percentiles(bare);
  return {
    accounts: size,
    live: viaConsole,
    firstOpen: percentiles(first),
    slowestOfItsCalls: slowestCall,
    p50Ratio: Math.round((viaConsole.p50 / slowestCall.p50) * 100) / 100,
    p95Ratio: Math.round((viaConsole.p95 / slowestCall.p95) * 100) / 100,
    p50RatioInterval: pairedRatioInterval(live, bare, 0.5),
    p95RatioInterval: pairedRatioInterval(live, bare, 0.95),
    requestsPerOpen: Math.round((requests / picks.length) * 10) / 10,
    cache: percentiles(cached),
    itemsPerProfile: Math.round(tabsData / picks.length),
  };
}

async function reportWith10kEvents() {
  const { file } = ensureBenchDatabase(10_000);
  const sandbox = await startSandbox({ dataFile: file, port: 0 });
  const account = sandbox.db
    .prepare("SELECT id, store, email FROM accounts WHERE store = 'consumers' AND email LIKE 'hostile.%' LIMIT 1")
    .get() as { id: string; store: string; email: string };
  const existing = (
    sandbox.db.prepare('SELECT COUNT(*) AS n FROM events WHERE account_id = ?').get(account.id) as { n: number }
  ).n;
  // Top the account up to 10,000 events once; the benchmark database keeps them for later runs.
  const now = Date.now();
  sandbox.db.transaction(() => {
    for (let i = existing; i < 10_000; i++)
      recordEvent(sandbox.ctx, {
        store: account.store,
        accountId: account.id,
        userName: account.email,
        type: i % 5 === 0 ? 'selfService' : 'customerFlow',
        name: i % 9 === 0 ? 'login' : 'tokenRefresh',
        outcome: i % 13 === 0 ? 'failure' : 'success',
        timestamp: now - i * 600_000,
        actor: { accountId: account.id, userName: account.email, ip: `31.46.${i % 250}.${(i * 7) % 250}` },
      });
  })();
  await sandbox.close();
  const platform = await sandboxProcess(file);
  const { reports, profiles, connectivity } = viewServices(platform.url);
  await profiles.open(account.store, account.id); // the agent has the account open when exporting
  const runs: number[] = [];
  let events = 0;
  let bytes = 0;
  // The first export fetches every event; later ones fetch them again (events are not assumed immutable).
  for (let i = 0; i < 5; i++) {
    const [ms, saved] = await timeIt(() => reports.export(account.store, account.id, 'html'));
    runs.push(ms);
    events = saved.events;
    bytes = statSync(saved.path!).size;
  }
  connectivity.dispose();
  await platform.stop();
  if (events < 10_000) throw new Error(`the report held ${events} events, not the 10,000 the figure is about`);
  return { events, bytes, ...percentiles(runs), worst: Math.round(Math.max(...runs)) };
}

const samples = Number(process.argv[2] ?? 1000);
const size = Number(process.argv[3] ?? 1_000_000);
const open = await openAccounts(samples, size);
const at = `at ${size.toLocaleString('en')} accounts`;
console.log(
  `open an account ${at}: p50 ${open.live.p50} ms  p95 ${open.live.p95} ms; the slowest of its ${open.requestsPerOpen} calls sent bare at once: p50 ${open.slowestOfItsCalls.p50} ms  p95 ${open.slowestOfItsCalls.p95} ms: ${open.p50Ratio}× / ${open.p95Ratio}×`,
);
console.log(
  `first open of each account (the platform's pages cold): p50 ${open.firstOpen.p50} ms  p95 ${open.firstOpen.p95} ms`,
);
console.log(
  `open an account from the cache: p50 ${open.cache.p50} ms  p95 ${open.cache.p95} ms  p99 ${open.cache.p99} ms`,
);
const report = await reportWith10kEvents();
console.log(
  `export the report of an account with ${report.events} events: p50 ${report.p50} ms, worst ${report.worst} ms (${Math.round(report.bytes / 1024)} KiB)`,
);
recordResults('accountView', { open, report10kEvents: report });
