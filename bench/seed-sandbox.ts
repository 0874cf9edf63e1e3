/**
 * Seeds a sandbox database of N accounts for the benchmarks, reusing it when it already exists.
 * Usage: tsx bench/seed-sandbox.ts N   (prints the seconds it took)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../sandbox/db/database';
import { isSeeded, seedDatabase } from '../sandbox/seed/seed';

export const benchDataDir = join(import.meta.dirname, '.data');

export function benchDatabasePath(accounts: number): string {
  return join(benchDataDir, `sandbox-${accounts}.db`);
}

/** Seeds (once) and returns the database file and how long seeding took, null when it was already there. */
export function ensureBenchDatabase(
  accounts: number,
  log: (line: string) => void = console.log,
): { file: string; seedSeconds: number | null } {
  mkdirSync(benchDataDir, { recursive: true });
  const file = benchDatabasePath(accounts);
  const existed = existsSync(file);
  const db = openDatabase(file);
  if (existed && isSeeded(db)) {
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
  return { file, seedSeconds: (performance.now() - started) / 1000 };
}

if (process.argv[1]?.endsWith('seed-sandbox.ts')) {
  const accounts = Number(process.argv[2] ?? 1_000_000);
  const { file, seedSeconds } = ensureBenchDatabase(accounts);
  console.log(
    seedSeconds === null
      ? `${file} already seeded`
      : `seeded ${accounts} accounts into ${file} in ${seedSeconds.toFixed(1)} s`,
  );
}
