import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { eventTypes, type AccountEvent, type EventDetail, type NotificationDetail } from '@shared/domain/profile';
import { parseUserAgent, placeName } from '@shared/domain/user-agent';
import { deskside } from '../../../bridge';
import { messageOf } from '../../../lib/errors';
import { dateTime } from '../../../lib/format';
import { useCurrentStore } from '../../identity-store/current-store';
import { useAccountViewStore } from '../account-view-store';
import { AuditSection } from './AuditSection';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

// The chart library is loaded with the first Activity tab opened, not with the console.
const EventsChart = lazy(() => import('./EventsChart').then((module) => ({ default: module.EventsChart })));

interface Filters {
  from: string;
  to: string;
  type: string;
  outcome: '' | 'success' | 'failure';
  /** One of the platform's event labels (`failure:login`), filtered by the platform. */
  label: string;
}
const noFilters: Filters = { from: '', to: '', type: '', outcome: '', label: '' };

/** `failure:login` as the agent reads it: "login (failed)". */
const labelWords = (label: string) => {
  const [outcome, name] = label.split(':', 2);
  if (!name) return label;
  return `${name} (${outcome === 'failure' ? 'failed' : outcome === 'success' ? 'succeeded' : outcome})`;
};

/** One of the activity filters' drop-downs: [value, words] options, the first one meaning "no filter". */
function FilterSelect(props: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange(value: string): void;
  minWidth: number;
}) {
  return (
    <TextField
      size="small"
      select
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      sx={{ minWidth: props.minWidth }}
    >
      {props.options.map(([value, words]) => (
        <MenuItem key={value || 'all'} value={value}>
          {words}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** What the store's event retention means for this list, or null when the platform did not say. */
function retentionNote(days: number | null | undefined, empty: boolean): string | null {
  if (days === null || days === undefined) return null;
  if (days === 0) return 'This store keeps account events for good.';
  return empty
    ? `No events within the last ${days} days: this store keeps account events for ${days} days, so older ones are gone.`
    : `This store keeps account events for ${days} days.`;
}
const presets: Array<[string, number | null]> = [
  ['Last 24 hours', 1],
  ['Last 7 days', 7],
  ['Last 30 days', 30],
  ['All time', null],
];
const dayInput = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const PAGE = 100;

const outcomeChip = (outcome: AccountEvent['outcome']) => (
  <Chip
    size="small"
    label={outcome}
    color={outcome === 'success' ? 'success' : outcome === 'failure' ? 'error' : 'default'}
    variant="outlined"
  />
);

/** The account's events with filters, a chart per day by outcome, details, and the notification history. */
export function ActivityTab() {
  const { profile } = useAccountViewStore((state) => state.loaded)!;
  const target = useAccountViewStore((state) => state.target)!;
  const [filters, setFilters] = useState<Filters>(noFilters);
  /** Pages asked of the platform; null while the profile's latest events are what is shown. */
  const [fetched, setFetched] = useState<{ items: AccountEvent[]; more: boolean; page: number } | null>(null);
  const items = fetched?.items ?? profile.events;
  const more = fetched?.more ?? profile.moreEvents;
  const [loading, setLoading] = useState(false);
  const [labels, setLabels] = useState<string[]>([]);
  const retentionDays = useCurrentStore(
    (state) => state.stores.find((store) => store.name === target.store)?.eventRetentionDays,
  );
  const retention = retentionNote(retentionDays, items.length === 0);
  useEffect(() => {
    let live = true;
    deskside.profiles.eventLabels({}).then(
      (found) => live && setLabels(found),
      () => undefined, // without the platform's labels the filter is simply not offered
    );
    return () => {
      live = false;
    };
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<{
    event?: EventDetail;
    notification?: NotificationDetail;
    error?: string;
  } | null>(null);

  const load = useCallback(
    async (next: Filters, nextPage: number) => {
      setLoading(true);
      setError(null);
      try {
        const result = await deskside.profiles.events({
          ...target,
          ...(next.from ? { from: new Date(`${next.from}T00:00:00`).toISOString() } : {}),
          ...(next.to ? { to: new Date(`${next.to}T23:59:59.999`).toISOString() } : {}),
          ...(next.type ? { types: [next.type] } : {}),
          ...(next.outcome ? { outcome: next.outcome } : {}),
          ...(next.label ? { label: next.label } : {}),
          page: nextPage,
          size: PAGE,
        });
        setFetched((previous) => ({
          items: nextPage === 0 || !previous ? result.items : [...previous.items, ...result.items],
          more: result.more,
          page: nextPage,
        }));
      } catch (failure) {
        setError(messageOf(failure));
      } finally {
        setLoading(false);
      }
    },
    [target],
  );

  // The profile brings the latest events; a filter, or older events, are asked of the platform (the cache offline).
  const unfiltered = (value: Filters) => !value.from && !value.to && !value.type && !value.outcome && !value.label;
  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    if (unfiltered(next)) setFetched(null);
    else void load(next, 0);
  };
  const openEvent = (event: AccountEvent) => {
    setDetail({});
    deskside.profiles.event({ eventId: event.id }).then(
      (loaded) => setDetail({ event: loaded }),
      (failure: unknown) => setDetail({ error: messageOf(failure) }),
    );
  };
  const openNotification = (notificationId: string) => {
    setDetail({});
    deskside.profiles.notification({ store: target.store, notificationId }).then(
      (loaded) => setDetail({ notification: loaded }),
      (failure: unknown) => setDetail({ error: messageOf(failure) }),
    );
  };

  return (
    <TabFrame
      title="Activity"
      empty={false}
      emptyText=""
      loading={loading}
      error={error}
      onRetry={() => void load(filters, fetched?.page ?? 0)}
    >
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        {presets.map(([label, days]) => (
          <Button
            key={label}
            size="small"
            onClick={() => change({ from: days === null ? '' : dayInput(Date.now() - days * 86_400_000), to: '' })}
          >
            {label}
          </Button>
        ))}
        <TextField
          size="small"
          type="date"
          label="From"
          value={filters.from}
          onChange={(event) => change({ from: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="date"
          label="To"
          value={filters.to}
          onChange={(event) => change({ to: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <FilterSelect
          label="Type"
          value={filters.type}
          options={[['', 'All types'], ...eventTypes.map((type): [string, string] => [type, type])]}
          onChange={(type) => change({ type })}
          minWidth={180}
        />
        <FilterSelect
          label="Outcome"
          value={filters.outcome}
          options={[
            ['', 'All outcomes'],
            ['success', 'Succeeded'],
            ['failure', 'Failed'],
          ]}
          onChange={(outcome) => change({ outcome: outcome as Filters['outcome'] })}
          minWidth={140}
        />
        {labels.length > 0 && (
          <FilterSelect
            label="What happened"
            value={filters.label}
            options={[['', 'Anything'], ...labels.map((label): [string, string] => [label, labelWords(label)])]}
            onChange={(label) => change({ label })}
            minWidth={200}
          />
        )}
        {!unfiltered(filters) && (
          <Button size="small" onClick={() => change(noFilters)}>
            Clear filters
          </Button>
        )}
      </Stack>
      <Suspense fallback={null}>
        <EventsChart events={items} onDay={(day) => change({ from: day, to: day })} />
      </Suspense>
      {retention && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }} data-testid="event-retention">
          {retention}
        </Typography>
      )}
      {items.length === 0 && !loading ? (
        <Typography color="text.secondary" data-testid="tab-empty">
          No events{unfiltered(filters) ? '' : ' match these filters'}.
        </Typography>
      ) : (
        <SimpleTable
          label="Events"
          columns={['Time', 'Event', 'Outcome', 'Application / client', 'Actor', 'IP', 'Location', 'Device']}
          rows={items}
          rowKey={(event) => event.id}
          onRowOpen={openEvent}
          cells={(event) => [
            <Box key="at" component="span" sx={{ whiteSpace: 'nowrap' }}>
              {dateTime(event.at)}
            </Box>,
            <Box key="name">
              {event.name}
              <Typography variant="caption" color="text.secondary" component="div">
                {event.type}
              </Typography>
            </Box>,
            outcomeChip(event.outcome),
            [event.application, event.client].filter(Boolean).join(' / ') || '—',
            event.actorKind === 'admin'
              ? `Admin API client ${event.client ?? event.actor ?? ''}`.trim()
              : event.actorKind === 'customer'
                ? 'The customer'
                : 'The platform',
            <Box key="ip" component="span" sx={{ whiteSpace: 'nowrap' }}>
              {event.ip ?? '—'}
            </Box>,
            placeName(event.location),
            event.userAgent ? (
              <span key="agent" title={event.userAgent}>
                {(({ browser, os }) => `${browser} on ${os}`)(parseUserAgent(event.userAgent))}
              </span>
            ) : (
              '—'
            ),
          ]}
        />
      )}
      {more && (
        <Button sx={{ mt: 1 }} disabled={loading} onClick={() => void load(filters, fetched ? fetched.page + 1 : 0)}>
          Load older events
        </Button>
      )}
      <AuditSection />
      <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
        Notification history
      </Typography>
      {profile.notifications.length === 0 ? (
        <Typography color="text.secondary">No notifications were sent to this customer.</Typography>
      ) : (
        <SimpleTable
          label="Notification history"
          columns={['Time', 'Template', 'Target', 'Policy', 'Client', 'Delivered']}
          rows={profile.notifications}
          rowKey={(item) => item.id}
          onRowOpen={(item) => openNotification(item.id)}
          cells={(item) => [
            dateTime(item.at),
            item.template,
            item.target,
            item.policyName ? `${item.policyName}${item.policySource ? ` (${item.policySource})` : ''}` : '—',
            item.clientName ?? '—',
            item.success ? 'yes' : 'no',
          ]}
        />
      )}
      <Dialog
        open={detail !== null}
        onClose={() => setDetail(null)}
        fullWidth
        maxWidth="md"
        aria-labelledby="detail-title"
      >
        <DialogTitle id="detail-title">
          {detail?.event
            ? `${detail.event.name} (${detail.event.type})`
            : detail?.notification
              ? detail.notification.template
              : 'Details'}
        </DialogTitle>
        <DialogContent>
          {detail && !detail.event && !detail.notification && !detail.error && <LinearProgress />}
          {detail?.error && <Alert severity="error">{detail.error}</Alert>}
          {detail?.event && (
            <Stack spacing={2}>
              <Typography variant="body2">
                {dateTime(detail.event.at)} · {detail.event.outcome} · {detail.event.actor ?? 'unknown actor'} ·{' '}
                {detail.event.ip ?? 'no IP'} · {placeName(detail.event.location)}
              </Typography>
              {detail.event.actions.map((action, index) => (
                <Box key={index}>
                  <Typography variant="subtitle2">
                    {action.type} at {dateTime(action.at)}
                    {action.http ? ` · ${action.http.method} ${action.http.url} → ${action.http.status}` : ''}
                  </Typography>
                  {action.details.map((item, at) => (
                    <Box key={at} sx={{ pl: 2 }}>
                      <Typography variant="body2">
                        {item.name}: {item.outcome ?? 'no outcome'}
                      </Typography>
                      {Object.keys(item.metadata).length > 0 && (
                        <Box
                          component="pre"
                          sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}
                        >
                          {JSON.stringify(item.metadata, null, 2)}
                        </Box>
                      )}
                    </Box>
                  ))}
                  {action.notifications.length > 0 && (
                    <Typography variant="body2" sx={{ pl: 2 }}>
                      Notified: {action.notifications.map((notification) => notification.target).join(', ')}
                    </Typography>
                  )}
                </Box>
              ))}
            </Stack>
          )}
          {detail?.notification && (
            <Stack spacing={1}>
              <Typography variant="body2">
                {dateTime(detail.notification.at)} · {detail.notification.channel} to {detail.notification.target} ·
                policy {detail.notification.policyName ?? '—'} · client {detail.notification.clientName ?? '—'}
              </Typography>
              <Box
                component="pre"
                data-testid="notification-text"
                sx={{
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-word',
                  bgcolor: 'action.hover',
                  p: 1.5,
                  borderRadius: 1,
                }}
              >
                {detail.notification.text}
              </Box>
              {detail.notification.errors.map((message) => (
                <Alert key={message} severity="error">
                  {message}
                </Alert>
              ))}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDetail(null)}>Close</Button>
        </DialogActions>
      </Dialog>
    </TabFrame>
  );
}
