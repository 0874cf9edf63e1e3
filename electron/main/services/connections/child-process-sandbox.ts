import { spawn } from 'node:child_process';
import type { Logger } from '../logger';
import { awaitSandbox, sandboxArgs, type SandboxLauncher } from './sandbox-launcher';

/**
 * The web host's launcher: the built sandbox (out/main/sandbox.js) as a Node child process. It is stopped with
 * Deskside; should Deskside die, the child notices its stdin closing and exits too.
 */
export function childProcessSandboxLauncher(entry: string, logger: Logger, startTimeoutMs = 120_000): SandboxLauncher {
  return {
    start: ({ dataFile }) => {
      const child = spawn(process.execPath, [entry, ...sandboxArgs(dataFile), '--exit-with-stdin'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const started = awaitSandbox(child, logger, startTimeoutMs);
      // A process that cannot be spawned at all reports 'error' instead of 'exit'.
      return Promise.race([started, new Promise<never>((_resolve, reject) => child.once('error', reject))]);
    },
  };
}
