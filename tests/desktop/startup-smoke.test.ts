/**
 * The built desktop app (out/main/index.js, out/preload/index.cjs) started under Node against a strict fake of
 * Electron 45 (tests/desktop/strict-electron.ts), in the situations a real machine puts it in: Linux with and
 * without a keyring, macOS with links arriving before and after its window, a Windows development run, a start
 * that fails, and a native module built for the wrong ABI.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callChannels } from '@shared/contracts';
import { isPlainDatabase } from '../../electron/main/services/cache/cache-database';
import { looserThanPrivate } from '../fixtures/private-modes';
import { DesktopRun, type Received } from './desktop-run';

const root = join(import.meta.dirname, '../..');
const runs: DesktopRun[] = [];
const run = (...args: ConstructorParameters<typeof DesktopRun>) => {
  const started = new DesktopRun(...args);
  runs.push(started);
  return started;
};
afterEach(() => {
  for (const started of runs.splice(0)) started.kill();
});

beforeAll(() => {
  // The smoke test runs what ships: build it when it is not there (npm test builds first).
  if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/preload/index.cjs'))) {
    const built = spawnSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) throw new Error('electron-vite build failed');
  }
}, 120_000);

const isWindow = (message: Received) => message.type === 'window';
const opened = (accountId: string) => (message: Received) =>
  message.type === 'send' &&
  message.channel === 'app:open-account' &&
  (message.payload as { accountId: string }).accountId === accountId;

describe('the desktop app on a real machine, against a strict Electron', () => {
  it('Linux with a keyring: secure window, the sandbox started and stopped, a saved connection, links, clipboard', async () => {
    const app = run('linux-keyring');
    // A data folder an earlier version left open to others: tightened on start.
    chmodSync(app.userData, 0o755);
    writeFileSync(join(app.userData, 'left-by-an-earlier-version.json'), '{}', { mode: 0o644 });
    await app.start();
    const window = await app.next(isWindow);
    const prefs = (window.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(existsSync(String(prefs.preload))).toBe(true);
    // The page is served through app:// (a 404 would be a failed load).
    expect(await app.next((message) => message.type === 'load')).toMatchObject({
      url: 'app://deskside/index.html',
      status: 200,
    });
    // Without a connection the embedded sandbox starts in a utility process; the Admin API goes through net.fetch.
    const status = await app.invoke('connections:status', {});
    expect(status).toMatchObject({ ok: true, value: { active: { embedded: true } } });
    const forked = await app.next((message) => message.type === 'fork');
    await app.next((message) => message.type === 'net.fetch');

    // A PDF report: printed in a window of its own session, which serves the report from memory at app://report/.
    const found = await app.invoke('accounts:search', { store: 'consumers', filter: {}, page: 0, size: 1 });
    const account = (found.value as { items: Array<{ id: string }> }).items[0]!;
    const exported = await app.invoke('profiles:export-report', {
      store: 'consumers',
      accountId: account.id,
      format: 'pdf',
    });
    // The save dialog is cancelled by the fake: nothing written, but the PDF was printed first.
    expect(exported).toMatchObject({ ok: true, value: { path: null } });
    expect(
      await app.next((message) => message.type === 'load' && String(message.url).startsWith('app://report/')),
    ).toMatchObject({ status: 200 });
    expect(app.calls('session.protocol.unhandle')).toEqual([['deskside-report-pdf', 'app']]);

    const saved = await app.invoke('connections:save', {
      name: 'Acme',
      baseUrl: 'https://acme.example',
      clientId: 'desk',
      clientSecret: 'a-distinctive-secret-4711',
      environment: 'staging',
    });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Acme', hasSecret: true } });
    const secrets = readFileSync(join(app.userData, 'secrets.json'), 'utf8');
    expect(secrets).not.toContain('a-distinctive-secret-4711');
    expect(secrets).not.toContain(Buffer.from('a-distinctive-secret-4711').toString('base64'));
    // The cache is encrypted with a key safeStorage seals; no key file, no warning.
    expect(existsSync(join(app.userData, 'cache-key.sealed'))).toBe(true);
    expect(existsSync(join(app.userData, 'cache.key'))).toBe(false);
    expect(isPlainDatabase(join(app.userData, 'cache.db'))).toBe(false);
    expect(await app.invoke('cache:status', {})).toMatchObject({ ok: true, value: { keyWarning: null } });
    expect(looserThanPrivate(app.userData)).toEqual([]);

    app.send({ type: 'second-instance', argv: ['/opt/deskside/deskside', 'deskside://account/consumers/acc-1'] });
    await app.next(opened('acc-1'));

    expect(await app.permission('clipboard-sanitized-write', 'app://deskside/index.html')).toEqual({
      checked: true,
      requested: true,
    });
    expect(await app.permission('clipboard-sanitized-write', 'https://evil.example/')).toEqual({
      checked: false,
      requested: false,
    });
    expect(await app.permission('media', 'app://deskside/index.html')).toEqual({ checked: false, requested: false });
    // A page of another origin is refused at the IPC boundary.
    expect(await app.invoke('connections:status', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    // Packaged: no developer tools in the menu.
    const menu = JSON.stringify(app.calls('Menu.buildFromTemplate'));
    expect(menu).not.toContain('toggleDevTools');
    expect(app.calls('app.setAsDefaultProtocolClient')).toEqual([['deskside', null, null]]);

    app.send({ type: 'quit' });
    // The embedded sandbox ends with the app, cleanly (it exits on its own when asked to stop).
    expect(await app.next((message) => message.type === 'fork-exit' && message.pid === forked.pid)).toMatchObject({
      code: 0,
    });
    expect(await app.exited).toBe(0);
  }, 90_000);

  it('Linux without a keyring (basic_text): the agent is asked, and the secret is kept as chosen', async () => {
    const app = run('linux-basic-text');
    await app.start();
    await app.next(isWindow);
    const input = {
      name: 'No keyring',
      baseUrl: 'https://acme.example',
      clientId: 'desk',
      clientSecret: 'secret-without-keyring',
      environment: 'staging',
    };
    const refused = await app.invoke('connections:save', input);
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'VALIDATION', fieldErrors: { secretStorage: [expect.any(String)] } });
    expect(refused.error!.message).toMatch(/no keyring .*basic_text.* this session only .* plain-text backend/);
    // Nothing saved for the refused attempt.
    expect((await app.invoke('connections:list', {})).value).toEqual([]);

    const session = await app.invoke('connections:save', { ...input, secretStorage: 'session' });
    expect(session).toMatchObject({ ok: true, value: { hasSecret: true } });
    const plain = await app.invoke('connections:save', { ...input, name: 'Plain', secretStorage: 'plainText' });
    expect(plain).toMatchObject({ ok: true, value: { hasSecret: true } });
    expect(app.calls('safeStorage.setUsePlainTextEncryption')).toContainEqual([true]);
    expect(readFileSync(join(app.userData, 'secrets.json'), 'utf8')).not.toContain('secret-without-keyring');
    const info = await app.invoke('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { secretsEncrypted: false } });
    // basic_text protects nothing: the cache key is in a private file, and the status bar says so.
    const cache = await app.invoke('cache:status', {});
    expect((cache.value as { keyWarning: string }).keyWarning).toMatch(/a file only your user can read/);
    expect(readFileSync(join(app.userData, 'cache.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(isPlainDatabase(join(app.userData, 'cache.db'))).toBe(false);
    expect(looserThanPrivate(app.userData)).toEqual([]);
    app.send({ type: 'second-instance', argv: ['/usr/bin/deskside', 'deskside://account/partners/no-keyring-1'] });
    await app.next(opened('no-keyring-1'));
    app.send({ type: 'quit' });
    expect(await app.exited).toBe(0);
  }, 60_000);

  it('macOS: a link before the window opens in it; with every window closed, a link opens a new one', async () => {
    const app = run('mac');
    await app.next((message) => message.type === 'loaded');
    // Launched by a link: open-url comes before ready.
    app.send({ type: 'open-url', url: 'deskside://account/business/early-1' });
    app.send({ type: 'ready' });
    await app.next(isWindow);
    await app.next(opened('early-1'));
    app.send({ type: 'close-windows' });
    // macOS keeps the app running with no window.
    const closedAt = app.messages.length;
    app.send({ type: 'open-url', url: 'deskside://account/business/late-2' });
    await app.next(isWindow, 20_000, closedAt);
    await app.next(opened('late-2'), 20_000, closedAt);
    app.send({ type: 'close-windows' });
    const reopenedAt = app.messages.length;
    app.send({ type: 'activate' });
    await app.next(isWindow, 20_000, reopenedAt);
    expect(app.child.exitCode).toBeNull();
    app.send({ type: 'quit' });
    expect(await app.exited).toBe(0);
  }, 60_000);

  it('a Windows development run registers deskside:// with the app path, and opens the link it was started with', async () => {
    const entry = join(root, 'out/main/index.js');
    const app = run('windows-dev', { args: ['deskside://account/consumers/from-argv'] });
    await app.start();
    await app.next(opened('from-argv'));
    const [registration] = app.calls('app.setAsDefaultProtocolClient');
    expect(registration![0]).toBe('deskside');
    expect(registration![1]).toBe(process.execPath);
    expect(registration![2]).toEqual([resolve(entry)]);
    // A development run keeps the developer tools.
    expect(JSON.stringify(app.calls('Menu.buildFromTemplate'))).toContain('toggleDevTools');
    app.send({ type: 'quit' });
    expect(await app.exited).toBe(0);
  }, 60_000);

  it('a start that fails shows a readable error, frees the single-instance lock and exits', async () => {
    const notAFolder = join(run('linux-keyring').userData, 'a-file');
    runs.pop()!.kill();
    writeFileSync(notAFolder, 'not a folder');
    const app = run('linux-keyring', { userData: notAFolder });
    await app.start();
    const box = await app.next((message) => message.type === 'error-box');
    expect(box.title).toBe('Deskside could not start');
    expect(String(box.content)).toMatch(/ENOTDIR|not a directory/);
    expect(String(box.content)).not.toMatch(/\n\s+at /); // no stack trace
    expect(await app.next((message) => message.type === 'exit')).toMatchObject({ code: 1, lockHeld: false });
    expect(await app.exited).toBe(1);
  }, 30_000);

  it('a native module built for another ABI is named as such, and the cache file is left alone', async () => {
    const first = run('linux-keyring');
    const cache = join(first.userData, 'cache.db');
    first.kill();
    writeFileSync(cache, 'the agent’s cache, untouched');
    const app = run('linux-keyring', { userData: first.userData, env: { DESKSIDE_SMOKE_WRONG_ABI: '1' } });
    await app.start();
    const box = await app.next((message) => message.type === 'error-box');
    expect(box.title).toBe('Deskside could not load its database module');
    expect(String(box.content)).toMatch(/ABI 115.*ABI 150/);
    expect(await app.exited).toBe(1);
    expect(readFileSync(cache, 'utf8')).toBe('the agent’s cache, untouched');
    expect(readdirSync(first.userData).filter((name) => name.includes('unreadable'))).toEqual([]);
  }, 30_000);

  it('a damaged cache is set aside and a new encrypted one started; after that and "Clear cache" all stays private', async () => {
    const first = run('linux-keyring');
    first.kill();
    writeFileSync(join(first.userData, 'cache.db'), 'damaged beyond reading', { mode: 0o644 });
    const app = run('linux-keyring', { userData: first.userData });
    await app.start();
    await app.next(isWindow);
    const status = await app.invoke('cache:status', {});
    expect((status.value as { recoveredFrom: string }).recoveredFrom).toMatch(/cache\.db\.unreadable-/);
    expect(isPlainDatabase(join(app.userData, 'cache.db'))).toBe(false);
    expect(looserThanPrivate(app.userData)).toEqual([]);
    expect(await app.invoke('cache:clear', {})).toMatchObject({ ok: true, value: { accounts: 0 } });
    expect(looserThanPrivate(app.userData)).toEqual([]);
    app.send({ type: 'quit' });
    expect(await app.exited).toBe(0);
  }, 60_000);

  it('the preload exposes the typed bridge of every contract, and nothing else', async () => {
    const preload = run('linux-keyring', { entry: 'out/preload/index.cjs' });
    const exposed = await preload.next((message) => message.type === 'exposed');
    expect(exposed.key).toBe('deskside');
    const domains = Object.keys(exposed.api as object);
    const contractDomains = [...new Set(callChannels.map((channel) => channel.split(':')[0]!))];
    expect(domains).toEqual(expect.arrayContaining(contractDomains));
    expect(preload.messages.filter((message) => message.type === 'exposed')).toHaveLength(1);
  }, 30_000);
});
