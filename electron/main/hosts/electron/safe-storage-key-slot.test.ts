import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSafeStorage } from '../../../../tests/fixtures/fake-safe-storage';
import { loadCacheKey } from '../../services/cache/cache-key';
import { silentLogger } from '../../services/logger';
import { safeStorageKeySlot } from './safe-storage-key-slot';

const folder = () => mkdtempSync(join(tmpdir(), 'deskside-key-slot-'));

describe('the cache key sealed by safeStorage', () => {
  it('is sealed (neither hex nor raw bytes of the key on disk), private, and the same key on the next start', async () => {
    const dir = folder();
    const { storage } = fakeSafeStorage('gnome_libsecret');
    const slot = safeStorageKeySlot(storage, join(dir, 'cache-key.sealed'), silentLogger)!;
    const first = await loadCacheKey(slot, join(dir, 'cache.key'), silentLogger);
    expect(first).toMatchObject({ keptBy: 'os', warning: null });
    const sealed = readFileSync(join(dir, 'cache-key.sealed'));
    expect(sealed.toString('latin1')).not.toContain(first.key.toString('hex'));
    expect(sealed.includes(first.key)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'cache-key.sealed')).mode & 0o777).toBe(0o600);
    const again = await loadCacheKey(slot, join(dir, 'cache.key'), silentLogger);
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('is not offered on Linux without a keyring (basic_text seals with a password everyone knows)', () => {
    expect(safeStorageKeySlot(fakeSafeStorage('basic_text').storage, join(folder(), 'k'), silentLogger)).toBeNull();
  });

  it('treats a sealed key the OS can no longer open as lost: a new key, no crash', async () => {
    const dir = folder();
    const { storage } = fakeSafeStorage('kwallet5');
    const slot = safeStorageKeySlot(storage, join(dir, 'cache-key.sealed'), silentLogger)!;
    const first = await loadCacheKey(slot, join(dir, 'cache.key'), silentLogger);
    const broken = { ...storage, decryptStringAsync: async () => Promise.reject(new Error('Error while decrypting')) };
    const lost = safeStorageKeySlot(broken, join(dir, 'cache-key.sealed'), silentLogger)!;
    const second = await loadCacheKey(lost, join(dir, 'cache.key'), silentLogger);
    expect(second.keptBy).toBe('os');
    expect(second.key.equals(first.key)).toBe(false);
  });

  it('falls back to a private key file, with a warning, when the OS refuses to encrypt', async () => {
    const dir = folder();
    const slot = safeStorageKeySlot(fakeSafeStorage('gnome_libsecret', false).storage, join(dir, 's'), silentLogger)!;
    const key = await loadCacheKey(slot, join(dir, 'cache.key'), silentLogger);
    expect(key.keptBy).toBe('file');
    expect(key.warning).toMatch(/safeStorage \(gnome_libsecret\) could not keep it/);
    expect(readFileSync(join(dir, 'cache.key'), 'utf8')).toBe(key.key.toString('hex'));
  });
});
