import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allContracts, type Contract } from '@shared/contracts';
import { silentLogger } from '../services/logger';
import { IpcRegistry } from './registry';

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof random>;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A value that fits the schema's shape (refinements aside): the starting point for mutations. */
function example(schema: unknown, rng: Random, depth = 0): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shape)
          .filter(([, child]) => defOf(child).type !== 'optional' || rng.next() < 0.7)
          .map(([key, child]) => [key, example(child, rng, depth + 1)]),
      );
    }
    case 'string':
      return rng.pick(['consumers', 'acc-1', 'Ada', 'a@example.com', '2026-01-01T00:00:00Z', '-P30D']);
    case 'number':
      return rng.int(5);
    case 'boolean':
      return rng.next() < 0.5;
    case 'enum':
      return rng.pick(Object.values(def.entries as Record<string, string>));
    case 'literal':
      return (def.values as unknown[])[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return example(def.innerType, rng, depth);
    case 'pipe':
      return example(def.in, rng, depth);
    case 'array':
      return depth > 4 ? [] : Array.from({ length: rng.int(3) }, () => example(def.element, rng, depth + 1));
    case 'record':
      return { key: example(def.valueType, rng, depth + 1) };
    case 'union':
      return example(rng.pick(def.options as unknown[]), rng, depth);
    case 'null':
      return null;
    default:
      return null;
  }
}

const hostile: unknown[] = [
  undefined,
  null,
  0,
  -1,
  Number.NaN,
  1e308,
  '',
  'x'.repeat(1_000_000),
  true,
  [],
  [1, 2, 3],
  {},
  () => 1,
  Symbol('s'),
  new Date(0),
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"store": "consumers", "__proto__": {"polluted": "yes"}}'),
  '<script>alert(1)</script>',
  '\u0000\u202e',
];

function deep(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) value = { nested: value, list: [value] };
  return value;
}

/** Wrong types, missing and extra fields, huge strings, deep nesting, prototype keys: on a valid-looking base. */
function mutate(base: unknown, rng: Random): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return rng.pick(hostile);
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const keys = Object.keys(copy);
  switch (rng.int(8)) {
    case 0:
      if (keys.length) delete copy[rng.pick(keys)];
      return copy;
    case 1:
      copy[`extra${rng.int(100)}`] = rng.pick(hostile);
      return copy;
    case 2:
      if (keys.length) copy[rng.pick(keys)] = rng.pick(hostile);
      return copy;
    case 3:
      if (keys.length) copy[rng.pick(keys)] = 'y'.repeat(100_000);
      return copy;
    case 4:
      if (keys.length) copy[rng.pick(keys)] = deep(200);
      return copy;
    case 5:
      return JSON.parse(`{"__proto__": {"polluted": "yes"}, ${JSON.stringify(copy).slice(1)}`.replace(', }', '}'));
    case 6:
      return deep(2000);
    default:
      return rng.pick(hostile);
  }
}

describe('IPC fuzzing: every contract, generated and mutated payloads', () => {
  it('answers each with the validation envelope or a handler run on valid input only, and nothing leaks', async () => {
    const registry = new IpcRegistry(silentLogger);
    const received = new Map<string, unknown[]>();
    for (const contract of allContracts)
      registry.register(contract as Contract, (input) => {
        received.get(contract.channel)!.push(input);
        throw new Error('not reached by the assertions: handlers only record');
      });
    const rng = random(20261129);
    const perContract = 2000;
    let refused = 0;
    for (const contract of allContracts) {
      received.set(contract.channel, []);
      for (let i = 0; i < perContract; i++) {
        const payload = i % 4 === 0 ? example(contract.input, rng) : mutate(example(contract.input, rng), rng);
        const valid = (contract.input as z.ZodType).safeParse(payload).success;
        const before = received.get(contract.channel)!.length;
        const result = await registry.dispatch(contract.channel, payload, { transport: 'test' });
        const ran = received.get(contract.channel)!.length > before;
        expect(ran, `${contract.channel}: handler ran? valid=${valid}`).toBe(valid);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          if (valid) expect(result.error.code).toBe('INTERNAL');
          else {
            refused++;
            expect(result.error.code).toBe('VALIDATION');
            expect(typeof result.error.message).toBe('string');
            expect(result.error.message.length).toBeLessThan(5000);
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(allContracts.length * perContract * 0.5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The registry still works after all of it.
    expect((await registry.dispatch('no:such', {}, { transport: 'test' })).ok).toBe(false);
  });
});
