import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tierScopes } from '../../sandbox/auth/clients';

/** A free loopback port, so a stopped sandbox can come back at the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** How to run the sandbox: the built one (browser tests run after the build), or its sources through tsx. */
export const BUILT_SANDBOX = ['out/main/sandbox.js'];
export const SOURCE_SANDBOX = ['--import', 'tsx', 'sandbox/cli.ts'];

/** The sandbox as the tests' identity platform, in its own process, which they can stop, kill and start. */
export class TestPlatform {
  private child: ChildProcess | null = null;
  private token: string | null = null;

  constructor(
    readonly port: number,
    readonly dataFile: string,
    private readonly entry: string[] = BUILT_SANDBOX,
    /** How it answers: `--no-extensions`, `--strict`, `--sparse`. */
    private readonly flags: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(seed?: number): Promise<void> {
    const args = [
      ...this.entry,
      '--port',
      String(this.port),
      '--data',
      this.dataFile,
      '--quiet',
      ...this.flags,
      ...(seed ? ['--seed', String(seed)] : []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Sandbox identity platform:')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}:\n${output}`)));
    });
  }

  /** The seed's example accounts of each kind of story, as `--list-stories` prints them (title → accounts). */
  async stories(): Promise<Map<string, Array<{ store: string; id: string }>>> {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...this.entry, '--data', this.dataFile, '--list-stories'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`--list-stories: ${code}\n${text}`)),
      );
    });
    const stories = new Map<string, Array<{ store: string; id: string }>>();
    let current: Array<{ store: string; id: string }> | null = null;
    for (const line of output.split('\n')) {
      const account = /^ {4}(\w+)\s+([0-9a-f-]{36})$/.exec(line);
      if (account && current) current.push({ store: account[1]!, id: account[2]! });
      else if (/^ {2}\S/.test(line)) stories.set(line.trim(), (current = []));
    }
    return stories;
  }

  /** Ends the platform abruptly, as a crash or a pulled plug would. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    this.token = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** The Admin API as the supervisor client, for checking the platform's state after a UI action. */
  async api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
    if (!this.token) {
      const response = await fetch(`${this.url}/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'deskside-supervisor',
          client_secret: 'supervisor-demo-secret',
          audience: this.url,
          scope: tierScopes.supervisor.join(' '),
        }),
      });
      this.token = ((await response.json()) as { access_token: string }).access_token;
    }
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
  }

  /** How many accounts match a listAccounts query, from the platform itself. */
  async count(store: string, query: string): Promise<number> {
    const answer = await this.api<unknown[]>('GET', `/admin/api/v1/identityStores/${store}/accounts?size=1&${query}`);
    return Number(answer.headers.get('x-total-count'));
  }
}
