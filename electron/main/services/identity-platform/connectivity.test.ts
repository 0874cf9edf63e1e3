/**
 * Reachability: a failure turns the connection offline and starts probing; the first answer turns it online. Once
 * its workspace is gone (another connection chosen), a late failure of a call still in flight must not start a
 * probe that would run for the rest of the session.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DesksideError } from '@shared/contracts';
import { EventBus } from '../../ipc/event-bus';
import { ConnectivityMonitor } from './connectivity';

const unreachable = () => new DesksideError({ code: 'UNAVAILABLE', message: 'refused' });

function monitor() {
  const bus = new EventBus();
  const states: string[] = [];
  bus.subscribe((_channel, payload) => states.push((payload as { state: string }).state));
  const connectivity = new ConnectivityMonitor(bus, Date.now, 1000);
  let answer: 'fail' | 'answer' = 'fail';
  const probe = vi.fn(() => (answer === 'fail' ? Promise.reject(unreachable()) : Promise.resolve([])));
  connectivity.setProbe(probe);
  return { connectivity, probe, states, platformAnswers: () => (answer = 'answer') };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the connectivity monitor', () => {
  it('probes while offline and stops once the platform answers', async () => {
    const { connectivity, probe, states, platformAnswers } = monitor();
    connectivity.failed(unreachable());
    expect(connectivity.current().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(3000);
    expect(probe).toHaveBeenCalledTimes(3);
    platformAnswers();
    await vi.advanceTimersByTimeAsync(1000);
    expect(connectivity.current().state).toBe('online');
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).toHaveBeenCalledTimes(4);
    expect(states).toEqual(['offline', 'online']);
  });

  it('a refusal that is not about reaching the platform changes nothing', () => {
    const { connectivity, states } = monitor();
    connectivity.failed(new DesksideError({ code: 'FORBIDDEN', message: 'no' }));
    expect(connectivity.current().state).toBe('connecting');
    expect(states).toEqual([]);
  });

  it('once disposed, a late failure neither announces offline nor starts probing', async () => {
    const { connectivity, probe, states } = monitor();
    connectivity.dispose();
    connectivity.failed(unreachable());
    connectivity.succeeded();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(states).toEqual([]);
  });

  it('disposing while offline stops the probe already running', async () => {
    const { connectivity, probe } = monitor();
    connectivity.failed(unreachable());
    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(2);
    connectivity.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
