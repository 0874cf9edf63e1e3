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

/**
 * Payloads invalid by construction, whatever refinements a schema adds: the oracle is how they are made, not the
 * schema under test. Only the structure is read (which fields an object has, which are required, whether it is
 * strict), never its verdict.
 */
function invalidByConstruction(schema: unknown, rng: Random): { payload: unknown; why: string } | null {
  let def = defOf(schema);
  if (def.type === 'optional') return null; // undefined and more are fine for an optional payload
  while (def.type === 'pipe' || def.type === 'default') def = defOf(def.type === 'pipe' ? def.in : def.innerType);
  if (def.type !== 'object') return null;
  const shape = def.shape as Record<string, unknown>;
  const base = example(schema, rng) as Record<string, unknown>;
  const required = Object.keys(shape).filter(
    (key) => !['optional', 'default', 'prefault'].includes(defOf(shape[key]).type),
  );
  const strict = defOf(def.catchall ?? { _zod: { def: { type: 'none' } } }).type === 'never';
  const choices: Array<() => { payload: unknown; why: string }> = [
    () => ({ payload: rng.pick([42, 'text', true, [base], () => base]), why: 'not an object' }),
    () => ({
      payload: { ...base, [rng.pick(Object.keys(shape).length ? Object.keys(shape) : ['x'])]: Symbol('s') },
      why: 'a symbol as a field',
    }),
    () => ({
      payload: { ...base, [rng.pick(Object.keys(shape).length ? Object.keys(shape) : ['x'])]: () => 1 },
      why: 'a function as a field',
    }),
  ];
  if (required.length > 0)
    choices.push(() => {
      const key = rng.pick(required);
      const { [key]: _removed, ...rest } = base;
      return { payload: rest, why: `required ${key} missing` };
    });
  if (strict)
    choices.push(() => ({
      payload: { ...base, [`unknown${rng.int(100)}`]: 1 },
      why: 'an unknown field on a strict object',
    }));
  return rng.pick(choices)();
}

/**
 * What the renderer sends and what it must not, written out by hand from the product's rules (page sizes, retention
 * days, URL schemes, confirmation lengths): a second opinion beside the schemas.
 */
const handWritten: Array<[channel: string, payload: unknown, verdict: 'accepted' | 'refused', why: string]> = [
  [
    'accounts:search',
    { store: 'consumers', filter: { loginIdentifier: 'ada' }, page: 0, size: 50 },
    'accepted',
    'a quick search',
  ],
  ['accounts:search', { store: 'consumers', filter: {} }, 'accepted', 'page and size default'],
  [
    'accounts:search',
    { store: 'consumers', filter: { groups: { ids: ['g1'], mode: 'exclude' } }, page: 3, size: 200 },
    'accepted',
    'the largest page',
  ],
  ['accounts:search', { store: 'consumers', filter: {}, page: 0, size: 201 }, 'refused', 'pages hold at most 200'],
  ['accounts:search', { store: 'consumers', filter: {}, page: -1, size: 50 }, 'refused', 'no negative page'],
  ['accounts:search', { store: '', filter: {} }, 'refused', 'a store has a name'],
  ['accounts:search', { store: 'consumers', filter: { shoeSize: 42 } }, 'refused', 'no such filter'],
  [
    'accounts:search',
    { store: 'consumers', filter: { neverLoggedIn: true, dates: { lastLogin: { from: '-P7D' } } } },
    'refused',
    'never logged in, yet logged in last week',
  ],
  [
    'accounts:search',
    { store: 'consumers', filter: { loginIdentifier: 'a'.repeat(321) } },
    'refused',
    'longer than any email',
  ],
  ['accounts:get', { store: 'consumers', accountId: 'acc-1' }, 'accepted', 'one account'],
  ['accounts:get', { store: 'consumers' }, 'refused', 'which account?'],
  ['accounts:get', { store: 'consumers', accountId: 'x'.repeat(129) }, 'refused', 'ids are at most 128'],
  ['accounts:get', { store: 'consumers', accountId: 'acc-1', admin: true }, 'refused', 'nothing smuggled beside it'],
  ['cache:set-retention', { days: 1 }, 'accepted', 'a day'],
  ['cache:set-retention', { days: 365 }, 'accepted', 'a year'],
  ['cache:set-retention', { days: 0 }, 'refused', 'at least a day'],
  ['cache:set-retention', { days: 366 }, 'refused', 'at most a year'],
  ['cache:set-retention', { days: 1.5 }, 'refused', 'whole days'],
  ['cache:set-retention', { days: '30' }, 'refused', 'a number, not text'],
  ['bulk:start', { action: 'disable', store: 'consumers', accountIds: ['a', 'b'] }, 'accepted', 'disable two'],
  [
    'bulk:start',
    { action: 'addToGroup', store: 'consumers', accountIds: ['a'], groupId: 'g1' },
    'accepted',
    'add to a group',
  ],
  ['bulk:start', { action: 'addToGroup', store: 'consumers', accountIds: ['a'] }, 'refused', 'to which group?'],
  ['bulk:start', { action: 'disable', store: 'consumers', accountIds: [] }, 'refused', 'nothing selected'],
  [
    'bulk:start',
    { action: 'disable', store: 'consumers', accountIds: Array.from({ length: 10_001 }, (_, i) => `a${i}`) },
    'refused',
    'more than 10,000',
  ],
  ['bulk:start', { action: 'explode', store: 'consumers', accountIds: ['a'] }, 'refused', 'no such action'],
  [
    'bulk:start',
    { action: 'delete', store: 'consumers', accountIds: ['a'], confirmation: '1'.repeat(17) },
    'refused',
    'a count is short',
  ],
  [
    'connections:save',
    {
      name: 'Production',
      baseUrl: 'https://tenant.example.com/',
      clientId: 'deskside',
      clientSecret: 's3cret',
      environment: 'production',
    },
    'accepted',
    'a tenant',
  ],
  [
    'connections:save',
    { name: 'Sandbox', baseUrl: 'http://127.0.0.1:4010', clientId: 'deskside', environment: 'sandbox' },
    'accepted',
    'http on this machine',
  ],
  [
    'connections:save',
    { name: 'Plain', baseUrl: 'http://tenant.example.com', clientId: 'deskside', environment: 'production' },
    'refused',
    'http to another machine',
  ],
  [
    'connections:save',
    { name: 'Files', baseUrl: 'file:///etc/passwd', clientId: 'deskside', environment: 'production' },
    'refused',
    'not a web address',
  ],
  [
    'connections:save',
    { name: '   ', baseUrl: 'https://tenant.example.com', clientId: 'deskside', environment: 'production' },
    'refused',
    'a name of spaces',
  ],
  [
    'connections:save',
    { name: 'X', baseUrl: 'https://tenant.example.com', clientId: 'deskside', environment: 'moon' },
    'refused',
    'no such environment',
  ],
  ['connections:remove', { id: 'c1' }, 'accepted', 'one connection'],
  ['connections:remove', { id: '' }, 'refused', 'an empty id'],
  ['settings:set', { theme: 'dark' }, 'accepted', 'a theme'],
  ['settings:set', {}, 'accepted', 'nothing to change'],
  ['settings:set', { theme: 'neon' }, 'refused', 'no such theme'],
  ['settings:set', { cacheRetentionDays: 0 }, 'refused', 'at least a day'],
  ['settings:set', { agentName: 'n'.repeat(81) }, 'refused', 'names are at most 80'],
  ['settings:set', { fontSize: 40 }, 'refused', 'no such setting'],
  [
    'profiles:delete-account',
    { store: 'consumers', accountId: 'acc-1', confirmation: 'ada@example.com' },
    'accepted',
    'the identifier typed',
  ],
  [
    'profiles:delete-account',
    { store: 'consumers', accountId: 'acc-1', confirmation: 'a'.repeat(321) },
    'refused',
    'longer than any identifier',
  ],
  ['profiles:delete-account', { store: 'consumers', accountId: 'acc-1' }, 'refused', 'not confirmed'],
  ['app:info', undefined, 'accepted', 'no input'],
  ['app:info', {}, 'accepted', 'an empty object'],
  ['app:info', { verbose: true }, 'refused', 'no input is taken'],
  ['app:info', 'text', 'refused', 'no input is taken'],
];

/** A registry whose handlers only note what reached them. */
function recordingRegistry() {
  const registry = new IpcRegistry(silentLogger);
  const received = new Map<string, unknown[]>();
  for (const contract of allContracts) {
    received.set(contract.channel, []);
    registry.register(contract as Contract, (input) => {
      received.get(contract.channel)!.push(input);
      throw new Error('not reached by the assertions: handlers only record');
    });
  }
  return { registry, received };
}

describe('IPC fuzzing: every contract, generated and mutated payloads', () => {
  it('answers each with the validation envelope or a handler run on valid input only, and nothing leaks', async () => {
    const { registry, received } = recordingRegistry();
    const rng = random(20261129);
    const perContract = 2000;
    let refused = 0;
    for (const contract of allContracts) {
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

  it('refuses every payload invalid by construction, without running the handler', async () => {
    const { registry, received } = recordingRegistry();
    const rng = random(20261204);
    const made = new Map<string, number>();
    for (const contract of allContracts)
      for (let i = 0; i < 300; i++) {
        const invalid = invalidByConstruction(contract.input, rng);
        if (!invalid) break;
        const kind = invalid.why.startsWith('required') ? 'required field missing' : invalid.why;
        made.set(kind, (made.get(kind) ?? 0) + 1);
        const result = await registry.dispatch(contract.channel, invalid.payload, { transport: 'test' });
        expect(result.ok, `${contract.channel}: ${invalid.why}`).toBe(false);
        if (!result.ok) expect(result.error.code, `${contract.channel}: ${invalid.why}`).toBe('VALIDATION');
      }
    for (const [channel, inputs] of received) expect(inputs, channel).toEqual([]);
    // Every kind of construction was made (a generator that made none would prove nothing).
    expect([...made.keys()].sort()).toEqual(
      [
        'a function as a field',
        'a symbol as a field',
        'an unknown field on a strict object',
        'not an object',
        'required field missing',
      ].sort(),
    );
  });

  it('agrees with a hand-written list of what the renderer may and may not send', async () => {
    const { registry, received } = recordingRegistry();
    for (const [channel, payload, verdict, why] of handWritten) {
      const before = received.get(channel)!.length;
      const result = await registry.dispatch(channel, payload, { transport: 'test' });
      const ran = received.get(channel)!.length > before;
      expect(ran, `${channel} (${why}): handler ran`).toBe(verdict === 'accepted');
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error.code, `${channel} (${why})`).toBe(verdict === 'accepted' ? 'INTERNAL' : 'VALIDATION');
    }
    expect(handWritten.filter(([, , verdict]) => verdict === 'accepted').length).toBeGreaterThan(10);
    expect(handWritten.filter(([, , verdict]) => verdict === 'refused').length).toBeGreaterThan(20);
  });
});
