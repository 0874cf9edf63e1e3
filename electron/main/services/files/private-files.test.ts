import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivate, shredFile, writePrivateFile } from './private-files';

const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('the private data folder', () => {
  it('is created 0700', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'deskside-private-')), 'Deskside');
    expect(makePrivate(folder)).toEqual([]);
    expect(mode(folder)).toBe(0o700);
  });

  it('is tightened when found looser, with every file and folder in it, and symbolic links left alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'deskside-private-'));
    const folder = join(root, 'Deskside');
    mkdirSync(join(folder, 'exports'), { recursive: true });
    chmodSync(folder, 0o755);
    chmodSync(join(folder, 'exports'), 0o775);
    for (const [name, loose] of [
      ['settings.json', 0o644],
      ['cache.db', 0o666],
      ['cache.db-wal', 0o644],
      [join('exports', 'account-report-1.html'), 0o604],
      ['already.json', 0o600],
    ] as const) {
      writeFileSync(join(folder, name), 'x');
      chmodSync(join(folder, name), loose);
    }
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'not ours');
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(folder, 'link'));

    const tightened = makePrivate(folder);
    expect(tightened.sort()).toEqual(
      [
        folder,
        join(folder, 'exports'),
        join(folder, 'settings.json'),
        join(folder, 'cache.db'),
        join(folder, 'cache.db-wal'),
        join(folder, 'exports', 'account-report-1.html'),
      ].sort(),
    );
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, 'exports'))).toBe(0o700);
    for (const name of ['settings.json', 'cache.db', 'cache.db-wal', 'already.json'])
      expect(mode(join(folder, name)), name).toBe(0o600);
    expect(mode(outside)).toBe(0o644);
  });

  it('writes small files private from their first byte, and shreds them: zeros first, then gone', () => {
    const folder = mkdtempSync(join(tmpdir(), 'deskside-private-'));
    const file = join(folder, 'key');
    writePrivateFile(file, 'ab'.repeat(32));
    expect(mode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('ab'.repeat(32));
    // A second name for the same bytes sees what the shredding left in them.
    const witness = join(folder, 'witness');
    linkSync(file, witness);
    shredFile(file);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(witness)).toEqual(Buffer.alloc(64));
    expect(() => shredFile(file)).not.toThrow();
  });
});
