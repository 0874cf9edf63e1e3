/** Milliseconds since the epoch to the API's ISO-8601 strings. */
export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | undefined;
export function iso(ms: number | null | undefined): string | undefined {
  return ms === null || ms === undefined ? undefined : new Date(ms).toISOString();
}

const durationPattern =
  /^([+-])P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * A date filter value: an ISO-8601 timestamp, or a signed ISO-8601 duration relative to now
 * (`-P30D` = thirty days ago, `+PT1H` = an hour from now). Months are 30 days, years 365. Null when unreadable.
 */
export function parseDateFilter(value: string, now: number): number | null {
  const match = durationPattern.exec(value);
  if (match) {
    const [, sign, years, months, weeks, days, hours, minutes, seconds] = match;
    if ([years, months, weeks, days, hours, minutes, seconds].every((part) => part === undefined)) return null;
    const n = (part: string | undefined) => (part ? Number(part) : 0);
    const ms =
      (((n(years) * 365 + n(months) * 30 + n(weeks) * 7 + n(days)) * 24 + n(hours)) * 60 + n(minutes)) * 60_000 +
      n(seconds) * 1000;
    return sign === '-' ? now - ms : now + ms;
  }
  // A date-time, never a bare date: the document's format is date-time or a signed duration.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}
