/**
 * Customer data at rest, through the built web host (out/main/web.js) as an agent runs it: after a session of work
 * no file Deskside keeps holds a cached account's name, email or phone in plain text, every file is private, and a
 * damaged cache, a wrong or lost key, and a plain cache from the previous version each recover without a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import { AccountCache } from '../../electron/main/services/cache/account-cache';
import { isPlainDatabase, openCache } from '../../electron/main/services/cache/cache-database';
import { SavedSearches } from '../../electron/main/services/cache/saved-searches';
import { silentLogger } from '../../electron/main/services/logger';
import { summary } from '../fixtures/account-summaries';
import { looserThanPrivate } from '../fixtures/private-modes';
import { setFaults } from './sandbox-services';

const SUPERVISOR = { clientId: 'deskside-supervisor', clientSecret: 'supervisor-demo-secret' };
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 200 });
});
afterAll(async () => {
  await sandbox.close();
});

interface Host {
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
  process: ChildProcess;
}

/** Starts the built web host on a free port over the data folder, and calls it as the page would. */
async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Deskside web host: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the web host exited with ${code}:\n${output}`)));
  });
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token')!;
  return {
    process: child,
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const response = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Deskside-Token': token },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
      return result.value as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Every file under the folder, with its path relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Files Deskside keeps that hold a needle in plain text (UTF-8 or UTF-16). Not searched: `exports/`, the
 * documents the agent asked for, and `sandbox/`, the embedded demo platform's own database (it plays the tenant;
 * its demo customers are the same seeded people).
 */
function plaintextHits(dataDir: string, needles: readonly string[]): string[] {
  return filesUnder(dataDir)
    .filter((file) => !/^(exports|sandbox)\//.test(relative(dataDir, file)))
    .flatMap((file) => {
      const bytes = readFileSync(file);
      return needles
        .filter((needle) => bytes.includes(Buffer.from(needle)) || bytes.includes(Buffer.from(needle, 'utf16le')))
        .map((needle) => `${relative(dataDir, file)} holds ${needle}`);
    });
}

interface Summary {
  id: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
}

async function connect(host: Host, id?: string): Promise<string> {
  const saved = await host.call<{ id: string }>('connections:save', {
    ...(id ? { id } : {}),
    name: 'At rest',
    baseUrl: sandbox.url,
    environment: 'staging',
    ...SUPERVISOR,
  });
  await host.call('connections:activate', { id: saved.id });
  return saved.id;
}

describe('customer data at rest, through the web host', () => {
  it('a session of work leaves no cached name, email or phone in plain text, and every file private', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deskside-at-rest-'));
    const host = await startHost(dataDir);
    const seen: Summary[] = [];
    try {
      await connect(host);
      const page = await host.call<{ items: Summary[] }>('accounts:search', {
        store: 'consumers',
        filter: {},
        page: 0,
        size: 50,
      });
      seen.push(...page.items);
      for (const account of page.items.slice(0, 5))
        await host.call('profiles:open', { store: 'consumers', accountId: account.id });
      await host.call('searches:save', { store: 'consumers', name: 'Everyone', filter: {}, pinned: true });
      const exported = await host.call<{ path: string }>('profiles:export-report', {
        store: 'consumers',
        accountId: page.items[0]!.id,
        format: 'html',
      });
      // Offline review: the platform stops answering, the cache answers.
      await setFaults(sandbox.url, [{ route: '.*', failureRate: 1, status: 503, retryAfter: 0 }]);
      const offline = await host.call<{ items: Summary[] }>('accounts:search', {
        store: 'consumers',
        filter: {},
        page: 0,
        size: 50,
      });
      expect(offline.items.length).toBeGreaterThan(0);
      const profile = await host.call<{ source: string }>('profiles:open', {
        store: 'consumers',
        accountId: page.items[1]!.id,
      });
      expect(profile.source).toBe('cache');

      // Long values only: a short name could turn up by chance in encrypted bytes.
      const needles = [
        ...new Set(seen.flatMap((account) => [account.displayName, account.email, account.phone])),
      ].filter((value): value is string => typeof value === 'string' && value.length >= 8);
      expect(needles.filter((needle) => needle.includes('@')).length).toBeGreaterThanOrEqual(20);
      expect(needles.some((needle) => /^\+\d+$/.test(needle))).toBe(true);
      // While it runs, the WAL included.
      expect(filesUnder(dataDir).map((file) => relative(dataDir, file))).toContain('cache-web.db-wal');
      expect(plaintextHits(dataDir, needles)).toEqual([]);
      // The export is the agent's document: private, and named without the customer's name.
      expect(exported.path.startsWith(join(dataDir, 'exports'))).toBe(true);
      const name = page.items[0]!.displayName!;
      expect(exported.path).not.toContain(name.split(' ')[0]);
      expect(looserThanPrivate(dataDir)).toEqual([]);

      await host.call('cache:clear');
      expect(statSync(join(dataDir, 'cache-web.db-wal')).size).toBe(0);
      expect(looserThanPrivate(dataDir)).toEqual([]);
    } finally {
      await setFaults(sandbox.url, []);
      await host.stop();
    }
    expect(
      plaintextHits(
        dataDir,
        seen.flatMap((account) => (account.email ? [account.email] : [])),
      ),
    ).toEqual([]);
  }, 60_000);

  it('a damaged cache, a wrong key and a lost key are each set aside and rebuilt; nothing crashes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deskside-at-rest-'));
    let host = await startHost(dataDir);
    let connectionId = await connect(host);
    await host.call('accounts:search', { store: 'consumers', filter: {}, page: 0, size: 20 });
    await host.stop();

    const damages: Array<[string, () => void]> = [
      ['damaged file', () => writeFileSync(join(dataDir, 'cache-web.db'), 'not a database at all')],
      ['wrong key', () => writeFileSync(join(dataDir, 'cache-web.key'), '0f'.repeat(32))],
      ['lost key', () => rmSync(join(dataDir, 'cache-web.key'))],
    ];
    for (const [what, damage] of damages) {
      damage();
      host = await startHost(dataDir);
      try {
        const status = await host.call<{ recoveredFrom: string | null; accounts: number; keyWarning: string | null }>(
          'cache:status',
        );
        expect(status.recoveredFrom, what).toMatch(/cache-web\.db\.unreadable-/);
        expect(status.accounts, what).toBe(0);
        // No keychain on this machine: the key is in a private file, and the status bar says so.
        expect(status.keyWarning, what).toMatch(/private|only your user/);
        // And the console works: the new cache fills again.
        connectionId = await connect(host, connectionId);
        const page = await host.call<{ items: Summary[] }>('accounts:search', {
          store: 'consumers',
          filter: {},
          page: 0,
          size: 20,
        });
        expect(page.items.length, what).toBe(20);
        expect((await host.call<{ accounts: number }>('cache:status')).accounts, what).toBe(20);
        expect(looserThanPrivate(dataDir), what).toEqual([]);
      } finally {
        await host.stop();
      }
    }
    // The copies set aside are encrypted too: no plain SQLite among them.
    const asideCopies = readdirSync(dataDir).filter((name) => /^cache-web\.db\.unreadable-[\dT-]+Z$/.test(name));
    expect(asideCopies).toHaveLength(3);
    for (const name of asideCopies) expect(isPlainDatabase(join(dataDir, name)), name).toBe(false);
  }, 90_000);

  it('a plain cache from the previous version is encrypted once, its saved searches kept, the plain file gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deskside-at-rest-'));
    // First run: a connection to keep the id the old cache's rows belong to.
    let host = await startHost(dataDir);
    const connectionId = await connect(host);
    await host.stop();
    for (const name of readdirSync(dataDir).filter((file) => file.startsWith('cache-web'))) rmSync(join(dataDir, name));
    // What the previous version left: a plain cache.db with an account and a saved search.
    const previous = openCache(join(dataDir, 'cache.db'), silentLogger, { encryption: 'plain' });
    new AccountCache(previous.db, connectionId, Date.now).upsertSummaries([
      summary({ id: 'old-1', displayName: 'Ottoline Previousversion', email: 'ottoline.previous@example.org' }),
    ]);
    new SavedSearches(previous.db, connectionId, Date.now).save({
      store: 'consumers',
      name: 'Kept from before',
      filter: {},
      pinned: true,
    });
    previous.db.close();
    expect(isPlainDatabase(join(dataDir, 'cache.db'))).toBe(true);

    host = await startHost(dataDir);
    try {
      await connect(host, connectionId);
      const searches = await host.call<Array<{ name: string }>>('searches:list');
      expect(searches.map((search) => search.name)).toContain('Kept from before');
      expect((await host.call<{ accounts: number }>('cache:status')).accounts).toBeGreaterThanOrEqual(1);
    } finally {
      await host.stop();
    }
    expect(readdirSync(dataDir).filter((name) => name.startsWith('cache.db'))).toEqual([]);
    expect(plaintextHits(dataDir, ['Ottoline Previousversion', 'ottoline.previous@example.org'])).toEqual([]);
  }, 60_000);
});
