import { Alert } from '@mui/material';
import { useConnectionStore } from '../features/connections/connection-store';
import { ago, dateTime } from '../lib/format';

/** Says plainly when the platform cannot be reached, since when, and what that means. */
export function OfflineBanner() {
  const connectivity = useConnectionStore((state) => state.status?.connectivity);
  if (connectivity?.state !== 'offline') return null;
  return (
    <Alert severity="warning" variant="filled" square role="status" data-testid="offline-banner">
      Offline since {dateTime(connectivity.since)} ({ago(connectivity.since)}):{' '}
      {(connectivity.reason ?? 'the identity platform cannot be reached').replace(/[.?!]?$/, (end) => end || '.')}{' '}
      Showing cached data; actions are disabled. Deskside reconnects by itself.
    </Alert>
  );
}
