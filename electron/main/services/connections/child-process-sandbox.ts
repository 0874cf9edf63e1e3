import { spawn } from 'node:child_process';
import type { Logger } from '../logger';
import { sandboxArgs, sandboxUrlReader, type RunningEmbeddedSandbox, type SandboxLauncher } from './sandbox-launcher';

/**
 * The web host's launcher: the built sandbox (out/main/sandbox.js) as a Node child process. It is stopped with
 * Deskside; should Deskside die, the child notices its stdin closing and exits too.
 */
export function childProcessSandboxLauncher(entry: string, logger: Logger, startTimeoutMs = 120_000): SandboxLauncher {
  return {
    start: ({ dataFile }) =>
      new Promise<RunningEmbeddedSandbox>((resolve, reject) => {
        const child = spawn(process.execPath, [entry, ...sandboxArgs(dataFile), '--exit-with-stdin'], {
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const timer = setTimeout(() => {
          child.kill('SIGTERM');
          reject(new Error('The local sandbox did not start in time.'));
        }, startTimeoutMs);
        const read = sandboxUrlReader((url) => {
          clearTimeout(timer);
          resolve({
            url,
            stop: () =>
              new Promise<void>((done) => {
                if (child.exitCode !== null) return done();
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          });
        });
        child.stdout.on('data', read);
        child.stderr.on('data', (chunk: Buffer) => logger.warn(`sandbox: ${chunk.toString().trim().slice(0, 500)}`));
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`The local sandbox exited (code ${code}) before it was ready.`));
        });
      }),
  };
}
