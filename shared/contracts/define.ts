import { z } from 'zod';

/** One request/response call across the process boundary, declared once for every side. */
export interface Contract<C extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'call';
  readonly channel: C;
  readonly input: I;
  readonly output: O;
}

/** One message the main side pushes to the renderer (progress, connectivity, cache updates). */
export interface EventContract<C extends string = string, P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly channel: C;
  readonly payload: P;
}

export function defineContract<const C extends string, I extends z.ZodType, O extends z.ZodType>(spec: {
  channel: C;
  input: I;
  output: O;
}): Contract<C, I, O> {
  return { kind: 'call', ...spec };
}

export function defineEvent<const C extends string, P extends z.ZodType>(spec: {
  channel: C;
  payload: P;
}): EventContract<C, P> {
  return { kind: 'event', ...spec };
}

/** Calls grouped by domain: `{ app: { info: Contract } }` becomes `deskside.app.info(input)`. */
export type ContractGroups = Record<string, Record<string, Contract>>;

export type PayloadOf<T extends EventContract> = z.output<T['payload']>;

/** Every call in the groups, in declaration order. */
export function listContracts(groups: ContractGroups): Contract[] {
  return Object.values(groups).flatMap((group) => Object.values(group));
}

/** A call that takes nothing still gets a schema, so extra payloads are refused the same way. */
export const NoInput = z.strictObject({}).optional();
