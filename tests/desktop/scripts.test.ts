/**
 * The scripts a newcomer meets first: `npm start` where no Electron binary can be had, and the ABI probe that
 * decides whether better-sqlite3-multiple-ciphers must be rebuilt (read from the compiled file, not from a marker).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { addonAbi, electronAbi } from '../../scripts/lib/native-abi.mjs';
// @ts-expect-error: a plain ES module script without type declarations
import { findElectronBinary } from '../../scripts/lib/electron-binary.mjs';

const root = join(import.meta.dirname, '../..');

describe('starting the desktop app', () => {
  it.skipIf(Boolean(findElectronBinary()))(
    'says in one line that the binary cannot be had, and points to npm run web',
    () => {
      const started = spawnSync(process.execPath, [join(root, 'scripts/desktop.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      });
      expect(started.status).toBe(1);
      const lines = started.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Electron binary could not be downloaded .*npm run web/);
      expect(started.stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe('the native module ABI probe', () => {
  it('reads the ABI a compiled addon registers for, from its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskside-abi-'));
    const electronBuilt = join(dir, 'electron.node');
    writeFileSync(
      electronBuilt,
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from('\0node_register_module_v150\0')]),
    );
    expect(addonAbi(electronBuilt)).toBe(150);
    expect(addonAbi(join(dir, 'missing.node'))).toBeNull();
    // The one installed here is built for this Node (npm test switches it before the unit tests).
    expect(addonAbi()).toBe(Number(process.versions.modules));
    expect(electronAbi()).toBe(150);
  });
});
