import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { loadCacheKey, type OsKeySlot } from './cache-key';

/** A keychain in memory, which can be told to refuse. */
function keychain(options: { refuses?: boolean; holds?: string } = {}) {
  const state = { value: options.holds ?? null, writes: 0 };
  const slot: OsKeySlot = {
    name: 'the test keychain',
    read: async () => {
      if (options.refuses) throw new Error('Platform secure storage failure');
      return state.value;
    },
    write: async (value) => {
      if (options.refuses) throw new Error('Platform secure storage failure');
      state.writes++;
      state.value = value;
    },
  };
  return { slot, state };
}

const keyFile = () => join(mkdtempSync(join(tmpdir(), 'deskside-cache-key-')), 'cache.key');

describe('the cache key', () => {
  it('is 256 random bits kept by the OS, with no file written, and the same on the next start', async () => {
    const file = keyFile();
    const { slot, state } = keychain();
    const first = await loadCacheKey(slot, file, silentLogger);
    expect(first.key).toHaveLength(32);
    expect(first).toMatchObject({ keptBy: 'os', warning: null });
    expect(state.value).toBe(first.key.toString('hex'));
    expect(existsSync(file)).toBe(false);
    const again = await loadCacheKey(slot, file, silentLogger);
    expect(again.key.equals(first.key)).toBe(true);
    expect(state.writes).toBe(1);
    // Another data folder's key is another key.
    const other = await loadCacheKey(keychain().slot, keyFile(), silentLogger);
    expect(other.key.equals(first.key)).toBe(false);
  });

  it('goes to a file only this user can read when there is no keychain, and says why', async () => {
    const file = keyFile();
    const key = await loadCacheKey(null, file, silentLogger);
    expect(key.keptBy).toBe('file');
    expect(key.warning).toMatch(/no keychain/);
    expect(readFileSync(file, 'utf8')).toBe(key.key.toString('hex'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await loadCacheKey(null, file, silentLogger)).key.equals(key.key)).toBe(true);
  });

  it('goes to the file when the keychain refuses, naming the keychain and its error', async () => {
    const file = keyFile();
    const key = await loadCacheKey(keychain({ refuses: true }).slot, file, silentLogger);
    expect(key.keptBy).toBe('file');
    expect(key.warning).toContain('the test keychain could not keep it (Platform secure storage failure)');
    expect(existsSync(file)).toBe(true);
  });

  it('moves a key file left by an earlier fallback into the keychain once it works, and removes the file', async () => {
    const file = keyFile();
    const fallback = await loadCacheKey(null, file, silentLogger);
    const { slot, state } = keychain();
    const moved = await loadCacheKey(slot, file, silentLogger);
    expect(moved).toMatchObject({ keptBy: 'os', warning: null });
    expect(moved.key.equals(fallback.key)).toBe(true);
    expect(state.value).toBe(fallback.key.toString('hex'));
    expect(existsSync(file)).toBe(false);
  });

  it('replaces a kept value that is not a key, in the keychain or the file', async () => {
    const { slot, state } = keychain({ holds: 'not-a-key' });
    const key = await loadCacheKey(slot, keyFile(), silentLogger);
    expect(state.value).toBe(key.key.toString('hex'));
    const file = keyFile();
    writeFileSync(file, 'zz'.repeat(32));
    const fromFile = await loadCacheKey(null, file, silentLogger);
    expect(readFileSync(file, 'utf8')).toBe(fromFile.key.toString('hex'));
    expect(fromFile.key.toString('hex')).not.toBe('zz'.repeat(32));
  });
});
