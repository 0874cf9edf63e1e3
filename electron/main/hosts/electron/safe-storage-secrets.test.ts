import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../services/logger';
import { createSafeStorageSecretStore } from './safe-storage-secrets';
import { fakeSafeStorage } from '../../../../tests/fixtures/fake-safe-storage';

const secretsFile = () => join(mkdtempSync(join(tmpdir(), 'deskside-secrets-')), 'secrets.json');

describe('safeStorage secret store', () => {
  it('stores secrets encrypted (neither plain nor base64 of plain), privately, and reads them back', async () => {
    const file = secretsFile();
    const store = createSafeStorageSecretStore(fakeSafeStorage('gnome_libsecret').storage, file, silentLogger);
    await store.set('connection:prod', 'client-secret-value');
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('client-secret-value');
    expect(raw).not.toContain(Buffer.from('client-secret-value').toString('base64'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get('connection:prod')).toBe('client-secret-value');
    expect(store.has('connection:prod')).toBe(true);
    expect(store.encrypted).toBe(true);
    store.delete('connection:prod');
    expect(await store.get('connection:prod')).toBeUndefined();
  });

  it('re-encrypts a secret when the OS says its key was rotated', async () => {
    const { storage, state } = fakeSafeStorage('gnome_libsecret');
    const store = createSafeStorageSecretStore(storage, secretsFile(), silentLogger);
    await store.set('k', 'v');
    expect(state.encryptions).toBe(1);
    state.rotated = true;
    expect(await store.get('k')).toBe('v');
    expect(state.encryptions).toBe(2);
  });

  it('without a keyring (basic_text) stores nothing until the agent chooses, then as chosen', async () => {
    const logger = { ...silentLogger, warn: vi.fn() };
    const file = secretsFile();
    const { storage, state } = fakeSafeStorage('basic_text', false);
    const store = createSafeStorageSecretStore(storage, file, logger);
    expect(store.encrypted).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('basic_text'));
    await expect(store.set('k', 'v')).rejects.toMatchObject({
      envelope: { code: 'VALIDATION', fieldErrors: { secretStorage: [expect.any(String)] } },
      message: expect.stringMatching(/no keyring .* this session only .* plain-text backend/),
    });
    expect(store.has('k')).toBe(false);

    await store.set('k', 'session-only', 'session');
    expect(await store.get('k')).toBe('session-only');
    // Not on disk: a new store (a restart) does not have it.
    expect(createSafeStorageSecretStore(storage, file, logger).has('k')).toBe(false);

    await store.set('k2', 'plain-backend', 'plainText');
    expect(state.plainText).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('plain-backend');
    state.plainText = false; // a restart: the choice is remembered with the secret
    expect(await createSafeStorageSecretStore(storage, file, logger).get('k2')).toBe('plain-backend');
  });
});
