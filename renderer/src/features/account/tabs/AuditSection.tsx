import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, LinearProgress, Typography } from '@mui/material';
import type { AuditChange } from '@shared/domain/profile';
import { deskside } from '../../../bridge';
import { messageOf } from '../../../lib/errors';
import { dateTime } from '../../../lib/format';
import { useAccountViewStore } from '../account-view-store';
import { SimpleTable } from './SimpleTable';

const PAGE = 25;

/**
 * "Who changed this account": the platform's administrative audit for the account's URL, newest first — which API
 * client (or admin) changed what, when and from where. Asked of the platform each time; nothing of it is cached.
 */
export function AuditSection() {
  const target = useAccountViewStore((state) => state.target)!;
  const [changes, setChanges] = useState<AuditChange[]>([]);
  const [page, setPage] = useState(0);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (next: number) => {
      setLoading(true);
      setError(null);
      try {
        const found = await deskside.profiles.audit({ ...target, page: next, size: PAGE });
        setChanges((previous) => (next === 0 ? found.items : [...previous, ...found.items]));
        setMore(found.more);
        setPage(next);
      } catch (failure) {
        setError(messageOf(failure));
      } finally {
        setLoading(false);
      }
    },
    [target],
  );
  useEffect(() => {
    let live = true;
    deskside.profiles.audit({ ...target, page: 0, size: PAGE }).then(
      (found) => {
        if (!live) return;
        setChanges(found.items);
        setMore(found.more);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(messageOf(failure));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [target]);

  return (
    <section aria-label="Who changed this account">
      <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
        Who changed this account
      </Typography>
      {loading && <LinearProgress aria-label="Loading the changes" />}
      {error ? (
        <Alert severity="warning" action={<Button onClick={() => void load(0)}>Retry</Button>}>
          {error}
        </Alert>
      ) : !loading && changes.length === 0 ? (
        <Typography color="text.secondary">No administrator or API client has changed this account.</Typography>
      ) : (
        <SimpleTable
          label="Administrative changes"
          columns={['Time', 'Change', 'By', 'From']}
          rows={changes}
          rowKey={(change) => change.id}
          cells={(change) => [dateTime(change.at), change.what, change.by ?? '—', change.ip ?? '—']}
        />
      )}
      {more && !error && (
        <Button sx={{ mt: 1 }} disabled={loading} onClick={() => void load(page + 1)}>
          Load older changes
        </Button>
      )}
    </section>
  );
}
