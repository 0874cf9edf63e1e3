import { describe, expect, it } from 'vitest';
import { events } from '@shared/contracts';
import { defaultSettings } from '@shared/domain/settings';
import { createRegistry } from '../../handlers';
import { APP_ORIGIN } from './policy';
import { makeServices } from '../../../../tests/unit/main-services';
import { EventBus } from '../../ipc/event-bus';
import {
  bindRegistryToIpc,
  forwardEventsToWindow,
  isTrustedSender,
  originOf,
  type InvokeEventLike,
  type IpcMainLike,
} from './electron-ipc';

/** A stand-in for ipcMain that keeps the handlers so the test can invoke them like the renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function eventFrom(url: string, options: { subFrame?: boolean; noFrame?: boolean } = {}): InvokeEventLike {
  const mainFrame = { url, parent: null };
  if (options.noFrame) return { senderFrame: null, sender: { mainFrame } };
  if (options.subFrame) return { senderFrame: { url, parent: mainFrame }, sender: { mainFrame } };
  return { senderFrame: mainFrame, sender: { mainFrame } };
}

describe('originOf', () => {
  it('keeps the host of custom schemes, where URL.origin says "null"', () => {
    expect(originOf('app://deskside/index.html')).toBe('app://deskside');
    expect(originOf('http://localhost:5173/x?y')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts only the main frame of the app origin', () => {
    expect(isTrustedSender(eventFrom('app://deskside/index.html'), [APP_ORIGIN])).toBe(true);
    expect(isTrustedSender(eventFrom('https://evil.example/'), [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(eventFrom('app://deskside.evil/'), [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(eventFrom('app://deskside/index.html', { subFrame: true }), [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(eventFrom('app://deskside/index.html', { noFrame: true }), [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(eventFrom('file:///etc/passwd'), [APP_ORIGIN])).toBe(false);
  });
});

describe('bindRegistryToIpc', () => {
  it('serves every registered channel to the trusted main frame', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const registry = createRegistry(makeServices());
    bindRegistryToIpc(ipcMain, registry, [APP_ORIGIN]);
    expect([...handlers.keys()].sort()).toEqual(registry.channels().sort());
    const result = await handlers.get('app:info')!(eventFrom('app://deskside/index.html'), undefined);
    expect(result).toMatchObject({ ok: true, value: { name: 'Deskside', version: '9.9.9-test' } });
  });

  it('answers an invalid payload with the validation envelope naming the field', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    bindRegistryToIpc(ipcMain, createRegistry(makeServices()), [APP_ORIGIN]);
    const result = await handlers.get('settings:set')!(eventFrom('app://deskside/index.html'), { theme: 'purple' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { theme: [expect.any(String)] } },
    });
  });

  it('refuses a call from a foreign origin or a subframe before dispatch', async () => {
    const services = makeServices();
    const { ipcMain, handlers } = fakeIpcMain();
    bindRegistryToIpc(ipcMain, createRegistry(services), [APP_ORIGIN]);
    const foreign = await handlers.get('settings:set')!(eventFrom('https://evil.example/'), { theme: 'dark' });
    const framed = await handlers.get('settings:set')!(eventFrom('app://deskside/', { subFrame: true }), {
      theme: 'dark',
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(framed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(services.settings.get().theme).toBe('system');
  });

  it('registers no handler for a channel the contracts do not declare, and unbinds cleanly', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unbind = bindRegistryToIpc(ipcMain, createRegistry(makeServices()), [APP_ORIGIN]);
    expect(handlers.has('fs:read')).toBe(false);
    unbind();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardEventsToWindow', () => {
  it('sends checked events while the window lives and stops when asked', () => {
    const bus = new EventBus();
    const sent: Array<[string, unknown]> = [];
    let destroyed = false;
    const stop = forwardEventsToWindow(bus, {
      isDestroyed: () => destroyed,
      send: (channel, payload) => sent.push([channel, payload]),
    });
    bus.emit(events.settingsChanged, { ...defaultSettings, theme: 'dark', density: 'compact' });
    destroyed = true;
    bus.emit(events.settingsChanged, { ...defaultSettings, theme: 'light', density: 'compact' });
    stop();
    destroyed = false;
    bus.emit(events.settingsChanged, { ...defaultSettings, theme: 'light', density: 'compact' });
    expect(sent).toEqual([['settings:changed', { ...defaultSettings, theme: 'dark', density: 'compact' }]]);
    expect(() => bus.emit(events.settingsChanged, { theme: 'neon' } as never)).toThrow();
  });
});
