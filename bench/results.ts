import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(import.meta.dirname, 'results.json');

/** The machine a figure was measured on, stored beside it. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
}

/** Merges one benchmark's figures into bench/results.json under its name, formatted as the lint expects. */
export async function recordResults(name: string, figures: unknown): Promise<void> {
  const all = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
  all[name] = { measuredAt: new Date().toISOString(), machine: machine(), ...(figures as object) };
  // Loaded only now, so a benchmark that measures memory does not count the formatter.
  const { format, resolveConfig } = await import('prettier');
  const text = await format(JSON.stringify(all), { ...(await resolveConfig(RESULTS_FILE)), filepath: RESULTS_FILE });
  writeFileSync(RESULTS_FILE, text);
  console.log(`bench: wrote ${name} to ${RESULTS_FILE}`);
}
