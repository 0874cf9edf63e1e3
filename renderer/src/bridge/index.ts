import { buildRawApi, buildTypedApi, contracts, type DesksideApi, type RawApi } from '@shared/contracts';
import { fetchEventSubscribe, httpInvoke, resolveWebHostToken, TOKEN_CHANNEL } from './http-transport';

declare global {
  interface Window {
    /** Exposed by the preload in the desktop app; absent in a browser. */
    deskside?: RawApi;
  }
}

/** The web host's token for this tab (null when it has none); the desktop app needs none. */
const webHostToken: Promise<string | null> | null = window.deskside
  ? null
  : resolveWebHostToken(window.location, window.history, window.sessionStorage, new BroadcastChannel(TOKEN_CHANNEL));

const streamOpenedListeners = new Set<() => void>();

/**
 * Runs `listener` each time the web host's event stream opens (first time included): what pushed events keep up
 * to date is read again, since events sent while the stream was down are lost. Never in the desktop app, whose IPC
 * does not drop.
 */
export function onEventStreamOpened(listener: () => void): () => void {
  streamOpenedListeners.add(listener);
  return () => streamOpenedListeners.delete(listener);
}

/** The desktop app's preload bridge when there is one, the web host's HTTP API otherwise. */
function createBridge(): DesksideApi {
  if (window.deskside) return buildTypedApi(contracts, window.deskside);
  const subscribe = fetchEventSubscribe(webHostToken!, fetch, undefined, () => {
    for (const listener of streamOpenedListeners) listener();
  });
  return buildTypedApi(contracts, buildRawApi(contracts, httpInvoke(webHostToken!), subscribe));
}

export const deskside: DesksideApi = createBridge();

/** Whether this page may use the host: always in the desktop app; in a browser, once this tab has the token. */
export const hostAccess: Promise<boolean> = webHostToken ? webHostToken.then(Boolean) : Promise.resolve(true);
