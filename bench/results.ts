import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(import.meta.dirname, 'results.json');
const RUNS_DIR = join(import.meta.dirname, '.data', 'runs');
const RUN_VARIABLE = 'DESKSIDE_BENCH_RUN';

/** The machine a run was measured on. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
}

export interface BenchRun {
  id: string;
  commit: string;
  /** Files that differed from the commit when the run started (the figures are of that tree, not the commit). */
  uncommitted: string[];
  startedAt: string;
}

/** A new run: its id, and the code it measures (the commit, and anything not committed). */
export function newRun(): BenchRun {
  const root = join(import.meta.dirname, '..');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const startedAt = new Date().toISOString();
  return {
    id: `${startedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${randomBytes(3).toString('hex')}`,
    commit: git('rev-parse', 'HEAD').trim(),
    uncommitted: git('status', '--porcelain')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3))
      // What the run itself rewrites at its end is not code it measured.
      .filter((path) => path !== 'bench/results.json' && path !== 'bench/README.md'),
    startedAt,
  };
}

/** Hands the run to a benchmark started as a child process. */
export const runEnvironment = (run: BenchRun) => ({ ...process.env, [RUN_VARIABLE]: JSON.stringify(run) });

/** The run this benchmark belongs to: the one `npm run bench` started, or a run of its own when started alone. */
let current: BenchRun | null = null;
export function currentRun(): BenchRun {
  current ??= process.env[RUN_VARIABLE] ? (JSON.parse(process.env[RUN_VARIABLE]) as BenchRun) : newRun();
  return current;
}

export const runDirectory = (run: BenchRun) => join(RUNS_DIR, run.id);

/**
 * Keeps one benchmark's figures with its run (bench/.data/runs/<id>/<name>.json). Only `npm run bench`, once
 * every benchmark of the run has finished, writes bench/results.json from them: a benchmark run alone leaves the
 * committed results as they are.
 */
export function recordResults(name: string, figures: object): void {
  const run = currentRun();
  const dir = runDirectory(run);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2));
  console.log(`bench: ${name} of run ${run.id} kept in ${file}`);
}

/** Every benchmark's figures of a run, by name. */
export function runFigures(run: BenchRun): Record<string, unknown> {
  const figures: Record<string, unknown> = {};
  for (const file of readdirSync(runDirectory(run))
    .filter((name) => name.endsWith('.json'))
    .sort())
    figures[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(runDirectory(run), file), 'utf8'));
  return figures;
}

/** bench/results.json: one run, what it measured and on what, formatted as the lint expects. */
export async function writeResults(run: BenchRun, steps: Array<{ name: string; seconds: number }>): Promise<void> {
  const results = {
    run: { ...run, finishedAt: new Date().toISOString(), machine: machine(), steps },
    ...runFigures(run),
  };
  const { format, resolveConfig } = await import('prettier');
  const text = await format(JSON.stringify(results), {
    ...(await resolveConfig(RESULTS_FILE)),
    filepath: RESULTS_FILE,
  });
  writeFileSync(RESULTS_FILE, text);
  console.log(`bench: wrote run ${run.id} to ${RESULTS_FILE}`);
}
