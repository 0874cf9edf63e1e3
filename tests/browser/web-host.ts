import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface RunningWebHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts the built web host (out/main/web.js) on a free port with a fresh data folder and reads its URL line. */
export async function startBuiltWebHost(): Promise<RunningWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskside-e2e-'));
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the web host printed no URL:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Deskside web host: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the web host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    dataDir,
    process: child,
  };
}

/** A test with its own web host, stopped afterwards. */
export const test = base.extend<{ webHost: RunningWebHost }>({
  // Playwright reads the fixture's dependencies from this destructuring, so an empty pattern is required.
  // eslint-disable-next-line no-empty-pattern
  webHost: async ({}, use) => {
    const host = await startBuiltWebHost();
    await use(host);
    host.process.kill('SIGTERM');
  },
});
export { expect } from '@playwright/test';
