import type { ConnectionStatus } from '@shared/domain/connection';
import type { ActiveConnection, ConnectionService } from '../connections/connection-service';
import { allAllowed, Workspace, type WorkspaceEnvironment } from './workspace';

/**
 * The workspace of the active connection: built on first use after a connection becomes active, and disposed
 * (probing stopped, running bulk jobs cancelled) as soon as the active connection changes or is edited.
 */
export class Workspaces {
  private current: { active: ActiveConnection; workspace: Workspace } | null = null;

  constructor(
    private readonly connections: ConnectionService,
    private readonly environment: WorkspaceEnvironment,
  ) {
    connections.onActiveChanged(() => this.close());
  }

  /** The active connection's workspace (starting the embedded sandbox when it is the one). */
  async workspace(): Promise<Workspace> {
    const active = await this.connections.active();
    if (this.current?.active !== active) {
      this.close();
      this.current = { active, workspace: new Workspace(active.view, active.platform, this.environment) };
    }
    return this.current.workspace;
  }

  /** The active connection and how it is, or "connecting" with nothing known while none is open yet. */
  status(): ConnectionStatus {
    if (this.current) return this.current.workspace.status();
    return {
      active: null,
      connectivity: { state: 'connecting', since: new Date(this.environment.now()).toISOString() },
      scopes: [],
      missingScopes: [],
      allowedActions: allAllowed(),
    };
  }

  close(): void {
    this.current?.workspace.dispose();
    this.current = null;
  }
}
