import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callChannels } from '@shared/contracts';
import { createFakeElectron } from '../../../../tests/unit/fake-electron';

const userData = mkdtempSync(join(tmpdir(), 'deskside-userdata-'));
const fake = createFakeElectron({ userData });

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));
// electron-store's real module needs Electron's app paths; a Map-backed stand-in keeps the test on Node.
vi.mock('electron-store', () => import('../../../../tests/unit/fake-electron-store'));

const mainFrameEvent = (url: string) => {
  const frame = { url, parent: null };
  return { senderFrame: frame, sender: { mainFrame: frame } };
};

beforeAll(async () => {
  await import('./index');
  fake.module.app.ready!();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

describe('Electron main entry', () => {
  it('takes the single-instance lock and focuses the window on a second launch', () => {
    expect(fake.module.app.requestSingleInstanceLock).toHaveBeenCalled();
    fake.module.app.emit('second-instance', {}, []);
    expect(fake.windows[0]!.focus).toHaveBeenCalled();
  });

  it('opens one window with the secure preferences and the app:// page', () => {
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://deskside/index.html');
  });

  it('serves every contract over IPC, only to the app origin', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...callChannels].sort());
    await expect(fake.handlers.get('app:info')!(mainFrameEvent('app://deskside/index.html'))).resolves.toMatchObject({
      ok: true,
      value: { host: 'electron', version: '1.2.3', dataDir: userData, secretsEncrypted: true },
    });
    await expect(fake.handlers.get('app:info')!(mainFrameEvent('https://evil.example/'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    await expect(
      fake.handlers.get('settings:set')!(mainFrameEvent('app://deskside/'), { theme: 7 }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { theme: expect.any(Array) } },
    });
  });

  it('hardens every web contents: foreign navigation, webviews and new windows refused', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.module.app.emit('web-contents-created', {}, contents);
    // Electron 45 hands the URL on the event (the second argument is deprecated).
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    const reload = { url: 'app://deskside/index.html', preventDefault: vi.fn() };
    contents.emit('will-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => {
      action: string;
    };
    expect(openHandler({ url: 'https://github.com/deskside' })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledWith('https://github.com/deskside');
    expect(openHandler({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies permission requests but the clipboard write, to the app only', () => {
    const requestHandler = fake.module.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (allowed: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const callback = vi.fn();
    requestHandler({}, 'media', callback, { requestingUrl: 'app://deskside/index.html' });
    expect(callback).toHaveBeenLastCalledWith(false);
    requestHandler({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://deskside/index.html' });
    expect(callback).toHaveBeenLastCalledWith(true);
    requestHandler({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/' });
    expect(callback).toHaveBeenLastCalledWith(false);
  });

  it('registers app:// as a privileged scheme and serves the renderer there, refusing paths outside it', async () => {
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const handler = fake.protocolHandlers.get('app')!;
    expect((await handler(new Request('app://deskside/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('registers the deskside:// scheme and opens the account a link names, ignoring anything else', () => {
    expect(fake.module.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('deskside');
    const send = fake.windows[0]!.webContents.send;
    fake.windows[0]!.webContents.emit('did-finish-load');
    send.mockClear();
    fake.module.app.emit('open-url', { preventDefault: vi.fn() }, 'deskside://account/consumers/abc-123');
    expect(send).toHaveBeenCalledWith('app:open-account', { store: 'consumers', accountId: 'abc-123' });
    fake.module.app.emit('second-instance', {}, ['deskside', 'deskside://account/business/x%2F..%2F']);
    fake.module.app.emit('second-instance', {}, ['deskside', 'deskside://settings/reset']);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sets an application menu whose About item reaches the renderer', () => {
    const template = fake.module.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{
      submenu?: Array<{ label?: string; click?: () => void }>;
    }>;
    const about = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.label === 'About Deskside')!;
    about.click!();
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith('app:show-about', {});
  });
});
