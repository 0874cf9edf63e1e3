import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../services/logger';
import type { SecretStore } from '../services/secrets';

/** The parts of Electron's safeStorage used here; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Secrets encrypted with the OS keychain through safeStorage, kept as base64 in one file (mode 0600).
 * On Linux without a keyring safeStorage falls back to a hard-coded key ('basic_text'): still stored,
 * but the store reports `encrypted: false` and logs a warning so the UI can tell the agent.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, file: string, logger: Logger): SecretStore {
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  const encrypted = safeStorage.isEncryptionAvailable() && backend !== 'basic_text';
  if (!encrypted) {
    logger.warn(`secrets are not protected by an OS keychain (safeStorage backend: ${backend})`);
  }

  const load = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      logger.warn('the secrets file is unreadable; stored secrets must be entered again');
      return {};
    }
  };
  const save = (values: Record<string, string>) => {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(values), { mode: 0o600 });
    renameSync(temporary, file);
  };

  return {
    encrypted,
    get(key) {
      const value = load()[key];
      if (value === undefined) return undefined;
      try {
        return safeStorage.decryptString(Buffer.from(value, 'base64'));
      } catch {
        logger.warn(`a stored secret could not be decrypted (${key.split(':')[0]})`);
        return undefined;
      }
    },
    set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS cannot encrypt secrets right now.');
      save({ ...load(), [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      const values = load();
      delete values[key];
      save(values);
    },
  };
}
