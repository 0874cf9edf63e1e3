/** Starts the sandbox identity platform Deskside embeds when no connection is configured. */
export interface SandboxLauncher {
  start(options: { dataFile: string }): Promise<RunningEmbeddedSandbox>;
}

export interface RunningEmbeddedSandbox {
  url: string;
  stop(): Promise<void>;
}

const URL_LINE = /Sandbox identity platform: (http:\/\/127\.0\.0\.1:\d+)/;

/** Reads the base URL the sandbox prints on start from its output, across chunk boundaries. */
export function sandboxUrlReader(onUrl: (url: string) => void): (chunk: Buffer | string) => void {
  let buffered = '';
  let found = false;
  return (chunk) => {
    if (found) return;
    buffered = (buffered + chunk.toString()).slice(-4096);
    const match = URL_LINE.exec(buffered);
    if (match) {
      found = true;
      onUrl(match[1]!);
    }
  };
}

/** The command-line arguments of an embedded sandbox: any free loopback port, quiet, data in Deskside's folder. */
export function sandboxArgs(dataFile: string): string[] {
  return ['--port', '0', '--host', '127.0.0.1', '--data', dataFile, '--quiet'];
}

/** What both launchers' processes offer: a Node child process and an Electron utility process alike. */
export interface SandboxProcess {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
  /** A signal where the process takes one (a Node child); an Electron utility process takes none. */
  kill(signal?: NodeJS.Signals): boolean;
}

/** How long a stop waits for the sandbox to close before it is ended hard: quitting must never hang on it. */
export const STOP_TIMEOUT_MS = 5_000;

/**
 * Waits for a started sandbox to print its URL; it fails if the process exits first or takes too long. Stopping a
 * sandbox that has already exited returns at once instead of waiting for an exit that came before.
 */
export function awaitSandbox(
  child: SandboxProcess,
  logger: { warn(message: string): void },
  startTimeoutMs: number,
  stopTimeoutMs = STOP_TIMEOUT_MS,
): Promise<RunningEmbeddedSandbox> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return new Promise<RunningEmbeddedSandbox>((resolve, reject) => {
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
            if (exited) return done();
            const hard = setTimeout(() => {
              logger.warn('the local sandbox did not stop in time; ending it');
              child.kill('SIGKILL');
              done();
            }, stopTimeoutMs);
            child.once('exit', () => {
              clearTimeout(hard);
              done();
            });
            if (!child.kill()) {
              clearTimeout(hard);
              done();
            }
          }),
      });
    });
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => logger.warn(`sandbox: ${chunk.toString().trim().slice(0, 500)}`));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The local sandbox exited (code ${code}) before it was ready.`));
    });
  });
}
