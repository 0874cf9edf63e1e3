import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_SANDBOX, freePort, TestPlatform } from './platform';
import { startBuiltWebHost, type RunningWebHost } from './web-host';

export interface SpecPlatform {
  platform: TestPlatform;
  host: RunningWebHost;
}

const workDirs = new WeakMap<TestPlatform, string>();

/**
 * What every browser spec starts with: the sandbox, seeded with `accounts`, in its own process over a fresh data
 * file (answering as `flags` say), and the built web host with a fresh data folder.
 */
export async function startSpecPlatform(name: string, accounts: number, flags: string[] = []): Promise<SpecPlatform> {
  const work = mkdtempSync(join(tmpdir(), `deskside-${name}-`));
  const platform = new TestPlatform(await freePort(), join(work, 'platform.db'), BUILT_SANDBOX, flags);
  workDirs.set(platform, work);
  await platform.start(accounts);
  return { platform, host: await startBuiltWebHost() };
}

/** Stops both and removes their data, so a test run leaves nothing in the temporary folder. */
export async function stopSpecPlatform({ platform, host }: Partial<SpecPlatform>): Promise<void> {
  if (host) {
    const exited = new Promise((resolve) => host.process.once('exit', resolve));
    if (host.process.exitCode === null && host.process.kill('SIGTERM')) await exited;
    rmSync(host.dataDir, { recursive: true, force: true });
  }
  if (platform) {
    await platform.stop();
    const work = workDirs.get(platform);
    if (work) rmSync(work, { recursive: true, force: true });
  }
}
