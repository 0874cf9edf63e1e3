import { describe, expect, it, vi } from 'vitest';
import { callChannels } from '@shared/contracts';
import { createPreloadApi, type IpcRendererLike } from './expose';

function fakeIpcRenderer() {
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const ipc: IpcRendererLike = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) =>
      listeners.set(channel, listener),
    ),
    removeListener: vi.fn((channel: string) => listeners.delete(channel)),
  };
  return { ipc, listeners };
}

describe('createPreloadApi', () => {
  it('exposes one function per declared call, invoking its channel', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    await expect(api.settings.set({ theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: { channel: 'settings:set', input: { theme: 'dark' } },
    });
    const exposed = Object.entries(api)
      .filter(([name]) => name !== 'subscribe')
      .flatMap(([, group]) => Object.keys(group as object));
    expect(exposed).toHaveLength(callChannels.length);
    expect(api).not.toHaveProperty('invoke');
  });

  it('subscribes to declared events only', () => {
    const { ipc, listeners } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const received: unknown[] = [];
    const stop = api.subscribe('settings:changed', (payload) => received.push(payload));
    listeners.get('settings:changed')!({ sender: 'hidden' }, { theme: 'dark' });
    expect(received).toEqual([{ theme: 'dark' }]);
    stop();
    expect(listeners.has('settings:changed')).toBe(false);
    expect(() => api.subscribe('some:other', () => {})).toThrow(/Unknown event/);
  });
});
