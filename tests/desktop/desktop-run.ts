/**
 * One run of the built desktop app (out/main/index.js or the preload) under Node with the strict Electron fake,
 * driven over IPC: what it sends back is collected, and the test waits for what it expects.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Scenario = 'linux-keyring' | 'linux-basic-text' | 'mac' | 'windows-dev';
export type Received = Record<string, unknown> & { type: string };

const root = join(import.meta.dirname, '../..');
const register = join(import.meta.dirname, 'register-electron.mjs');

export class DesktopRun {
  readonly messages: Received[] = [];
  readonly output: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private waiters: Array<() => void> = [];
  private nextId = 1;

  constructor(
    scenario: Scenario,
    options: { entry?: string; args?: string[]; userData?: string; env?: Record<string, string> } = {},
  ) {
    this.userData = options.userData ?? mkdtempSync(join(tmpdir(), `deskside-${scenario}-`));
    this.child = fork(join(root, options.entry ?? 'out/main/index.js'), options.args ?? [], {
      cwd: root,
      execArgv: ['--import', 'tsx', '--import', register],
      env: {
        ...process.env,
        DESKSIDE_SMOKE_SCENARIO: scenario,
        DESKSIDE_SMOKE_USERDATA: this.userData,
        SANDBOX_SEED_ACCOUNTS: '40',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child.on('message', (message) => {
      this.messages.push(message as Received);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  readonly userData: string;

  /** The first message (from `from` on) that matches, waiting for it up to `timeoutMs`. */
  async next(match: (message: Received) => boolean, timeoutMs = 20_000, from = 0): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(
          `no matching message; got ${this.messages.map((message) => message.type + (message.api ? `:${String(message.api)}` : '')).join(', ')}\n${this.output.join('')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  calls(api: string): unknown[][] {
    return this.messages
      .filter((message) => message.type === 'call' && message.api === api)
      .map((m) => m.args as unknown[]);
  }

  send(message: Record<string, unknown>): void {
    this.child.send(message);
  }

  /** Calls an IPC channel as the app's page (or another origin) would, and returns the envelope. */
  async invoke(channel: string, input: unknown, origin = 'app://deskside/index.html') {
    const id = this.nextId++;
    this.send({ type: 'invoke', id, channel, input, origin });
    const answer = await this.next((message) => message.type === 'invoked' && message.id === id, 60_000);
    return answer.result as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
    };
  }

  async permission(permission: string, origin: string) {
    const id = this.nextId++;
    this.send({ type: 'permission', id, permission, origin });
    const answer = await this.next((message) => message.type === 'permission' && message.id === id);
    return { checked: answer.checked, requested: answer.requested };
  }

  /** Starts the app: waits for its module to load, then makes it ready. */
  async start(): Promise<void> {
    await this.next((message) => message.type === 'loaded');
    this.send({ type: 'ready' });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
