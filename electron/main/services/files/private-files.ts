import {
  chmodSync,
  statSync,
  closeSync,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
  fsyncSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Only this user may open the data folder, and read or write what is in it. */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** POSIX modes mean nothing on Windows, where the user's profile folder is private by its ACL. */
const MODES_APPLY = process.platform !== 'win32';

/**
 * Makes files this process creates private from the start (0600 files, 0700 folders), the SQLite cache, its WAL
 * and every export included: a file born readable by others has leaked before anyone tightens it.
 */
export function restrictNewFiles(): void {
  if (MODES_APPLY) process.umask(0o077);
}

/**
 * Creates the data folder private, or tightens it and everything in it when found looser (a folder made by an
 * earlier version, a file copied in). Symbolic links are left alone: their target is not ours. Answers what it
 * tightened, for the log.
 */
export function makePrivate(folder: string): string[] {
  if (existsSync(folder) && !statSync(folder).isDirectory())
    throw new Error(`The data folder ${folder} is not a directory.`);
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (!MODES_APPLY) return [];
  const tightened: string[] = [];
  const visit = (path: string) => {
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      return; // gone meanwhile
    }
    if (stats.isSymbolicLink()) return;
    const wanted = stats.isDirectory() ? PRIVATE_FOLDER_MODE : PRIVATE_FILE_MODE;
    if ((stats.mode & 0o777 & ~wanted) !== 0) {
      chmodSync(path, wanted);
      tightened.push(path);
    }
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(folder);
  return tightened;
}

/** Writes a small private file atomically (a key, a sealed key): 0600 from its first byte. */
export function writePrivateFile(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content, { mode: PRIVATE_FILE_MODE });
  renameSync(temporary, file);
}

/**
 * Overwrites a file with zeros, flushes, and removes it. On SSDs and copy-on-write file systems the old blocks may
 * survive the overwrite; it still leaves nothing for an ordinary read of the disk's free space to find.
 */
export function shredFile(file: string): void {
  if (!existsSync(file)) return;
  const descriptor = openSync(file, 'r+');
  try {
    const size = fstatSync(descriptor).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let written = 0; written < size;)
      written += writeSync(descriptor, zeros, 0, Math.min(zeros.length, size - written), written);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  unlinkSync(file);
}
