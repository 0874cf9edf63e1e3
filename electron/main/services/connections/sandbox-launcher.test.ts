import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logger';
import { awaitSandbox, sandboxArgs } from './sandbox-launcher';

/** A stand-in process: stdout and stderr streams, an exit event, and kill that exits it. */
function fakeProcess() {
  const events = new EventEmitter();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const child = {
    stdout,
    stderr,
    once: (event: 'exit', listener: (code: number | null) => void) => events.once(event, listener),
    kill: vi.fn((_signal?: string) => {
      setImmediate(() => events.emit('exit', null));
      return true;
    }),
    exit: (code: number) => events.emit('exit', code),
  };
  return child;
}

describe('awaitSandbox', () => {
  it('resolves with the URL the sandbox prints, and stops it', async () => {
    const child = fakeProcess();
    const started = awaitSandbox(child, silentLogger, 5000);
    child.stdout.write('sandbox: seeded\nSandbox identity platform: http://127.0.0.1:45678\n');
    const running = await started;
    expect(running.url).toBe('http://127.0.0.1:45678');
    await running.stop();
    expect(child.kill).toHaveBeenCalledTimes(1);
    await running.stop(); // already exited: returns at once
    expect(child.kill).toHaveBeenCalledTimes(1);
  });

  it('fails when the sandbox exits before it is ready, or does not start in time', async () => {
    const early = fakeProcess();
    const failed = awaitSandbox(early, silentLogger, 5000);
    early.exit(3);
    await expect(failed).rejects.toThrow(/exited \(code 3\)/);
    const slow = fakeProcess();
    await expect(awaitSandbox(slow, silentLogger, 20)).rejects.toThrow(/did not start in time/);
    expect(slow.kill).toHaveBeenCalled();
  });

  it('ends a sandbox that does not stop in time, so quitting never hangs', async () => {
    const stubborn = fakeProcess();
    stubborn.kill.mockImplementation((signal?: string) => {
      if (signal === 'SIGKILL') setImmediate(() => stubborn.exit(137));
      return true; // a polite kill is taken, and ignored
    });
    const logger = { ...silentLogger, warn: vi.fn() };
    const started = awaitSandbox(stubborn, logger, 5000, 50);
    stubborn.stdout.write('Sandbox identity platform: http://127.0.0.1:45679\n');
    const running = await started;
    await running.stop();
    expect(stubborn.kill).toHaveBeenLastCalledWith('SIGKILL');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('did not stop in time'));
  });

  it('passes the sandbox a free loopback port and the data file', () => {
    expect(sandboxArgs('/data/sandbox.db')).toEqual([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      '/data/sandbox.db',
      '--quiet',
    ]);
  });
});
