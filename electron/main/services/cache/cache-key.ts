import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { shredFile, writePrivateFile } from '../files/private-files';
import type { Logger } from '../logger';

/** The cache's key: 256 random bits, never derived from anything an agent types. */
export const CACHE_KEY_BYTES = 32;

/** Who keeps the cache's key: the OS (keychain, safeStorage), or a file only this user can read. */
export type CacheKeyKeeper = 'os' | 'file';

export interface CacheKey {
  key: Buffer;
  keptBy: CacheKeyKeeper;
  /** Set when the key could not be kept by the OS: why, in words for the status bar. */
  warning: string | null;
}

/** One secret the OS keeps for Deskside (safeStorage in the desktop app, the OS keychain in the web host). */
export interface OsKeySlot {
  /** What keeps it, for messages ("safeStorage (gnome_libsecret)", "the OS keychain"). */
  readonly name: string;
  /** The kept value, or null when there is none (or it can no longer be decrypted: a lost key). */
  read(): Promise<string | null>;
  write(value: string): Promise<void>;
}

const HEX_KEY = /^[0-9a-f]{64}$/;

function parseKey(text: string | null | undefined): Buffer | null {
  const trimmed = text?.trim().toLowerCase();
  return trimmed && HEX_KEY.test(trimmed) ? Buffer.from(trimmed, 'hex') : null;
}

function readKeyFile(file: string, logger: Logger): Buffer | null {
  if (!existsSync(file)) return null;
  const key = parseKey(readFileSync(file, 'utf8'));
  if (!key) logger.warn('the cache key file is not a key; a new key is made and the cache rebuilt');
  return key;
}

/**
 * The cache's key, created on first use. The OS keeps it where it can (`slot`); where it cannot (no keychain, or
 * the keychain refuses), a file readable only by this user keeps it and the status bar says so. A key file left by
 * an earlier fallback moves into the OS once the OS can keep it. A key that cannot be read is treated as lost: a
 * new one is made, and the cache it opened is set aside by the caller (it will not decrypt), never read as plain.
 */
export async function loadCacheKey(slot: OsKeySlot | null, keyFile: string, logger: Logger): Promise<CacheKey> {
  const inFile = readKeyFile(keyFile, logger);
  let slotError: string | null = slot ? null : 'this computer has no keychain Deskside can use';
  if (slot) {
    try {
      const kept = await slot.read();
      const key = parseKey(kept);
      if (key) {
        if (inFile) shredFile(keyFile); // an older fallback copy: the OS has the key now
        return { key, keptBy: 'os', warning: null };
      }
      if (kept !== null) logger.warn(`the cache key kept by ${slot.name} is not a key; a new one is made`);
      const adopted = inFile ?? randomBytes(CACHE_KEY_BYTES);
      await slot.write(adopted.toString('hex'));
      if (inFile) shredFile(keyFile);
      return { key: adopted, keptBy: 'os', warning: null };
    } catch (error) {
      slotError = `${slot.name} could not keep it (${error instanceof Error ? error.message : String(error)})`;
      logger.warn(`the cache key is kept in a private file: ${slotError}`);
    }
  }
  const key = inFile ?? randomBytes(CACHE_KEY_BYTES);
  if (!inFile) writePrivateFile(keyFile, key.toString('hex'));
  return {
    key,
    keptBy: 'file',
    warning: `The cache is encrypted, but its key is kept in a file only your user can read: ${slotError}.`,
  };
}
