import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DesksideError } from '@shared/contracts';
import type { ConnectionInput, ConnectionTestResult, ConnectionView } from '@shared/domain/connection';
import type { AdminApiCredentials } from '../identity-platform/admin-api/http-client';
import type { Logger } from '../logger';
import type { IdentityPlatform } from '../identity-platform/identity-platform';
import type { SecretStore } from '../secrets';
import type { ConnectionStore, StoredConnection } from './connection-store';
import type { RunningEmbeddedSandbox, SandboxLauncher } from './sandbox-launcher';

export const EMBEDDED_ID = 'local-sandbox';
/** The embedded sandbox's supervisor client: every feature works out of the box on demo data. */
const EMBEDDED_CLIENT = { clientId: 'deskside-supervisor', clientSecret: 'supervisor-demo-secret' };

export interface ActiveConnection {
  view: ConnectionView;
  platform: IdentityPlatform;
}

export interface ConnectionServiceOptions {
  store: ConnectionStore;
  secrets: SecretStore;
  logger: Logger;
  dataDir: string;
  createPlatform: (credentials: AdminApiCredentials) => IdentityPlatform;
  /** Absent where no sandbox can be started (tests of other parts). */
  sandboxLauncher?: SandboxLauncher;
}

const secretKey = (id: string) => `connection:${id}`;

/**
 * Connection profiles, their secrets (kept by the secret store, never sent to the renderer), which one is active,
 * and the sandbox Deskside starts itself when nothing else is configured. What is done through the active
 * connection lives in its workspace (services/workspace/), rebuilt whenever the active connection changes.
 */
export class ConnectionService {
  private activeConnection: ActiveConnection | null = null;
  private embedded: Promise<RunningEmbeddedSandbox> | null = null;
  private readonly changeListeners = new Set<() => void>();

  constructor(private readonly options: ConnectionServiceOptions) {}

  list(): ConnectionView[] {
    return this.options.store.read().connections.map((connection) => this.view(connection));
  }

  /** Called whenever the active connection changes (chosen, edited or removed): its workspace is then closed. */
  onActiveChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private forgetActive(): void {
    this.activeConnection = null;
    for (const listener of this.changeListeners) listener();
  }

  async save(input: ConnectionInput): Promise<ConnectionView> {
    const data = this.options.store.read();
    const existing = input.id ? data.connections.find((connection) => connection.id === input.id) : undefined;
    if (input.id && !existing) throw new DesksideError({ code: 'NOT_FOUND', message: `No connection ${input.id}.` });
    if (existing?.embedded)
      throw new DesksideError({ code: 'VALIDATION', message: 'The local sandbox connection cannot be edited.' });
    if (!existing && !input.clientSecret) {
      throw new DesksideError({
        code: 'VALIDATION',
        message: 'A new connection needs its client secret.',
        fieldErrors: { clientSecret: ['is required'] },
      });
    }
    const connection: StoredConnection = {
      id: existing?.id ?? randomUUID(),
      name: input.name,
      baseUrl: input.baseUrl,
      clientId: input.clientId,
      ...(input.audience ? { audience: input.audience } : {}),
      environment: input.environment,
      embedded: false,
    };
    // The secret first: where the OS cannot keep it, nothing is saved until the agent chooses how.
    if (input.clientSecret)
      await this.options.secrets.set(secretKey(connection.id), input.clientSecret, input.secretStorage);
    const connections = existing
      ? data.connections.map((candidate) => (candidate.id === connection.id ? connection : candidate))
      : [...data.connections, connection];
    this.options.store.write({ ...data, connections });
    if (this.activeConnection?.view.id === connection.id) this.forgetActive(); // rebuilt with the new settings on next use
    return this.view(connection);
  }

  async remove(id: string): Promise<void> {
    const data = this.options.store.read();
    if (!data.connections.some((connection) => connection.id === id))
      throw new DesksideError({ code: 'NOT_FOUND', message: `No connection ${id}.` });
    this.options.secrets.delete(secretKey(id));
    this.options.store.write({
      connections: data.connections.filter((connection) => connection.id !== id),
      activeId: data.activeId === id ? null : data.activeId,
    });
    if (this.activeConnection?.view.id === id) this.forgetActive();
  }

  /** Tries a profile (token, then the identity stores) and says precisely what failed. */
  async test(input: ConnectionInput): Promise<ConnectionTestResult> {
    const secret = input.clientSecret ?? (input.id ? await this.options.secrets.get(secretKey(input.id)) : undefined);
    if (!secret) return { ok: false, message: 'Enter the client secret to test this connection.' };
    const platform = this.options.createPlatform({
      baseUrl: input.baseUrl,
      clientId: input.clientId,
      clientSecret: secret,
      audience: input.audience || undefined,
    });
    try {
      const stores = await platform.listIdentityStores();
      const { granted, missing } = await platform.permissions();
      const lacking =
        missing.length > 0 ? ` The client lacks ${missing.join(', ')}: what needs them stays disabled.` : '';
      return {
        ok: true,
        message: `Connected: ${stores.length} identity store${stores.length === 1 ? '' : 's'}.${lacking}`,
        stores: stores.length,
        scopes: granted,
        missingScopes: missing,
      };
    } catch (error) {
      return { ok: false, message: describeConnectionError(error) };
    }
  }

  /** Makes a connection the active one; the next use builds its platform (and the workspace around it). */
  activate(id: string): void {
    const data = this.options.store.read();
    if (!data.connections.some((connection) => connection.id === id))
      throw new DesksideError({ code: 'NOT_FOUND', message: `No connection ${id}.` });
    this.options.store.write({ ...data, activeId: id });
    this.forgetActive();
  }

  /** The connection in use, starting the embedded sandbox when nothing else is configured or it is chosen. */
  async active(): Promise<ActiveConnection> {
    if (this.activeConnection) return this.activeConnection;
    let data = this.options.store.read();
    let chosen =
      data.connections.find((connection) => connection.id === data.activeId) ??
      data.connections.find((connection) => !connection.embedded) ??
      null;
    if (!chosen || chosen.embedded) {
      chosen = await this.ensureEmbedded();
      // The agent may have chosen another connection while the sandbox was starting: that choice wins.
      if (this.activeConnection) return this.activeConnection;
      data = this.options.store.read();
      if (data.activeId && data.activeId !== EMBEDDED_ID) return this.active();
    }
    const secret = chosen.embedded
      ? EMBEDDED_CLIENT.clientSecret
      : await this.options.secrets.get(secretKey(chosen.id));
    if (!secret)
      throw new DesksideError({
        code: 'UNAUTHORIZED',
        message: `The client secret of ${chosen.name} is missing: edit the connection and enter it again.`,
      });
    const platform = this.options.createPlatform({
      baseUrl: chosen.baseUrl,
      clientId: chosen.clientId,
      clientSecret: secret,
      audience: chosen.audience,
    });
    this.activeConnection = { view: this.view(chosen), platform };
    return this.activeConnection;
  }

  /** Stops the embedded sandbox (Deskside is quitting). */
  async shutdown(): Promise<void> {
    const running = this.embedded;
    this.embedded = null;
    if (running) await (await running.catch(() => null))?.stop();
  }

  private async ensureEmbedded(): Promise<StoredConnection> {
    const launcher = this.options.sandboxLauncher;
    if (!launcher) throw new DesksideError({ code: 'UNAVAILABLE', message: 'No connection is configured: add one.' });
    this.embedded ??= launcher
      .start({ dataFile: join(this.options.dataDir, 'sandbox', 'sandbox.db') })
      .catch((error: unknown) => {
        this.embedded = null;
        throw new DesksideError({
          code: 'UNAVAILABLE',
          message: `The local sandbox could not start: ${(error as Error).message}`,
        });
      });
    const running = await this.embedded;
    const data = this.options.store.read();
    // Its port changes every start, so the profile is refreshed each time.
    const profile: StoredConnection = {
      id: EMBEDDED_ID,
      name: 'Local sandbox',
      baseUrl: running.url,
      clientId: EMBEDDED_CLIENT.clientId,
      environment: 'sandbox',
      embedded: true,
    };
    const others = data.connections.filter((connection) => connection.id !== EMBEDDED_ID);
    this.options.store.write({ connections: [profile, ...others], activeId: data.activeId ?? EMBEDDED_ID });
    return profile;
  }

  private view(connection: StoredConnection): ConnectionView {
    return {
      ...connection,
      hasSecret: connection.embedded || this.options.secrets.has(secretKey(connection.id)),
    };
  }
}

/** A failed connection test, in words an agent or admin can act on. */
export function describeConnectionError(error: unknown): string {
  if (!(error instanceof DesksideError)) return 'The connection failed for an unexpected reason.';
  switch (error.code) {
    case 'UNAUTHORIZED':
      return error.envelope.status === 400 || /refused the (client|audience|permissions|token)/.test(error.message)
        ? error.message
        : `401 Unauthorized: ${error.message} Check the client id and secret.`;
    case 'FORBIDDEN':
      // From the token endpoint (400 invalid_scope) the message already says what the client lacks.
      return error.envelope.status === 400
        ? error.message
        : `403 Forbidden: the client lacks a permission Deskside needs (read:config_identity_store). ${error.message}`;
    case 'TIMEOUT':
      return `Timed out: ${error.message}`;
    case 'NOT_FOUND':
      return `404 Not Found: is the base URL the Admin API's (without /admin/api)? ${error.message}`;
    case 'BAD_RESPONSE':
      return `The server does not answer like an Admin API: ${error.message}`;
    default:
      return error.message;
  }
}
