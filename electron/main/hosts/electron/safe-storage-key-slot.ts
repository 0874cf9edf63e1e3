import { existsSync, readFileSync } from 'node:fs';
import type { OsKeySlot } from '../../services/cache/cache-key';
import { writePrivateFile } from '../../services/files/private-files';
import type { Logger } from '../../services/logger';
import type { SafeStorageLike } from './safe-storage-secrets';

/**
 * The cache's key sealed by safeStorage (the OS keychain's key) in a private file. None on Linux without a keyring:
 * the `basic_text` backend seals with a password built into Chromium, which protects nothing.
 */
export function safeStorageKeySlot(safeStorage: SafeStorageLike, file: string, logger: Logger): OsKeySlot | null {
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  if (backend === 'basic_text') return null;
  const name = `safeStorage (${backend})`;
  const write = async (value: string) => writePrivateFile(file, await safeStorage.encryptStringAsync(value));
  return {
    name,
    async read() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('the OS refuses to encrypt');
      if (!existsSync(file)) return null;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(readFileSync(file));
        if (shouldReEncrypt) await write(result);
        return result;
      } catch {
        // The OS's key changed (a new keychain, another user): the cache it sealed is lost, not readable.
        logger.warn(`the cache key sealed by ${name} could not be decrypted; a new key and cache are made`);
        return null;
      }
    },
    write,
  };
}
