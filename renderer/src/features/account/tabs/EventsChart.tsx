import { Box, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { AccountEvent } from '@shared/domain/profile';
import { dayDate, eventsPerDay } from './events-per-day';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

/**
 * Stacked bars per day on a date axis (successes, other outcomes, failures in the theme's colours), a tooltip per
 * day, and a click on a day that shows only that day's events.
 */
export function EventsChart({ events, onDay }: { events: AccountEvent[]; onDay(day: string): void }) {
  const theme = useTheme();
  const days = eventsPerDay(events);
  if (days.length === 0) return null;
  const failures = days.reduce((sum, day) => sum + day.failure, 0);
  const label = `Events per day, ${days[0]!.day} to ${days.at(-1)!.day}: ${events.length} events, ${failures} failed. Choose a day to see its events.`;
  return (
    <Box sx={{ mb: 2, height: 180 }} role="figure" aria-label={label} data-testid="events-chart">
      <BarChart
        height={180}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        dataset={days.map((day) => ({ ...day, date: dayDate(day.day) }))}
        xAxis={[
          {
            dataKey: 'date',
            scaleType: 'band',
            valueFormatter: (value: Date, context) =>
              context.location === 'tooltip' ? longDate.format(value) : shortDate.format(value),
            tickLabelInterval: (_value, index) => index % Math.max(1, Math.ceil(days.length / 8)) === 0,
          },
        ]}
        yAxis={[{ tickMinStep: 1, width: 32 }]}
        series={[
          { dataKey: 'success', label: 'Succeeded', stack: 'outcome', color: theme.palette.success.main },
          { dataKey: 'other', label: 'Other', stack: 'outcome', color: theme.palette.grey[500] },
          { dataKey: 'failure', label: 'Failed', stack: 'outcome', color: theme.palette.error.main },
        ]}
        onAxisClick={(_event, data) => {
          const day = data ? days[data.dataIndex] : undefined;
          if (day) onDay(day.day);
        }}
        slotProps={{ legend: { direction: 'horizontal', position: { vertical: 'top', horizontal: 'end' } } }}
      />
    </Box>
  );
}
