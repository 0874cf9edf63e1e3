import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  ButtonGroup,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { BulkActionKind } from '@shared/contracts/bulk';
import { lacksScope, useConnectionStore } from '../connections/connection-store';
import { useSearchStore } from '../search/search-store';
import { useBulkStore } from './bulk-store';

const labels: Record<BulkActionKind, string> = {
  enable: 'Enable',
  disable: 'Disable',
  delete: 'Delete',
  addToGroup: 'Add to group',
  removeFromGroup: 'Remove from group',
};
const scopes: Record<BulkActionKind, string> = {
  enable: 'write:account',
  disable: 'write:account',
  delete: 'delete:account',
  addToGroup: 'write:account',
  removeFromGroup: 'write:account',
};

/** Quick actions on the selection; each is disabled, with the reason, when offline or not permitted. */
export function BulkActions() {
  const selected = useSearchStore((state) => state.selected);
  const store = useSearchStore((state) => state.store);
  const groups = useSearchStore((state) => state.groups);
  const status = useConnectionStore((state) => state.status);
  const start = useBulkStore((state) => state.start);
  const [dialog, setDialog] = useState<BulkActionKind | null>(null);
  const [group, setGroup] = useState<{ id: string; name: string } | null>(null);
  const [typed, setTyped] = useState('');
  const offline = status?.connectivity.state === 'offline';
  const count = selected.size;
  const reason = (action: BulkActionKind) =>
    offline ? 'Offline: actions are disabled until the platform answers again.' : lacksScope(status, scopes[action]);

  const begin = (action: BulkActionKind) => {
    if (action === 'enable' || action === 'disable') {
      void start({ action, store: store!, accountIds: [...selected] });
      return;
    }
    setGroup(null);
    setTyped('');
    setDialog(action);
  };
  const confirm = () => {
    if (!dialog || !store) return;
    void start({
      action: dialog,
      store,
      accountIds: [...selected],
      ...(group ? { groupId: group.id } : {}),
      ...(dialog === 'delete' ? { confirmation: typed } : {}),
    });
    setDialog(null);
  };

  return (
    <>
      <ButtonGroup size="small" variant="outlined" aria-label="Quick actions">
        {(['enable', 'disable', 'addToGroup', 'removeFromGroup', 'delete'] as const).map((action) => {
          const why = reason(action);
          return (
            <Tooltip key={action} title={why ?? `${labels[action]} the selected accounts`}>
              <span>
                <Button
                  disabled={count === 0 || Boolean(why)}
                  color={action === 'delete' ? 'error' : 'primary'}
                  onClick={() => begin(action)}
                >
                  {labels[action]}
                </Button>
              </span>
            </Tooltip>
          );
        })}
      </ButtonGroup>
      <Dialog
        open={dialog === 'addToGroup' || dialog === 'removeFromGroup'}
        onClose={() => setDialog(null)}
        fullWidth
        maxWidth="xs"
        aria-labelledby="group-dialog-title"
      >
        <DialogTitle id="group-dialog-title">
          {dialog === 'addToGroup' ? 'Add' : 'Remove'} {count} account{count === 1 ? '' : 's'}{' '}
          {dialog === 'addToGroup' ? 'to' : 'from'} a group
        </DialogTitle>
        <DialogContent>
          <Autocomplete
            autoHighlight
            options={groups}
            getOptionLabel={(option) => option.name}
            value={group}
            onChange={(_event, value) => setGroup(value)}
            renderInput={(params) => <TextField {...params} autoFocus margin="dense" label="Group" />}
          />
          {dialog === 'removeFromGroup' && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              Removing accounts from a group can block their access to applications restricted to it.
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>Cancel</Button>
          <Button variant="contained" disabled={!group} onClick={confirm}>
            {dialog === 'addToGroup' ? 'Add' : 'Remove'}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        fullWidth
        maxWidth="xs"
        aria-labelledby="delete-dialog-title"
      >
        <DialogTitle id="delete-dialog-title">
          Delete {count} account{count === 1 ? '' : 's'}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Deleting cannot be undone: the customers lose their accounts, sessions and data. Type{' '}
            <strong>{count}</strong> to confirm.
          </DialogContentText>
          <TextField
            autoFocus
            margin="dense"
            fullWidth
            label="Number of accounts"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>Cancel</Button>
          <Button variant="contained" color="error" disabled={typed !== String(count)} onClick={confirm}>
            Delete {count}
          </Button>
        </DialogActions>
      </Dialog>
      <BulkProgressDialog />
    </>
  );
}

/** Progress while a quick action runs, then the per-account results, from which failures can be retried. */
function BulkProgressDialog() {
  const progress = useBulkStore((state) => state.progress);
  const result = useBulkStore((state) => state.result);
  const error = useBulkStore((state) => state.error);
  const cancel = useBulkStore((state) => state.cancel);
  const retryFailed = useBulkStore((state) => state.retryFailed);
  const dismiss = useBulkStore((state) => state.dismiss);
  const rerun = useSearchStore((state) => state.run);
  const page = useSearchStore((state) => state.page);
  const open = Boolean(progress || error);
  const finished = progress?.finished ?? false;
  const unfinished = result?.results.filter((entry) => entry.outcome !== 'done') ?? [];
  const close = () => {
    dismiss();
    if (finished) void rerun(page);
  };
  return (
    <Dialog
      open={open}
      onClose={finished || error ? close : undefined}
      fullWidth
      maxWidth="sm"
      aria-labelledby="bulk-title"
    >
      <DialogTitle id="bulk-title">
        {progress
          ? `${labels[progress.action]}: ${finished ? (progress.cancelled ? 'cancelled' : 'finished') : 'running'}`
          : 'Quick action'}
      </DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{error}</Alert>}
        {progress && (
          <>
            <LinearProgress
              variant="determinate"
              value={((progress.done + progress.failed) / progress.total) * 100}
              sx={{ my: 1 }}
            />
            <Typography data-testid="bulk-summary">
              {progress.done} done, {progress.failed} failed, {progress.total - progress.done - progress.failed} not
              attempted, of {progress.total}
            </Typography>
          </>
        )}
        {result && unfinished.length > 0 && (
          <Table size="small" aria-label="Accounts not done" sx={{ mt: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>Account</TableCell>
                <TableCell>Result</TableCell>
                <TableCell>Reason</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {unfinished.map((entry) => (
                <TableRow key={entry.accountId} data-outcome={entry.outcome}>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{entry.accountId}</TableCell>
                  <TableCell>{entry.outcome}</TableCell>
                  <TableCell>{entry.reason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        {progress && !finished && <Button onClick={() => void cancel()}>Cancel</Button>}
        {finished && unfinished.length > 0 && (
          <Button onClick={() => void retryFailed()}>Retry {unfinished.length} not done</Button>
        )}
        {(finished || error) && (
          <Button variant="contained" onClick={close}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
