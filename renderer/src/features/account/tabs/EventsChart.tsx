import { Box, Stack, Typography, useTheme } from '@mui/material';
import type { AccountEvent } from '@shared/domain/profile';

interface Day {
  day: string;
  success: number;
  failure: number;
  other: number;
}

/** Events per day by outcome, oldest day first (at most the latest 60 days that have events). */
export function eventsPerDay(events: AccountEvent[]): Day[] {
  const days = new Map<string, Day>();
  for (const event of events) {
    if (!event.at) continue;
    const day = event.at.slice(0, 10);
    const entry = days.get(day) ?? { day, success: 0, failure: 0, other: 0 };
    if (event.outcome === 'success') entry.success++;
    else if (event.outcome === 'failure') entry.failure++;
    else entry.other++;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-60);
}

/** A stacked bar per day: successes below, failures above, in the theme's success and error colours. */
export function EventsChart({ events }: { events: AccountEvent[] }) {
  const theme = useTheme();
  const days = eventsPerDay(events);
  if (days.length === 0) return null;
  const height = 120;
  const max = Math.max(...days.map((day) => day.success + day.failure + day.other));
  const barWidth = Math.max(4, Math.min(24, Math.floor(720 / days.length) - 2));
  const scale = (count: number) => (count / max) * (height - 16);
  const failures = days.reduce((sum, day) => sum + day.failure, 0);
  const label = `Events per day, ${days[0]!.day} to ${days.at(-1)!.day}: ${events.length} events, ${failures} failed.`;
  return (
    <Box sx={{ mb: 2 }}>
      <svg
        role="img"
        aria-label={label}
        width={days.length * (barWidth + 2)}
        height={height}
        data-testid="events-chart"
      >
        <title>{label}</title>
        {days.map((day, index) => {
          const x = index * (barWidth + 2);
          const success = scale(day.success);
          const other = scale(day.other);
          const failure = scale(day.failure);
          return (
            <g key={day.day}>
              <title>{`${day.day}: ${day.success} succeeded, ${day.failure} failed${day.other ? `, ${day.other} other` : ''}`}</title>
              <rect x={x} y={height - success} width={barWidth} height={success} fill={theme.palette.success.main} />
              <rect x={x} y={height - success - other} width={barWidth} height={other} fill={theme.palette.grey[500]} />
              <rect
                x={x}
                y={height - success - other - failure}
                width={barWidth}
                height={failure}
                fill={theme.palette.error.main}
              />
            </g>
          );
        })}
      </svg>
      <Stack direction="row" spacing={2}>
        <Typography variant="caption" sx={{ color: 'success.main' }}>
          ■ succeeded
        </Typography>
        <Typography variant="caption" sx={{ color: 'error.main' }}>
          ■ failed
        </Typography>
      </Stack>
    </Box>
  );
}
