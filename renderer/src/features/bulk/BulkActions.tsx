import { useState } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import type { BulkActionKind } from '@shared/contracts/bulk';
import type { ConsoleAction } from '@shared/domain/console-actions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { GroupRemovalWarning } from '../../components/GroupRemovalWarning';
import { PickerDialog } from '../../components/PickerDialog';
import { refusal, useConnectionStore } from '../connections/connection-store';
import { useSearchStore } from '../search/search-store';
import { useCurrentStore } from '../identity-store/current-store';
import { useBulkStore } from './bulk-store';

const labels: Record<BulkActionKind, string> = {
  enable: 'Enable',
  disable: 'Disable',
  delete: 'Delete',
  addToGroup: 'Add to group',
  removeFromGroup: 'Remove from group',
};
/** Each quick action is the account view's action applied to a selection, and allowed as that one is. */
const consoleAction: Record<BulkActionKind, ConsoleAction> = {
  enable: 'enable',
  disable: 'disable',
  delete: 'deleteAccount',
  addToGroup: 'addGroups',
  removeFromGroup: 'removeGroup',
};

/** Quick actions on the selection; each is disabled, with the reason, when offline or not permitted. */
export function BulkActions() {
  const selected = useSearchStore((state) => state.selected);
  const store = useCurrentStore((state) => state.name);
  const groups = useCurrentStore((state) => state.catalog.groups);
  const status = useConnectionStore((state) => state.status);
  const start = useBulkStore((state) => state.start);
  const [dialog, setDialog] = useState<BulkActionKind | null>(null);
  const offline = status?.connectivity.state === 'offline';
  const count = selected.size;
  const reason = (action: BulkActionKind) =>
    offline
      ? 'Offline: actions are disabled until the platform answers again.'
      : refusal(status, consoleAction[action]);

  const begin = (action: BulkActionKind) => {
    if (action === 'enable' || action === 'disable') {
      void start({ action, store: store!, accountIds: [...selected] });
      return;
    }
    setDialog(action);
  };
  const confirm = (extra: { groupId?: string; confirmation?: string }) => {
    if (!dialog || !store) return;
    void start({ action: dialog, store, accountIds: [...selected], ...extra });
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
      <PickerDialog
        open={dialog === 'addToGroup' || dialog === 'removeFromGroup'}
        title={`${dialog === 'addToGroup' ? 'Add' : 'Remove'} ${count} account${count === 1 ? '' : 's'} ${
          dialog === 'addToGroup' ? 'to' : 'from'
        } a group`}
        label="Group"
        options={groups}
        getLabel={(option) => option.name}
        confirmLabel={dialog === 'addToGroup' ? 'Add' : 'Remove'}
        onConfirm={(chosen) => confirm({ groupId: chosen.id })}
        onClose={() => setDialog(null)}
      >
        {dialog === 'removeFromGroup' && <GroupRemovalWarning plural={count !== 1} />}
      </PickerDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${count} account${count === 1 ? '' : 's'}?`}
        confirmLabel={`Delete ${count}`}
        destructive
        typeToConfirm={{ text: String(count), label: 'Number of accounts' }}
        onConfirm={(typed) => confirm({ confirmation: typed })}
        onClose={() => setDialog(null)}
      >
        Deleting cannot be undone: the customers lose their accounts, sessions and data. Type <strong>{count}</strong>{' '}
        to confirm.
      </ConfirmDialog>
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
  // Listed with their reasons: what was skipped and what did not get done; retried: only the latter.
  const listed = result?.results.filter((entry) => entry.outcome !== 'done') ?? [];
  const unfinished = listed.filter((entry) => entry.outcome !== 'skipped');
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
              value={((progress.done + progress.skipped + progress.failed) / progress.total) * 100}
              sx={{ my: 1 }}
            />
            <Typography data-testid="bulk-summary">
              {progress.done} done, {progress.skipped > 0 ? `${progress.skipped} skipped, ` : ''}
              {progress.failed} failed, {progress.total - progress.done - progress.skipped - progress.failed} not
              attempted, of {progress.total}
            </Typography>
          </>
        )}
        {result && listed.length > 0 && (
          <Table size="small" aria-label="Accounts not done" sx={{ mt: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>Account</TableCell>
                <TableCell>Result</TableCell>
                <TableCell>Reason</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {listed.map((entry) => (
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
