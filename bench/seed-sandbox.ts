/**
 * Seeds a sandbox database of N accounts for the benchmarks, reusing it while the sandbox's code is unchanged.
 * Usage: tsx bench/seed-sandbox.ts N[,M…]   (records how long each seed took, or that it was reused)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openDatabase } from '../sandbox/db/database';
import { isSeeded, seedDatabase } from '../sandbox/seed/seed';
import { recordResults } from './results';

export const benchDataDir = join(import.meta.dirname, '.data');
const sandboxDir = join(import.meta.dirname, '..', 'sandbox');

export function benchDatabasePath(accounts: number): string {
  return join(benchDataDir, `sandbox-${accounts}.db`);
}

/**
 * What a benchmark database was made by: a hash of the sandbox's sources (its tests aside). A database seeded by
 * other code is seeded again, so no figure is measured on data today's seed would not make.
 */
export function seedFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'test') walk(path);
      } else if (entry.name.endsWith('.ts')) hash.update(relative(sandboxDir, path)).update(readFileSync(path));
    }
  };
  walk(sandboxDir);
  return hash.digest('hex').slice(0, 16);
}

const stampOf = (file: string) => `${file}.seed.json`;

/** Removes a benchmark database and its stamp (the full `npm run bench` seeds afresh, to measure the seed). */
export function removeBenchDatabase(accounts: number): void {
  const file = benchDatabasePath(accounts);
  for (const path of [file, `${file}-wal`, `${file}-shm`, stampOf(file)]) rmSync(path, { force: true });
}

/** Seeds (unless today's seed made it already) and returns the file and how long seeding took, null if reused. */
export function ensureBenchDatabase(
  accounts: number,
  log: (line: string) => void = console.log,
): { file: string; seedSeconds: number | null } {
  mkdirSync(benchDataDir, { recursive: true });
  const file = benchDatabasePath(accounts);
  const fingerprint = seedFingerprint();
  const stamp = existsSync(stampOf(file))
    ? (JSON.parse(readFileSync(stampOf(file), 'utf8')) as { fingerprint?: string })
    : {};
  if (existsSync(file) && stamp.fingerprint !== fingerprint) {
    log(`${file} was seeded by other sandbox code: seeding it again`);
    removeBenchDatabase(accounts);
  }
  const db = openDatabase(file);
  if (isSeeded(db)) {
    db.close();
    return { file, seedSeconds: null };
  }
  const started = performance.now();
  let lastLog = 0;
  seedDatabase(db, {
    accounts,
    onProgress: (done, total) => {
      if (performance.now() - lastLog > 10_000 || done === total) {
        lastLog = performance.now();
        log(`seed ${accounts}: ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    },
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const seedSeconds = (performance.now() - started) / 1000;
  writeFileSync(stampOf(file), JSON.stringify({ fingerprint, accounts, seedSeconds }));
  return { file, seedSeconds };
}

if (process.argv[1]?.endsWith('seed-sandbox.ts')) {
  const sizes = (process.argv[2] ?? '1000000').split(',').map(Number);
  const seeded: Record<string, { seconds: number | null }> = {};
  for (const accounts of sizes) {
    const { file, seedSeconds } = ensureBenchDatabase(accounts);
    seeded[accounts] = { seconds: seedSeconds === null ? null : Math.round(seedSeconds * 10) / 10 };
    console.log(
      seedSeconds === null
        ? `${file} already seeded by today's sandbox code: reused, not measured`
        : `seeded ${accounts} accounts into ${file} in ${seedSeconds.toFixed(1)} s`,
    );
  }
  recordResults('seed', { fingerprint: seedFingerprint(), accounts: seeded });
}
