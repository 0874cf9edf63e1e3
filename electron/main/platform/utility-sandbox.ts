import { utilityProcess } from 'electron';
import type { Logger } from '../services/logger';
import {
  sandboxArgs,
  sandboxUrlReader,
  type RunningEmbeddedSandbox,
  type SandboxLauncher,
} from '../services/connections/sandbox-launcher';

/** The desktop app's launcher: the sandbox in an Electron utility process, which ends with the app. */
export function utilitySandboxLauncher(entry: string, logger: Logger, startTimeoutMs = 120_000): SandboxLauncher {
  return {
    start: ({ dataFile }) =>
      new Promise<RunningEmbeddedSandbox>((resolve, reject) => {
        const child = utilityProcess.fork(entry, sandboxArgs(dataFile), {
          stdio: 'pipe',
          serviceName: 'Deskside sandbox',
        });
        const timer = setTimeout(() => {
          child.kill();
          reject(new Error('The local sandbox did not start in time.'));
        }, startTimeoutMs);
        const read = sandboxUrlReader((url) => {
          clearTimeout(timer);
          resolve({
            url,
            stop: () =>
              new Promise<void>((done) => {
                child.once('exit', () => done());
                if (!child.kill()) done();
              }),
          });
        });
        child.stdout?.on('data', read);
        child.stderr?.on('data', (chunk: Buffer) => logger.warn(`sandbox: ${chunk.toString().trim().slice(0, 500)}`));
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`The local sandbox exited (code ${code}) before it was ready.`));
        });
      }),
  };
}
