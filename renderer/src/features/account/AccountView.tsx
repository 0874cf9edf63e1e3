import { useState } from 'react';
import {
  Alert,
  Avatar,
  Box,
  Button,
  Chip,
  IconButton,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import RefreshIcon from '@mui/icons-material/Refresh';
import { accountLink } from '@shared/domain/links';
import { ago, dateTime } from '../../lib/format';
import { StatusChips } from '../search/ResultsList';
import { useAccountViewStore } from './account-view-store';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('') || '?';

/** One account at a glance, with its age when it comes from the cache, and its own deskside:// link. */
export function AccountView() {
  const target = useAccountViewStore((state) => state.target);
  const loaded = useAccountViewStore((state) => state.loaded);
  const loading = useAccountViewStore((state) => state.loading);
  const error = useAccountViewStore((state) => state.error);
  const refresh = useAccountViewStore((state) => state.refresh);
  const close = useAccountViewStore((state) => state.close);
  const [copied, setCopied] = useState<string | null>(null);
  if (!target) return null;
  const copy = (label: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(label),
      () => setCopied(null),
    );
  };
  const account = loaded?.account;
  return (
    <Box sx={{ p: 3, overflow: 'auto', height: '100%' }} component="section" aria-label="Account">
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }}>
        <Button onClick={close}>← Results</Button>
        <Box sx={{ flex: 1 }} />
        <Tooltip title="Copy a deskside:// link to this account" describeChild>
          <Button
            startIcon={<ContentCopyIcon />}
            onClick={() => copy('link', accountLink(target.store, target.accountId))}
          >
            Copy link
          </Button>
        </Tooltip>
        <Tooltip title="Refresh">
          <IconButton aria-label="Refresh" onClick={() => void refresh()}>
            <RefreshIcon />
          </IconButton>
        </Tooltip>
      </Stack>
      {loading && <LinearProgress />}
      {error && (
        <Alert severity="error" action={<Button onClick={() => void refresh()}>Retry</Button>}>
          {error}
        </Alert>
      )}
      {copied && (
        <Alert severity="success" onClose={() => setCopied(null)} sx={{ mb: 2 }}>
          Copied the {copied}.
        </Alert>
      )}
      {account && loaded && (
        <>
          {loaded.source === 'cache' && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="account-age">
              Offline: this is the cached copy from {ago(loaded.fetchedAt)} ({dateTime(loaded.fetchedAt)}). Actions are
              disabled.
            </Alert>
          )}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <Avatar sx={{ width: 56, height: 56 }}>{initials(account.displayName)}</Avatar>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="h5" component="h2" noWrap title={account.displayName}>
                {account.displayName}
              </Typography>
              <StatusChips account={account} />
            </Box>
          </Stack>
          <Table size="small" aria-label="Account summary" sx={{ maxWidth: 720 }}>
            <TableBody>
              {(
                [
                  ['Email', account.email],
                  ['Username', account.username],
                  ['Phone', account.phone],
                  ['Identity store', account.store],
                  ['Organization', account.organization],
                  [
                    'Last login',
                    account.lastLoginAt ? `${dateTime(account.lastLoginAt)} (${ago(account.lastLoginAt)})` : 'never',
                  ],
                  ['Created', dateTime(account.createdAt)],
                ] as Array<[string, string | null]>
              ).map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell component="th" sx={{ fontWeight: 600, width: 160 }}>
                    {label}
                  </TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{value ?? '—'}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" sx={{ fontWeight: 600 }}>
                  Account id
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={account.id}
                    onDelete={() => copy('account id', account.id)}
                    deleteIcon={<ContentCopyIcon aria-label="Copy account id" />}
                  />
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
}
