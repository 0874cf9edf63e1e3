import { buildRawApi, callChannels, contracts, eventChannels, type CallResult, type RawApi } from '@shared/contracts';

/** The parts of ipcRenderer the bridge uses; injected so the allowlist can be tested without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Builds window.deskside: one function per declared call, and subscriptions to declared events only.
 * The renderer never sees ipcRenderer, so it cannot reach a channel the contracts do not declare.
 */
export function createPreloadApi(ipc: IpcRendererLike): RawApi {
  const invoke = async (channel: string, input: unknown): Promise<CallResult<unknown>> => {
    if (!callChannels.includes(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${channel}` } };
    }
    return (await ipc.invoke(channel, input)) as CallResult<unknown>;
  };
  const subscribe = (channel: string, listener: (payload: unknown) => void) => {
    if (!eventChannels.includes(channel)) throw new Error(`Unknown event: ${channel}`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channel, wrapped);
    return () => void ipc.removeListener(channel, wrapped);
  };
  return buildRawApi(contracts, invoke, subscribe);
}
