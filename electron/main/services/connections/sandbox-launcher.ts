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
