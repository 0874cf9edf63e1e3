import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '@shared/domain/profile';
import { eventsPerDay } from './events-per-day';

const event = (at: string | null, outcome: string): AccountEvent =>
  ({ id: `${at}-${outcome}`, at, outcome }) as unknown as AccountEvent;
/** Noon local time of a day, so the test reads the same in every time zone. */
const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();

describe('eventsPerDay', () => {
  it('counts each local day by outcome and fills the days between with zeros, oldest first', () => {
    expect(
      eventsPerDay([
        event(noon('2026-11-30'), 'failure'),
        event(noon('2026-11-27'), 'success'),
        event(noon('2026-11-30'), 'success'),
        event(noon('2026-11-30'), 'failure'),
        event(noon('2026-11-28'), 'pending'),
        event(null, 'success'),
        event('not a date', 'success'),
      ]),
    ).toEqual([
      { day: '2026-11-27', success: 1, failure: 0, other: 0 },
      { day: '2026-11-28', success: 0, failure: 0, other: 1 },
      { day: '2026-11-29', success: 0, failure: 0, other: 0 },
      { day: '2026-11-30', success: 1, failure: 2, other: 0 },
    ]);
  });

  it('keeps the latest 60 days, across a month end', () => {
    const days = eventsPerDay([event(noon('2026-09-01'), 'success'), event(noon('2026-12-02'), 'failure')]);
    expect(days).toHaveLength(60);
    expect(days.at(-1)).toEqual({ day: '2026-12-02', success: 0, failure: 1, other: 0 });
    expect(days[0]!.day).toBe('2026-10-04');
  });

  it('has nothing to draw without events', () => {
    expect(eventsPerDay([])).toEqual([]);
  });
});
