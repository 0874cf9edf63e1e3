import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { allContracts, defineContract, DesksideError } from '@shared/contracts';
import { createRegistry } from '../handlers';
import { MemorySecretStore } from '../services/secrets';
import { silentLogger } from '../services/logger';
import { IpcRegistry } from './registry';
import { makeServices } from '../../../tests/unit/main-services';

const echo = defineContract({
  channel: 'test:echo',
  input: z.strictObject({ name: z.string().min(1), count: z.number().int() }),
  output: z.object({ greeting: z.string() }),
});

describe('IpcRegistry', () => {
  it('passes valid input to the handler and returns its validated output', async () => {
    const registry = new IpcRegistry(silentLogger);
    registry.register(echo, ({ name, count }) => ({ greeting: `${name} x${count}` }));
    await expect(registry.dispatch('test:echo', { name: 'Ada', count: 2 }, { transport: 'test' })).resolves.toEqual({
      ok: true,
      value: { greeting: 'Ada x2' },
    });
  });

  it('refuses invalid input with a validation envelope naming each field, without running the handler', async () => {
    const registry = new IpcRegistry(silentLogger);
    const handler = vi.fn(() => ({ greeting: 'never' }));
    registry.register(echo, handler);
    const result = await registry.dispatch('test:echo', { name: '', count: 'two', extra: true }, { transport: 'test' });
    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(['name', 'count']));
    expect(result.error.message).toContain('count');
  });

  it('refuses an unknown channel', async () => {
    const registry = new IpcRegistry(silentLogger);
    const result = await registry.dispatch('nope:nothing', {}, { transport: 'test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes a DesksideError through and hides other errors behind a generic message', async () => {
    const registry = new IpcRegistry(silentLogger);
    registry.register(echo, ({ name }) => {
      if (name === 'known') throw new DesksideError({ code: 'NOT_FOUND', message: 'No such account', status: 404 });
      throw new Error('secret stack detail at /home/agent/token=abc');
    });
    await expect(registry.dispatch('test:echo', { name: 'known', count: 1 }, { transport: 'test' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such account', status: 404 },
    });
    const hidden = await registry.dispatch('test:echo', { name: 'other', count: 1 }, { transport: 'test' });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('token=abc');
  });

  it('refuses output that breaks the contract', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const registry = new IpcRegistry(logger);
    registry.register(echo, () => ({ greeting: 42 }) as unknown as { greeting: string });
    const result = await registry.dispatch('test:echo', { name: 'a', count: 1 }, { transport: 'test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.error).toHaveBeenCalled();
  });

  it('refuses a second registration and reports contracts without a handler', () => {
    const registry = new IpcRegistry(silentLogger);
    registry.register(echo, () => ({ greeting: '' }));
    expect(() => registry.register(echo, () => ({ greeting: '' }))).toThrow(/twice/);
    expect(() => registry.assertComplete([echo, ...allContracts])).toThrow(/app:info/);
  });

  it('has a handler for every declared contract', () => {
    const registry = createRegistry(makeServices({ secrets: new MemorySecretStore() }));
    expect(registry.channels().sort()).toEqual(allContracts.map((contract) => contract.channel).sort());
  });

  it('gives every channel the validation envelope for a payload of the wrong shape', async () => {
    const registry = createRegistry(makeServices());
    for (const contract of allContracts) {
      const result = await registry.dispatch(contract.channel, { unexpectedField: 1 }, { transport: 'test' });
      expect(result, contract.channel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok)
        expect(Object.keys(result.error.fieldErrors ?? {}).join(' '), contract.channel).toContain('unexpectedField');
    }
  });
});
