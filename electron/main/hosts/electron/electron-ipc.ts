import type { CallResult } from '@shared/contracts';
import type { EventBus } from '../../ipc/event-bus';
import type { IpcRegistry } from '../../ipc/registry';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads; tests pass plain objects. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { mainFrame: unknown };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * `protocol//host` of a URL. URL.origin is "null" for custom schemes such as app://, so it cannot be used here.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True only for the window's main frame showing a page of the app's own origin. */
export function isTrustedSender(event: InvokeEventLike, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed before the call arrived
  if (frame !== event.sender.mainFrame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

/** Serves every registered channel over ipcMain, each call behind the sender check. */
export function bindRegistryToIpc(
  ipcMain: IpcMainLike,
  registry: IpcRegistry,
  allowedOrigins: readonly string[],
): () => void {
  const channels = registry.channels();
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event, allowedOrigins)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This caller may not use Deskside.' } };
      }
      return registry.dispatch(channel, input, { transport: 'electron' });
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Sends pushed events to one window for as long as it lives. */
export function forwardEventsToWindow(bus: EventBus, webContents: WebContentsLike): () => void {
  return bus.subscribe((channel, payload) => {
    if (!webContents.isDestroyed()) webContents.send(channel, payload);
  });
}
