import { DesksideError, events } from '@shared/contracts';
import type { Connectivity } from '@shared/domain/connection';
import type { EventBus } from '../../ipc/event-bus';

/** Errors that mean "the platform cannot be reached" rather than "it said no". */
export function isUnreachable(error: unknown): boolean {
  return error instanceof DesksideError && (error.code === 'UNAVAILABLE' || error.code === 'TIMEOUT');
}

/**
 * Whether the platform answers, and since when. A failed call turns it offline and starts probing in the
 * background; the first answer turns it online again, so Deskside recovers by itself.
 */
export class ConnectivityMonitor {
  private state: Connectivity;
  private probeTimer: ReturnType<typeof setInterval> | null = null;
  private probe: (() => Promise<unknown>) | null = null;
  /** Once disposed, a late answer of a call still in flight neither announces a state nor starts probing. */
  private disposed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => number = Date.now,
    private readonly probeIntervalMs = 3000,
  ) {
    this.state = { state: 'connecting', since: new Date(this.now()).toISOString() };
  }

  current(): Connectivity {
    return this.state;
  }

  get offline(): boolean {
    return this.state.state === 'offline';
  }

  /** What to call to see whether the platform is back (the active connection's cheapest read). */
  setProbe(probe: (() => Promise<unknown>) | null): void {
    this.probe = probe;
  }

  succeeded(): void {
    if (this.disposed || this.state.state === 'online') return;
    this.stopProbing();
    this.set({ state: 'online', since: new Date(this.now()).toISOString() });
  }

  failed(error: unknown): void {
    if (this.disposed || !isUnreachable(error)) return;
    if (this.state.state !== 'offline') {
      this.set({
        state: 'offline',
        since: new Date(this.now()).toISOString(),
        reason: (error as DesksideError).message,
      });
    }
    this.startProbing();
  }

  /** Back to "connecting" (switching connections). */
  reset(): void {
    this.stopProbing();
    this.set({ state: 'connecting', since: new Date(this.now()).toISOString() });
  }

  dispose(): void {
    this.disposed = true;
    this.probe = null;
    this.stopProbing();
  }

  private set(next: Connectivity): void {
    this.state = next;
    this.bus.emit(events.connectivityChanged, next);
  }

  private startProbing(): void {
    if (this.probeTimer || !this.probe) return;
    this.probeTimer = setInterval(() => {
      const probe = this.probe;
      if (!probe) return;
      probe().then(
        () => this.succeeded(),
        () => undefined,
      );
    }, this.probeIntervalMs);
    this.probeTimer.unref?.();
  }

  private stopProbing(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }
}
