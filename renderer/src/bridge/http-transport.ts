import type { CallResult, Invoke, Subscribe } from '@shared/contracts';

const TOKEN_KEY = 'deskside.token';
/** Same-origin only, so only pages this web host served can ask for or answer with its token. */
export const TOKEN_CHANNEL = 'deskside-web-host-token';
/** How long a new tab waits for an open Deskside tab to hand it the token. */
export const ASK_TABS_MS = 1500;

type TokenMessage = { kind: 'ask' } | { kind: 'token'; token: string };

/**
 * The web host's token as the printed URL gives it (`#token=…`, a fragment no browser sends): kept for this tab so
 * reloads work, and taken out of the address bar at once, so it is in neither the history nor a bookmark.
 */
export function takeTokenFromAddress(location: Location, history: History, storage: Storage): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromAddress = fragment.get('token');
  if (fromAddress) {
    storage.setItem(TOKEN_KEY, fromAddress);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  return fromAddress ?? storage.getItem(TOKEN_KEY);
}

/** Asks the other open tabs of this web host for the token (a link opened in a new tab); null when none answers. */
export function askOtherTabs(channel: BroadcastChannel, waitMs = ASK_TABS_MS): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), waitMs);
    const onMessage = (event: MessageEvent<TokenMessage>) => {
      if (event.data?.kind === 'token' && typeof event.data.token === 'string') finish(event.data.token);
    };
    const finish = (token: string | null) => {
      clearTimeout(timer);
      channel.removeEventListener('message', onMessage);
      resolve(token);
    };
    channel.addEventListener('message', onMessage);
    channel.postMessage({ kind: 'ask' } satisfies TokenMessage);
  });
}

/** Hands the token to any tab of this web host that asks for it. */
export function answerOtherTabs(channel: BroadcastChannel, token: string): void {
  channel.addEventListener('message', (event: MessageEvent<TokenMessage>) => {
    if (event.data?.kind === 'ask') channel.postMessage({ kind: 'token', token } satisfies TokenMessage);
  });
}

/** The token for this tab: from its address, from this tab's earlier load, or from another open tab. */
export async function resolveWebHostToken(
  location: Location,
  history: History,
  storage: Storage,
  channel: BroadcastChannel,
): Promise<string | null> {
  const token = takeTokenFromAddress(location, history, storage) ?? (await askOtherTabs(channel));
  if (token) {
    storage.setItem(TOKEN_KEY, token);
    answerOtherTabs(channel, token);
  }
  return token;
}

const NO_TOKEN: CallResult<never> = {
  ok: false,
  error: {
    code: 'UNAUTHORIZED',
    message: 'This tab has no access to the Deskside web host: open the link from Deskside, or use the printed URL.',
  },
};

/** Calls over the web host's HTTP API; network failures become the same envelopes as IPC failures. */
export function httpInvoke(token: Promise<string | null>, fetchImpl: typeof fetch = fetch): Invoke {
  return async (channel, input) => {
    const value = await token;
    if (!value) return NO_TOKEN;
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Deskside-Token': value },
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

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Splits a server-sent-events buffer into complete events and the unfinished rest (comments are skipped). */
export function parseEventFrames(buffer: string): { events: ServerSentEvent[]; rest: string } {
  const frames = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = frames.pop() ?? '';
  const events: ServerSentEvent[] = [];
  for (const frame of frames) {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * Pushed events over one server-sent-events stream, read with fetch so the token travels in a header (EventSource
 * can send none, which is what pushed earlier versions to a cookie). Reconnects after a drop, waiting longer each
 * time up to ten seconds. `onOpen` runs each time the stream is (re)established: events pushed while it was not
 * open are lost, so state they would have changed is read again then.
 */
export function fetchEventSubscribe(
  token: Promise<string | null>,
  fetchImpl: typeof fetch = fetch,
  retry: (reconnect: () => void, attempt: number) => void = (reconnect, attempt) =>
    setTimeout(reconnect, Math.min(10_000, 500 * 2 ** attempt)),
  onOpen: () => void = () => undefined,
): Subscribe {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let started = false;
  const dispatch = ({ event, data }: ServerSentEvent) => {
    const set = listeners.get(event);
    if (!set || set.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // not ours to understand
    }
    for (const listener of set) listener(payload);
  };
  const connect = async (attempt: number): Promise<void> => {
    const value = await token;
    if (!value) return;
    try {
      const response = await fetchImpl('/api/events', { headers: { 'X-Deskside-Token': value }, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
      attempt = 0;
      onOpen();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value: chunk, done } = await reader.read();
        if (done) break;
        const parsed = parseEventFrames(buffer + chunk);
        buffer = parsed.rest;
        parsed.events.forEach(dispatch);
      }
    } catch {
      // dropped or refused: try again below
    }
    retry(() => void connect(attempt + 1), attempt);
  };
  return (channel, listener) => {
    if (!started) {
      started = true;
      void connect(0);
    }
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
}
