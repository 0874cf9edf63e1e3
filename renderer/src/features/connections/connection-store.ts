import { create } from 'zustand';
import { events } from '@shared/contracts';
import type { ConsoleAction } from '@shared/domain/console-actions';
import type {
  ConnectionInput,
  ConnectionStatus,
  ConnectionTestResult,
  ConnectionView,
  Connectivity,
} from '@shared/domain/connection';
import { deskside, onEventStreamOpened } from '../../bridge';
import { messageOf } from '../../lib/errors';

interface ConnectionState {
  status: ConnectionStatus | null;
  connections: ConnectionView[];
  error: string | null;
  load(): Promise<void>;
  activate(id: string): Promise<void>;
  save(input: ConnectionInput): Promise<ConnectionView>;
  test(input: ConnectionInput): Promise<ConnectionTestResult>;
  remove(id: string): Promise<void>;
}

export const useConnectionStore = create<ConnectionState>((set, get) => ({
  status: null,
  connections: [],
  error: null,
  async load() {
    try {
      const status = await deskside.connections.status();
      set({ status, connections: await deskside.connections.list(), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async activate(id) {
    try {
      set({ status: await deskside.connections.activate({ id }), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async save(input) {
    const saved = await deskside.connections.save(input);
    await get().load();
    return saved;
  },
  test: (input) => deskside.connections.test(input),
  async remove(id) {
    await deskside.connections.remove({ id });
    await get().load();
  },
}));

/** Why the connection does not allow an action (the platform's own words), or null when it does. */
export function refusal(status: ConnectionStatus | null, action: ConsoleAction): string | null {
  const permission = status?.allowedActions[action];
  return permission && !permission.allowed ? permission.reason : null;
}

// The connectivity event that says "online" may have been pushed before the web host's stream opened.
onEventStreamOpened(() => void useConnectionStore.getState().load());

deskside.on(events.connectivityChanged, (connectivity: Connectivity) => {
  const status = useConnectionStore.getState().status;
  useConnectionStore.setState({ status: status ? { ...status, connectivity } : status });
  if (connectivity.state === 'online') void useConnectionStore.getState().load();
});
