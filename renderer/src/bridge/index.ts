import { buildRawApi, buildTypedApi, contracts, type DesksideApi, type RawApi } from '@shared/contracts';
import { httpInvoke, sseSubscribe, webHostToken } from './http-transport';

declare global {
  interface Window {
    /** Exposed by the preload in the desktop app; absent in a browser. */
    deskside?: RawApi;
  }
}

/** The desktop app's preload bridge when there is one, the web host's HTTP API otherwise. */
function createBridge(): DesksideApi {
  if (window.deskside) return buildTypedApi(contracts, window.deskside);
  const token = webHostToken(window.location, window.sessionStorage);
  return buildTypedApi(contracts, buildRawApi(contracts, httpInvoke(token), sseSubscribe()));
}

export const deskside: DesksideApi = createBridge();
export const isDesktop = Boolean(window.deskside);
