import type { z } from 'zod';
import type { Contract, ContractGroups, EventContract } from './define';
import { DesksideError, type CallResult } from './errors';
import type { Contracts, Events } from './index';

/** What a transport answers for one call: the result envelope, never a throw for an expected failure. */
export type Invoke = (channel: string, input: unknown) => Promise<CallResult<unknown>>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/** The raw bridge the preload exposes: each call resolves to its result envelope. */
export type RawApi<G extends ContractGroups = Contracts> = {
  [D in keyof G]: {
    [M in keyof G[D]]: (input?: z.input<G[D][M]['input']>) => Promise<CallResult<z.output<G[D][M]['output']>>>;
  };
} & { subscribe: Subscribe };

/** The renderer's typed client: each call resolves to its value or throws a DesksideError. */
export type DesksideApi<G extends ContractGroups = Contracts> = {
  [D in keyof G]: { [M in keyof G[D]]: (input?: z.input<G[D][M]['input']>) => Promise<z.output<G[D][M]['output']>> };
} & {
  on<E extends Events[keyof Events]>(event: E, listener: (payload: z.output<E['payload']>) => void): () => void;
};

function mapGroups(
  groups: ContractGroups,
  make: (contract: Contract, domain: string, method: string) => unknown,
): Record<string, Record<string, unknown>> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [domain, group] of Object.entries(groups)) {
    const calls: Record<string, unknown> = {};
    for (const [method, contract] of Object.entries(group)) calls[method] = make(contract, domain, method);
    api[domain] = calls;
  }
  return api;
}

/** Builds the raw bridge from the contracts over any transport (ipcRenderer.invoke, HTTP). */
export function buildRawApi<G extends ContractGroups>(groups: G, invoke: Invoke, subscribe: Subscribe): RawApi<G> {
  const api = mapGroups(groups, (contract) => (input?: unknown) => invoke(contract.channel, input));
  return { ...api, subscribe } as unknown as RawApi<G>;
}

/** Wraps a raw bridge so calls throw DesksideError on failure. */
export function buildTypedApi<G extends ContractGroups>(groups: G, raw: RawApi<G>): DesksideApi<G> {
  const rawGroups = raw as unknown as Record<string, Record<string, (input?: unknown) => Promise<CallResult<unknown>>>>;
  const api = mapGroups(groups, (_contract, domain, method) => async (input?: unknown) => {
    const result = await rawGroups[domain]![method]!(input);
    if (!result.ok) throw new DesksideError(result.error);
    return result.value;
  });
  const on = (event: EventContract, listener: (payload: unknown) => void) => raw.subscribe(event.channel, listener);
  return { ...api, on } as unknown as DesksideApi<G>;
}
