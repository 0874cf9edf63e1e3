import type { AsyncEntry as KeychainEntry } from '@napi-rs/keyring';
import type { OsKeySlot } from '../../services/cache/cache-key';

const SERVICE = 'Deskside';

/**
 * The cache's key in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux),
 * one entry per data folder. Null when the keychain module does not load on this platform; a keychain that exists
 * but refuses (no Secret Service running, a locked keychain) fails on use, and the caller falls back to a file.
 */
export async function keychainKeySlot(dataDir: string): Promise<OsKeySlot | null> {
  let entry: KeychainEntry;
  try {
    // Loaded on demand: its prebuilt binary may be missing on an unusual platform, which is no reason to fail.
    const { AsyncEntry } = await import('@napi-rs/keyring');
    entry = new AsyncEntry(SERVICE, `cache-key:${dataDir}`);
  } catch {
    return null;
  }
  return {
    name: 'the OS keychain',
    read: async () => (await entry.getPassword()) ?? null,
    write: (value) => entry.setPassword(value),
  };
}
