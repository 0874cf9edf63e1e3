import { create } from 'zustand';
import { events } from '@shared/contracts';
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

/** True when actions must be disabled: the platform cannot be reached. */
export const selectOffline = (state: ConnectionState) => state.status?.connectivity.state === 'offline';

/** The scope check behind "shown disabled with the reason". */
export function lacksScope(status: ConnectionStatus | null, scopes: readonly string[]): string | null {
  if (!status || status.scopes.length === 0) return null;
  const missing = scopes.filter((scope) => !status.scopes.includes(scope));
  if (missing.length === 0) return null;
  return `This connection lacks the ${missing.join(' and ')} permission${missing.length > 1 ? 's' : ''}.`;
}

// The connectivity event that says "online" may have been pushed before the web host's stream opened.
onEventStreamOpened(() => void useConnectionStore.getState().load());

deskside.on(events.connectivityChanged, (connectivity: Connectivity) => {
  const status = useConnectionStore.getState().status;
  useConnectionStore.setState({ status: status ? { ...status, connectivity } : status });
  if (connectivity.state === 'online') void useConnectionStore.getState().load();
});
