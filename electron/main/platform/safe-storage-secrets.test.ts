import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../services/logger';
import { createSafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secrets';

/** A reversible stand-in for the OS keychain: enough to show nothing is written in the clear. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
    decryptString: (data) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage secret store', () => {
  it('stores secrets encrypted and reads them back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deskside-secrets-')), 'secrets.json');
    const store = createSafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), file, silentLogger);
    store.set('connection:prod', 'client-secret-value');
    expect(readFileSync(file, 'utf8')).not.toContain('client-secret-value');
    expect(store.get('connection:prod')).toBe('client-secret-value');
    expect(store.encrypted).toBe(true);
    store.delete('connection:prod');
    expect(store.get('connection:prod')).toBeUndefined();
  });

  it('warns, without the secret, when the OS backend is plain text', () => {
    const logger = { ...silentLogger, warn: vi.fn() };
    const file = join(mkdtempSync(join(tmpdir(), 'deskside-secrets-')), 'secrets.json');
    const store = createSafeStorageSecretStore(fakeSafeStorage('basic_text'), file, logger);
    expect(store.encrypted).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('basic_text'));
  });

  it('refuses to store when the OS cannot encrypt at all', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deskside-secrets-')), 'secrets.json');
    const store = createSafeStorageSecretStore(fakeSafeStorage('unknown', false), file, silentLogger);
    expect(() => store.set('k', 'v')).toThrow(/cannot encrypt/);
  });
});
