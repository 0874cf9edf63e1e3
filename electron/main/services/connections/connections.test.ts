import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DesksideError } from '@shared/contracts';
import { startSandbox, type RunningSandbox } from '../../../../sandbox/start';
import { connectionsAndWorkspaces } from '../../../../tests/unit/sandbox-services';
import { describeConnectionError, EMBEDDED_ID } from './connection-service';
import { sandboxUrlReader } from './sandbox-launcher';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ dataFile: ':memory:', port: 0, seedAccounts: 20 });
});
afterAll(() => sandbox.close());

function service(launcherUrl?: string) {
  const stop = vi.fn(async () => {});
  const launcher = launcherUrl ? { start: vi.fn(async () => ({ url: launcherUrl, stop })) } : undefined;
  const { connections, workspaces, secrets, bus } = connectionsAndWorkspaces(
    launcher ? { sandboxLauncher: launcher } : {},
  );
  /** What connections:activate does: choose, then open the workspace. */
  const activate = async (id: string) => {
    connections.activate(id);
    await workspaces.workspace();
    return workspaces.status();
  };
  return { connections, workspaces, activate, secrets, launcher, stop, bus };
}

describe('ConnectionService', () => {
  it('starts the embedded sandbox when nothing is configured, and stops it on shutdown', async () => {
    const { connections, launcher, stop } = service(sandbox.url);
    const active = await connections.active();
    expect(active.view).toMatchObject({
      id: EMBEDDED_ID,
      name: 'Local sandbox',
      environment: 'sandbox',
      embedded: true,
    });
    expect(await active.platform.listIdentityStores()).toHaveLength(3);
    await connections.active();
    expect(launcher!.start).toHaveBeenCalledTimes(1);
    await connections.shutdown();
    expect(stop).toHaveBeenCalled();
  });

  it('keeps secrets out of every view, and needs one for a new profile', async () => {
    const { connections, secrets } = service();
    await expect(
      connections.save({ name: 'x', baseUrl: sandbox.url, clientId: 'deskside-agent', environment: 'staging' }),
    ).rejects.toThrow(DesksideError);
    const saved = await connections.save({
      name: 'Staging',
      baseUrl: sandbox.url,
      clientId: 'deskside-agent',
      clientSecret: 'agent-demo-secret',
      environment: 'staging',
    });
    expect(saved.hasSecret).toBe(true);
    expect(JSON.stringify(connections.list())).not.toContain('agent-demo-secret');
    expect(await secrets.get(`connection:${saved.id}`)).toBe('agent-demo-secret');
    await connections.save({
      id: saved.id,
      name: 'Staging 2',
      baseUrl: sandbox.url,
      clientId: 'deskside-agent',
      environment: 'staging',
    });
    expect(await secrets.get(`connection:${saved.id}`)).toBe('agent-demo-secret');
    await connections.remove(saved.id);
    expect(await secrets.get(`connection:${saved.id}`)).toBeUndefined();
  });

  it('tests a profile and says precisely what failed', async () => {
    const { connections } = service();
    const base = { name: 't', clientId: 'deskside-viewer', environment: 'staging' as const };
    const viewer = await connections.test({ ...base, baseUrl: sandbox.url, clientSecret: 'viewer-demo-secret' });
    expect(viewer).toMatchObject({ ok: true, stores: 3 });
    // The viewer may not write: the test names what it lacks, and the token holds only what was granted.
    expect(viewer.missingScopes).toEqual(expect.arrayContaining(['write:account', 'delete:account']));
    expect(viewer.message).toMatch(/lacks .*write:account/);
    expect(viewer.scopes).toContain('read:account');
    expect(viewer.scopes).not.toContain('write:account');
    expect((await connections.test({ ...base, baseUrl: sandbox.url, clientSecret: 'nope' })).message).toMatch(
      /refused the client id deskside-viewer or its secret/,
    );
    expect(
      (
        await connections.test({
          ...base,
          baseUrl: sandbox.url,
          clientSecret: 'viewer-demo-secret',
          audience: 'https://elsewhere.example',
        })
      ).message,
    ).toMatch(/refused the audience https:\/\/elsewhere\.example/);
    expect(
      (await connections.test({ ...base, baseUrl: 'https://deskside-no-such-host.invalid', clientSecret: 'x' }))
        .message,
    ).toMatch(/DNS/);
    expect(describeConnectionError(new DesksideError({ code: 'FORBIDDEN', message: 'no' }))).toMatch(/^403 Forbidden/);
    expect(describeConnectionError(new DesksideError({ code: 'TIMEOUT', message: 'slow' }))).toMatch(/^Timed out/);
  });

  it('switches the active connection and reports its scopes and connectivity', async () => {
    const { connections, workspaces, activate } = service();
    const viewer = await connections.save({
      name: 'Viewer',
      baseUrl: sandbox.url,
      clientId: 'deskside-viewer',
      clientSecret: 'viewer-demo-secret',
      environment: 'production',
    });
    const status = await activate(viewer.id);
    expect(status.active?.name).toBe('Viewer');
    await vi.waitFor(() => expect(workspaces.status().scopes).toContain('read:account'));
    expect(workspaces.status().scopes).not.toContain('write:account');
    expect(workspaces.status().connectivity.state).toBe('online');
  });

  it('keeps a connection chosen while the embedded sandbox was still starting', async () => {
    const { connections, workspaces, activate, launcher } = service(sandbox.url);
    let release!: () => void;
    const started = new Promise<void>((resolve) => (release = resolve));
    launcher!.start.mockImplementationOnce(async () => {
      await started;
      return { url: sandbox.url, stop: vi.fn(async () => {}) };
    });
    const firstLook = connections.active();
    const chosen = await connections.save({
      name: 'Chosen',
      baseUrl: sandbox.url,
      clientId: 'deskside-agent',
      clientSecret: 'agent-demo-secret',
      environment: 'staging',
    });
    const activated = activate(chosen.id);
    release();
    await Promise.all([firstLook, activated]);
    expect((await connections.active()).view.name).toBe('Chosen');
    expect(workspaces.status().active?.name).toBe('Chosen');
    await connections.shutdown();
  });
});

describe('sandboxUrlReader', () => {
  it('finds the URL line even when it arrives in pieces', () => {
    const found: string[] = [];
    const read = sandboxUrlReader((url) => found.push(url));
    read('sandbox: seeded 10 of 10 accounts\nSandbox identity pla');
    read(Buffer.from('tform: http://127.0.0.1:43210\n  data: x\n'));
    read('Sandbox identity platform: http://127.0.0.1:1\n');
    expect(found).toEqual(['http://127.0.0.1:43210']);
  });
});
