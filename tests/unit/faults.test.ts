import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesksideError, ErrorCode } from '@shared/contracts';
import { startSandbox, type RunningSandbox } from '../../sandbox/start';
import { connectToSandbox, setFaults } from './sandbox-services';

let sandbox: RunningSandbox;
const realFetch = globalThis.fetch;
/** Every request the console sent, with what the platform answered. */
const sent: Array<{ method: string; url: string; body: string; status: number }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 200 });
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? init.body : '',
      status: response.status,
    });
    return response;
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await setFaults(sandbox.url, []);
  await sandbox.close();
});

/** Runs an operation under faults: it succeeds, or fails with a clear, typed message. */
async function clearly<T>(
  operation: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: DesksideError }> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    expect(error).toBeInstanceOf(DesksideError);
    const typed = error as DesksideError;
    expect(ErrorCode.options).toContain(typed.code);
    expect(typed.message.length).toBeGreaterThan(10);
    expect(typed.message).not.toMatch(/undefined|\[object|TypeError/);
    return { ok: false, error: typed };
  }
}

describe('under the fault flags', () => {
  // Each 429 costs its Retry-After second, so that case runs fewer rounds.
  // Reads fail on every fifth request; each change on every second one, so that, whatever else the console sends
  // in between, some changes meet the fault and some do not.
  for (const [name, rule, rounds] of [
    [
      '5xx on every fifth read and every second change, with latency',
      { route: '.*', latencyMs: 20, failEvery: 5, status: 503, retryAfter: 0 },
      30,
    ],
    [
      '429 with Retry-After on every fifth read and every second change',
      { route: '.*', failEvery: 5, status: 429, retryAfter: 1 },
      8,
    ],
  ] as const)
    it(`${name}: searches and tab loads answer or fail clearly; no non-idempotent change is sent twice`, async () => {
      const services = connectToSandbox(sandbox.url, { productionClient: true });
      const listed = await services.accounts.search({ store: 'consumers', filter: {}, page: 0, size: 30 });
      const ids = listed.items.map((account) => account.id);
      await setFaults(sandbox.url, [
        { ...rule, route: 'GET .*' },
        { route: 'POST .*/authenticators', failEvery: 2, status: rule.status, retryAfter: rule.retryAfter },
      ]);
      try {
        let answered = 0;
        for (let i = 0; i < rounds; i++) {
          const enabled = i % 2 === 0;
          const search = await clearly(() =>
            services.accounts.search({ store: 'consumers', filter: { enabled }, page: 0, size: 20 }),
          );
          const id = ids[i % ids.length]!;
          const open = await clearly(() => services.profiles.open('consumers', id));
          if (search.ok) {
            answered++;
            // Live or from the cache, the answer holds only what was asked for.
            for (const item of search.value.items)
              expect(item.enabled, `round ${i} (${search.value.source})`).toBe(enabled);
          }
          if (open.ok) {
            answered++;
            expect(open.value.profile.summary.id, `round ${i} (${open.value.source})`).toBe(id);
          }
        }
        // Reads are retried (and answered from the cache when the platform seems down): most get an answer.
        expect(answered).toBeGreaterThan(rounds * 1.3);
        const started = sent.length;
        const targets: string[] = [];
        const outcomes = new Map<string, Awaited<ReturnType<typeof clearly>>>();
        for (let i = 0; i < rounds; i++) {
          const target = `fault-${name.length}-${i}@example.com`;
          targets.push(target);
          services.connectivity.succeeded(); // each change starts online, so each reaches the client
          outcomes.set(
            target,
            await clearly(() =>
              services.profiles.act('consumers', ids[0]!, { kind: 'addAuthenticator', type: 'email', target }),
            ),
          );
        }
        // Each change ended applied (and said so), or refused before anything happened (429, said so), or
        // uncertain (a 5xx after it was sent, said so): never applied twice, never applied when refused.
        await setFaults(sandbox.url, []);
        const results = [...outcomes.values()];
        expect(results.some((outcome) => outcome.ok)).toBe(true);
        // Under 5xx some changes end uncertain (429s are waited out and retried), so that branch is exercised.
        if (rule.status === 503) expect(results.some((outcome) => !outcome.ok)).toBe(true);
        const afterwards = await connectToSandbox(sandbox.url).profiles.open('consumers', ids[0]!);
        for (const target of targets) {
          const copies = afterwards.profile.authenticators.filter((item) => item.target === target).length;
          const outcome = outcomes.get(target)!;
          if (outcome.ok) expect(copies, `${target}: reported applied`).toBe(1);
          else if (outcome.error.code === 'RATE_LIMITED') expect(copies, `${target}: refused`).toBe(0);
          else {
            expect(['UNAVAILABLE', 'TIMEOUT'], target).toContain(outcome.error.code);
            expect(copies, `${target}: uncertain`).toBeLessThanOrEqual(1);
          }
        }
        for (const target of targets) {
          const attempts = sent
            .slice(started)
            .filter(
              (request) =>
                request.method === 'POST' && request.url.endsWith('/authenticators') && request.body.includes(target),
            );
          // A 429 means the platform did nothing, so trying again is safe; anything else is sent once at most.
          expect(attempts.filter((request) => request.status !== 429).length, target).toBeLessThanOrEqual(1);
        }
      } finally {
        await setFaults(sandbox.url, []);
        services.connectivity.dispose();
      }
    }, 120_000);
});
