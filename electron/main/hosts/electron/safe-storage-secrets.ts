import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DesksideError } from '@shared/contracts';
import type { Logger } from '../../services/logger';
import type { SecretFallback, SecretStore } from '../../services/secrets';

/** The parts of Electron's safeStorage used here (the asynchronous ones; the synchronous are deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
  /** Linux: encrypt with an in-memory password where no keyring exists (the plain-text backend). */
  setUsePlainTextEncryption?(usePlainText: boolean): void;
}

/** One stored secret: encrypted bytes, and whether the agent chose the plain-text backend for it. */
interface StoredSecret {
  value: string;
  plainText?: boolean;
}

/**
 * Secrets encrypted with the OS keychain through safeStorage, kept as base64 in one file (mode 0600). On Linux
 * without a keyring (the `basic_text` backend) nothing is stored unless the agent chooses: this session only
 * (memory), or the plain-text backend after a warning. Secrets the OS asks to re-encrypt (a rotated key) are.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, file: string, logger: Logger): SecretStore {
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  const keychainBacked = backend !== 'basic_text';
  if (!keychainBacked) logger.warn(`secrets are not protected by an OS keychain (safeStorage backend: ${backend})`);
  const session = new Map<string, string>();

  const load = (): Record<string, StoredSecret> => {
    if (!existsSync(file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return {};
      // Earlier versions kept the base64 string alone.
      return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).map(([key, entry]) => [
          key,
          typeof entry === 'string' ? { value: entry } : (entry as StoredSecret),
        ]),
      );
    } catch {
      logger.warn('the secrets file is unreadable; stored secrets must be entered again');
      return {};
    }
  };
  const save = (values: Record<string, StoredSecret>) => {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(values), { mode: 0o600 });
    renameSync(temporary, file);
  };
  const keychainAvailable = async () => keychainBacked && (await safeStorage.isAsyncEncryptionAvailable());
  const write = async (key: string, value: string, plainText: boolean) => {
    const encrypted = await safeStorage.encryptStringAsync(value);
    save({ ...load(), [key]: { value: encrypted.toString('base64'), ...(plainText ? { plainText } : {}) } });
  };

  return {
    encrypted: keychainBacked,
    has(key) {
      return session.has(key) || load()[key] !== undefined;
    },
    async get(key) {
      if (session.has(key)) return session.get(key);
      const entry = load()[key];
      if (!entry) return undefined;
      try {
        if (entry.plainText) safeStorage.setUsePlainTextEncryption?.(true);
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(entry.value, 'base64'));
        if (shouldReEncrypt) await write(key, result, entry.plainText === true);
        return result;
      } catch {
        logger.warn(`a stored secret could not be decrypted (${key.split(':')[0]})`);
        return undefined;
      }
    },
    async set(key, value, fallback?: SecretFallback) {
      if (fallback === 'session') {
        session.set(key, value);
        const { [key]: _dropped, ...rest } = load();
        save(rest);
        return;
      }
      if (await keychainAvailable()) {
        session.delete(key);
        return write(key, value, false);
      }
      if (fallback === 'plainText' && safeStorage.setUsePlainTextEncryption) {
        safeStorage.setUsePlainTextEncryption(true);
        session.delete(key);
        return write(key, value, true);
      }
      throw new DesksideError({
        code: 'VALIDATION',
        message:
          `This computer has no keyring for Deskside to keep the client secret in (the OS backend is ${backend}). ` +
          'Keep it for this session only (you enter it again after a restart), or store it with the plain-text ' +
          'backend, where anyone who can read your user files can recover it.',
        fieldErrors: { secretStorage: ['choose: this session only, or the plain-text backend'] },
      });
    },
    delete(key) {
      session.delete(key);
      const { [key]: _dropped, ...rest } = load();
      save(rest);
    },
  };
}
