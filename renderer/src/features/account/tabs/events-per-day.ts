import type { AccountEvent } from '@shared/domain/profile';

export interface Day {
  /** The agent's local day, YYYY-MM-DD. */
  day: string;
  success: number;
  failure: number;
  other: number;
}

const localDay = (at: string) => {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
export const dayDate = (day: string) => new Date(`${day}T00:00:00`);
const nextDay = (day: string) => {
  const date = dayDate(day);
  date.setDate(date.getDate() + 1);
  return localDay(date.toISOString());
};

/**
 * Events per local day by outcome, oldest first, every day between the first and the last shown (days without
 * events count zero, so the axis reads as time), at most the latest 60 days.
 */
export function eventsPerDay(events: AccountEvent[]): Day[] {
  const counted = new Map<string, Day>();
  for (const event of events) {
    if (!event.at || Number.isNaN(Date.parse(event.at))) continue;
    const day = localDay(event.at);
    const entry = counted.get(day) ?? { day, success: 0, failure: 0, other: 0 };
    if (event.outcome === 'success') entry.success++;
    else if (event.outcome === 'failure') entry.failure++;
    else entry.other++;
    counted.set(day, entry);
  }
  const known = [...counted.keys()].sort();
  if (known.length === 0) return [];
  const days: Day[] = [];
  for (let day = known[0]!; day <= known.at(-1)!; day = nextDay(day))
    days.push(counted.get(day) ?? { day, success: 0, failure: 0, other: 0 });
  return days.slice(-60);
}
