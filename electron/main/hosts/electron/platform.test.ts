import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/domain/settings';
import { createFakeElectron } from '../../../../tests/unit/fake-electron';
import FakeElectronStore from '../../../../tests/unit/fake-electron-store';
import { silentLogger } from '../../services/logger';

const fake = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'deskside-userdata-')) });
FakeElectronStore.initialData = { theme: 'dark', density: 'bogus' };

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));
vi.mock('electron-store', () => import('../../../../tests/unit/fake-electron-store'));

const { serveRenderer } = await import('./app-protocol');
const { createElectronSettingsStore } = await import('./electron-settings-store');
const { createWindowStateKeeper } = await import('./window-state-store');

describe('app:// protocol', () => {
  it('serves the built renderer with its content type and the CSP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskside-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<title>Deskside</title>');
    serveRenderer(dir, "script-src 'self'");
    const handler = fake.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://deskside/account/store/1'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(await page.text()).toContain('<title>Deskside</title>');
    expect((await handler(new Request('app://deskside/missing.js'))).status).toBe(404);
  });
});

describe('electron-store settings', () => {
  it('uses settings.json and keeps only valid values', () => {
    const store = createElectronSettingsStore();
    expect(FakeElectronStore.created.at(-1)).toMatchObject({ name: 'settings' });
    expect(store.read()).toEqual({ ...defaultSettings, theme: 'dark' });
    store.write({ ...defaultSettings, theme: 'light', density: 'compact' });
    expect(store.read()).toEqual({ ...defaultSettings, theme: 'light', density: 'compact' });
  });
});

describe('utility-process sandbox launcher', () => {
  it('forks the built sandbox in a utility process and waits for its URL', async () => {
    const { utilitySandboxLauncher } = await import('./utility-sandbox');
    const { EventEmitter } = await import('node:events');
    const { PassThrough } = await import('node:stream');
    const stdout = new PassThrough();
    const child = Object.assign(new EventEmitter(), { stdout, stderr: new PassThrough(), kill: vi.fn(() => true) });
    fake.module.utilityProcess.fork.mockReturnValue(child);
    const started = utilitySandboxLauncher('/app/out/main/sandbox.js', silentLogger).start({
      dataFile: '/data/sandbox/sandbox.db',
    });
    stdout.write('Sandbox identity platform: http://127.0.0.1:40001\n');
    await expect(started).resolves.toMatchObject({ url: 'http://127.0.0.1:40001' });
    expect(fake.module.utilityProcess.fork).toHaveBeenCalledWith(
      '/app/out/main/sandbox.js',
      expect.arrayContaining(['--data', '/data/sandbox/sandbox.db']),
      expect.objectContaining({ stdio: 'pipe' }),
    );
  });
});

describe('window state keeper', () => {
  it('saves the bounds when the window closes and restores them next time', () => {
    const keeper = createWindowStateKeeper(() => [{ x: 0, y: 0, width: 1920, height: 1080 }]);
    const window = new fake.module.BrowserWindow({});
    keeper.track(window as never);
    window.emit('close');
    expect(keeper.initial()).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});

describe('exports in the desktop app', async () => {
  const { dialogFileSaver, windowPdfPrinter } = await import('./electron-files');
  const { chmodSync, readFileSync, statSync } = await import('node:fs');

  it('saves where the agent chooses, and nothing when the dialog is cancelled', async () => {
    const saver = dialogFileSaver(
      () => join('/home', 'agent', 'Documents'),
      () => null,
    );
    const request = {
      suggestedName: '../../evil name.html',
      content: '<p>report</p>',
      filter: { name: 'HTML', extensions: ['html'] },
    };
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    expect(await saver.save(request)).toBeNull();
    const options = fake.module.dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as { defaultPath: string };
    expect(options.defaultPath).toBe(join('/home', 'agent', 'Documents', 'evil-name.html'));

    const target = join(mkdtempSync(join(tmpdir(), 'deskside-save-')), 'chosen.html');
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await saver.save(request)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('<p>report</p>');
    // Overwriting a file that was readable by others leaves it private too.
    chmodSync(target, 0o644);
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await saver.save(request);
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('prints to PDF in a hidden, script-less window of its own session, from memory, loading nothing else', async () => {
    const before = fake.windows.length;
    // Longer than Chromium's 2 MiB data: URL limit.
    const html = `<h1>Report</h1>${'<p>event</p>'.repeat(250_000)}`;
    const pdf = await windowPdfPrinter().print(html);
    expect(Buffer.from(pdf).toString()).toContain('%PDF');
    const window = fake.windows[before]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(window.options.show).toBe(false);
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, partition: 'deskside-report-pdf' });
    const url = (window.loadURL.mock.calls as unknown as string[][])[0]![0]!;
    expect(url).toMatch(/^app:\/\/report\/[0-9a-f-]{36}\.html$/);
    // The session's own handler serves the report from memory at that one address, and nothing at any other.
    const { handle, unhandle } = window.webContents.session.protocol;
    expect(handle.mock.calls[0]![0]).toBe('app');
    const serve = handle.mock.calls[0]![1] as (request: Request) => Response;
    expect(await serve(new Request(url)).text()).toBe(html);
    expect(serve(new Request('app://report/other.html')).status).toBe(404);
    expect(unhandle).toHaveBeenCalledWith('app');
    const filter = window.webContents.session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const decide = (target: string) => {
      let cancel = false;
      filter({ url: target }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide(url)).toBe(false);
    expect(decide('https://evil.example/x.png')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(window.destroy).toHaveBeenCalled();
  });
});
