import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/domain/settings';
import { createFakeElectron } from '../../../tests/unit/fake-electron';
import FakeElectronStore from '../../../tests/unit/fake-electron-store';
import { silentLogger } from '../services/logger';

const fake = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'deskside-userdata-')) });
FakeElectronStore.initialData = { theme: 'dark', density: 'bogus' };

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));
vi.mock('electron-store', () => import('../../../tests/unit/fake-electron-store'));

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
