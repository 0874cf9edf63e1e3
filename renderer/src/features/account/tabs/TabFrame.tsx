import type { ReactNode } from 'react';
import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { ago } from '../../../lib/format';
import { useAccountViewStore } from '../account-view-store';

/**
 * What every tab shares: a toolbar of its actions, and its loading, error (with retry), offline and empty
 * states, so each tab only draws its own content.
 */
export function TabFrame(props: {
  title: string;
  actions?: ReactNode;
  empty: boolean;
  emptyText: string;
  loading?: boolean;
  error?: string | null;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const loaded = useAccountViewStore((state) => state.loaded);
  const refresh = useAccountViewStore((state) => state.refresh);
  const retry = props.onRetry ?? (() => void refresh());
  return (
    <Box role="tabpanel" aria-label={props.title} sx={{ py: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flex: 1 }}>
          {props.title}
        </Typography>
        {props.actions}
      </Stack>
      {props.loading && <LinearProgress aria-label={`Loading ${props.title.toLowerCase()}`} />}
      {props.error && (
        <Alert severity="error" action={<Button onClick={retry}>Retry</Button>} sx={{ mb: 1 }}>
          {props.error}
        </Alert>
      )}
      {loaded?.partial ? (
        <Alert severity="info" data-testid="tab-offline">
          Offline, and only the search summary of this account is cached: its {props.title.toLowerCase()} were never
          loaded.
        </Alert>
      ) : (
        <>
          {loaded?.source === 'cache' && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="tab-offline">
              Cached copy from {ago(loaded.fetchedAt)}; read-only until the platform answers.
            </Typography>
          )}
          {props.empty && !props.loading && !props.error && (
            <Typography color="text.secondary" sx={{ py: 2 }} data-testid="tab-empty">
              {props.emptyText}
            </Typography>
          )}
          {/* Always rendered: the tab's dialogs live here too, and adding to an empty list must work. */}
          {props.children}
        </>
      )}
    </Box>
  );
}
