import type { OsKeySlot } from '../main/services/cache/cache-key';

const SERVICE = 'Deskside';

/**
 * The cache's key in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux),
 * one entry per data folder. Null when the keychain module does not load on this platform; a keychain that exists
 * but refuses (no Secret Service running, a locked keychain) fails on use, and the caller falls back to a file.
 */
export async function keychainKeySlot(dataDir: string): Promise<OsKeySlot | null> {
  let AsyncEntry: typeof import('@napi-rs/keyring').AsyncEntry;
  try {
    ({ AsyncEntry } = await import('@napi-rs/keyring'));
  } catch {
    return null;
  }
  const entry = new AsyncEntry(SERVICE, `cache-key:${dataDir}`);
  return {
    name: 'the OS keychain',
    read: async () => (await entry.getPassword()) ?? null,
    write: (value) => entry.setPassword(value),
  };
}
