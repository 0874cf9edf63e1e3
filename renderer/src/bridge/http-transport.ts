import type { CallResult, Invoke, Subscribe } from '@shared/contracts';

const TOKEN_KEY = 'deskside.token';

/**
 * The web host's token: given once in the printed URL, kept for this tab so reloads and routes work.
 */
export function webHostToken(location: Location, storage: Storage): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) storage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? storage.getItem(TOKEN_KEY) ?? '';
}

/** Calls over the web host's HTTP API; network failures become the same envelopes as IPC failures. */
export function httpInvoke(token: string, fetchImpl: typeof fetch = fetch): Invoke {
  return async (channel, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Deskside-Token': token },
        body: input === undefined ? '' : JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The Deskside web host is not answering.' } };
    }
    try {
      return (await response.json()) as CallResult<unknown>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'BAD_RESPONSE',
          message: `The web host answered ${response.status} without a result.`,
          status: response.status,
        },
      };
    }
  };
}

/** Pushed events over one server-sent-events stream; the browser reconnects it by itself. */
export function sseSubscribe(): Subscribe {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return (channel, listener) => {
    source ??= new EventSource('/api/events');
    let set = listeners.get(channel);
    if (!set) {
      const created = new Set<(payload: unknown) => void>();
      listeners.set(channel, created);
      source.addEventListener(channel, (event) => {
        const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
        for (const each of created) each(payload);
      });
      set = created;
    }
    set.add(listener);
    return () => set.delete(listener);
  };
}
