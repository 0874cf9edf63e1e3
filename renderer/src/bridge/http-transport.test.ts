import { afterEach, describe, expect, it } from 'vitest';
import {
  askOtherTabs,
  fetchEventSubscribe,
  httpInvoke,
  parseEventFrames,
  resolveWebHostToken,
  takeTokenFromAddress,
  TOKEN_CHANNEL,
} from './http-transport';

/** A tab's address bar and history, as far as the transport uses them. */
function addressBar(href: string) {
  const url = new URL(href);
  const entries: string[] = [];
  const location = {
    get pathname() {
      return url.pathname;
    },
    get search() {
      return url.search;
    },
    get hash() {
      return url.hash;
    },
  } as Location;
  const history = {
    state: null,
    replaceState(_state: unknown, _title: string, next: string) {
      entries.push(next);
      const replaced = new URL(next, url);
      url.pathname = replaced.pathname;
      url.search = replaced.search;
      url.hash = replaced.hash;
    },
  } as unknown as History;
  return { location, history, entries, href: () => url.href };
}

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  } as Storage;
}

const channels: BroadcastChannel[] = [];
function channel(): BroadcastChannel {
  const created = new BroadcastChannel(TOKEN_CHANNEL);
  channels.push(created);
  return created;
}
afterEach(() => {
  for (const each of channels.splice(0)) each.close();
});

describe('the web host token in the browser', () => {
  it('is taken from the fragment, kept for the tab, and removed from the address at once', () => {
    const bar = addressBar('http://127.0.0.1:5180/account/consumers/a1?tab=2#token=s3cret&focus=events');
    const storage = memoryStorage();
    expect(takeTokenFromAddress(bar.location, bar.history, storage)).toBe('s3cret');
    expect(bar.href()).toBe('http://127.0.0.1:5180/account/consumers/a1?tab=2#focus=events');
    // A reload (no token in the address any more) finds it in the tab's storage.
    expect(takeTokenFromAddress(bar.location, bar.history, storage)).toBe('s3cret');
    expect(bar.entries).toHaveLength(1);
  });

  it('is handed to a new tab by a tab that has it, and nobody answers a tab that has none', async () => {
    const first = addressBar('http://127.0.0.1:5180/#token=handed-over');
    expect(await resolveWebHostToken(first.location, first.history, memoryStorage(), channel())).toBe('handed-over');
    const second = addressBar('http://127.0.0.1:5180/account/consumers/a1');
    expect(await resolveWebHostToken(second.location, second.history, memoryStorage(), channel())).toBe('handed-over');
    expect(second.href()).toBe('http://127.0.0.1:5180/account/consumers/a1');
    for (const each of channels.splice(0)) each.close();
    expect(await askOtherTabs(channel(), 50)).toBeNull();
  });

  it('sends calls with the token in a header, and refuses to call without one', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, headers: init.headers as Record<string, string> });
      return new Response(JSON.stringify({ ok: true, value: 1 }));
    }) as unknown as typeof fetch;
    expect(await httpInvoke(Promise.resolve('t0ken'), fakeFetch)('app:info', undefined)).toEqual({
      ok: true,
      value: 1,
    });
    expect(seen).toEqual([
      { url: '/api/app%3Ainfo', headers: expect.objectContaining({ 'X-Deskside-Token': 't0ken' }) },
    ]);
    const refused = await httpInvoke(Promise.resolve(null), fakeFetch)('app:info', undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(seen).toHaveLength(1);
  });
});

describe('the event stream read with fetch', () => {
  it('splits frames across chunk boundaries, skips comments, and joins multi-line data', () => {
    const first = parseEventFrames(': connected\n\nevent: cache:changed\ndata: {"a":');
    expect(first.events).toEqual([]);
    const second = parseEventFrames(`${first.rest}1}\n\nevent: x\ndata: line one\ndata: line two\r\n\r\n`);
    expect(second.events).toEqual([
      { event: 'cache:changed', data: '{"a":1}' },
      { event: 'x', data: 'line one\nline two' },
    ]);
    expect(second.rest).toBe('');
  });

  it('sends the token in a header, delivers events to their listeners, and reconnects after a drop', async () => {
    const requests: Array<Record<string, string>> = [];
    const bodies = ['event: cache:changed\ndata: {"accounts":3}\n\n', 'event: cache:changed\ndata: {"accounts":4}\n\n'];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      requests.push(init.headers as Record<string, string>);
      const body = bodies.shift();
      if (body === undefined) return new Response('no', { status: 401 });
      return new Response(
        new ReadableStream({
          start(controller) {
            // Split mid-frame: the reader must wait for the rest.
            controller.enqueue(new TextEncoder().encode(body.slice(0, 20)));
            controller.enqueue(new TextEncoder().encode(body.slice(20)));
            controller.close();
          },
        }),
      );
    }) as unknown as typeof fetch;
    const received: unknown[] = [];
    const retries: number[] = [];
    let opened = 0;
    let done: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const subscribe = fetchEventSubscribe(
      Promise.resolve('t0ken'),
      fakeFetch,
      (reconnect, attempt) => {
        retries.push(attempt);
        if (retries.length < 3) reconnect();
        else done();
      },
      () => opened++,
    );
    subscribe('cache:changed', (payload) => received.push(payload));
    await finished;
    expect(received).toEqual([{ accounts: 3 }, { accounts: 4 }]);
    expect(requests.map((headers) => headers['X-Deskside-Token'])).toEqual(['t0ken', 't0ken', 't0ken']);
    // A clean end starts over at once; a refusal waits longer next time.
    expect(retries).toEqual([0, 0, 1]);
    // Opened twice (the refused third attempt never opened): each time, state is read again.
    expect(opened).toBe(2);
  });
});
