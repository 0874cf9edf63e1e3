import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { phonePattern } from '@shared/domain/attribute-values';
import type { Authenticator } from '@shared/domain/profile';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { dateTime } from '../../../lib/format';
import { useAccountViewStore, type RequestedDialog } from '../account-view-store';
import { GatedButton, GatedIconButton } from '../gate';
import { NotifyClientField, useNotificationReach } from '../NotifyClientField';
import { useChange } from '../use-change';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

type Dialogs = 'reset' | 'password' | 'add' | null;
const notify = (clientId: string) => (clientId ? { notifyClientId: clientId } : {});

/** The dialog another part of the view asked this tab for. */
const requestedDialog = (requested: RequestedDialog | null): Dialogs =>
  requested === 'passwordReset' ? 'reset' : requested === 'addAuthenticator' ? 'add' : null;

export function AuthenticatorsTab() {
  const { profile } = useAccountViewStore((state) => state.loaded)!;
  const change = useChange();
  const [dialog, setDialog] = useState<Dialogs>(() => requestedDialog(useAccountViewStore.getState().requested));
  const [removing, setRemoving] = useState<Authenticator | null>(null);
  const [client, setClient] = useState('');
  const [password, setPassword] = useState('');
  const reach = useNotificationReach();
  const [kind, setKind] = useState<'email' | 'phone'>('email');
  const [target, setTarget] = useState('');
  const begin = (next: Dialogs) => {
    change.reset();
    setClient('');
    setPassword('');
    setTarget('');
    setDialog(next);
  };
  // Asked from elsewhere in the view (the overview's sign-in check): open that dialog once, whether the request
  // opened this tab or came while it was open.
  useEffect(() => {
    // The one that opened the tab is taken by the first state.
    if (requestedDialog(useAccountViewStore.getState().requested)) useAccountViewStore.setState({ requested: null });
    return useAccountViewStore.subscribe((state) => {
      const wanted = requestedDialog(state.requested);
      if (!wanted) return;
      useAccountViewStore.setState({ requested: null });
      setDialog(wanted);
    });
  }, []);
  const close = () => {
    setDialog(null);
    setRemoving(null);
  };
  const finish = (ok: boolean) => ok && close();
  const targetProblem =
    target === ''
      ? null
      : kind === 'phone' && !phonePattern.test(target)
        ? 'Use the international format, such as +36301234567.'
        : kind === 'email' && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(target)
          ? 'Enter an email address.'
          : null;
  return (
    <TabFrame
      title="Authenticators"
      empty={profile.authenticators.length === 0}
      emptyText="No authenticators."
      actions={
        <>
          <GatedButton gate="sendPasswordReset" size="small" variant="outlined" onClick={() => begin('reset')}>
            Send password reset
          </GatedButton>
          <GatedButton gate="changePassword" size="small" variant="outlined" onClick={() => begin('password')}>
            Change password
          </GatedButton>
          <GatedButton gate="addAuthenticator" size="small" variant="contained" onClick={() => begin('add')}>
            Add email or phone
          </GatedButton>
        </>
      }
    >
      <SimpleTable
        label="Authenticators"
        columns={['Type', 'Target', 'Created', 'Last used', '']}
        rows={profile.authenticators}
        rowKey={(item) => item.id}
        cells={(item) => [
          item.subType ? `${item.type} (${item.subType})` : item.type,
          item.target ?? '—',
          dateTime(item.createdAt),
          item.lastUsedAt ? dateTime(item.lastUsedAt) : 'never',
          item.type === 'password' ? null : (
            <GatedIconButton
              key="delete"
              gate="deleteAuthenticator"
              label={`Delete ${item.type} ${item.target ?? ''}`}
              onClick={() => {
                change.reset();
                setClient('');
                setRemoving(item);
              }}
            >
              <DeleteIcon fontSize="small" />
            </GatedIconButton>
          ),
        ]}
      />
      <ConfirmDialog
        open={dialog === 'reset'}
        title="Send a password reset email?"
        confirmLabel="Send"
        busy={change.busy}
        error={change.error}
        confirmDisabled={!client || reach?.channel === null}
        extra={<NotifyClientField required value={client} onChange={setClient} />}
        onConfirm={() =>
          void change
            .run({ kind: 'sendPasswordReset', notifyClientId: client }, 'Sent the password reset.')
            .then(finish)
        }
        onClose={close}
      >
        The customer receives a link to choose a new password
        {reach?.channel === 'sms'
          ? ` by SMS at ${reach.target}`
          : reach?.channel === 'email'
            ? ` at ${reach.target}`
            : ''}
        .
      </ConfirmDialog>
      <Dialog open={dialog === 'password'} onClose={close} fullWidth maxWidth="xs" aria-labelledby="password-title">
        <DialogTitle id="password-title">Change the password</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            type="password"
            label="New password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={Boolean(change.fieldErrors.newPassword)}
            helperText={change.fieldErrors.newPassword?.join('; ') ?? "The store's password policy applies."}
          />
          {change.error && !change.fieldErrors.newPassword && <Alert severity="error">{change.error}</Alert>}
          {/* The Admin API sends no notification for a password set by an administrator (no notification header). */}
          <Alert
            severity="info"
            sx={{ mt: 1 }}
            data-testid="password-not-notified"
            action={
              <GatedButton gate="sendPasswordReset" size="small" color="inherit" onClick={() => begin('reset')}>
                Send a reset instead
              </GatedButton>
            }
          >
            The platform does not tell the customer about a password set here: tell them yourself, or send a password
            reset email so they choose their own.
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!password || change.busy}
            onClick={() =>
              void change.run({ kind: 'changePassword', newPassword: password }, 'Changed the password.').then(finish)
            }
          >
            Change password
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={dialog === 'add'} onClose={close} fullWidth maxWidth="xs" aria-labelledby="add-authenticator-title">
        <DialogTitle id="add-authenticator-title">Add an email or phone</DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="dense"
            label="Type"
            value={kind}
            onChange={(event) => setKind(event.target.value as 'email' | 'phone')}
          >
            <MenuItem value="email">Email</MenuItem>
            <MenuItem value="phone">Phone</MenuItem>
          </TextField>
          <TextField
            fullWidth
            margin="dense"
            label={kind === 'email' ? 'Email address' : 'Phone number'}
            placeholder={kind === 'email' ? 'name@example.com' : '+36301234567'}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            error={Boolean(targetProblem ?? change.fieldErrors.target)}
            helperText={targetProblem ?? change.fieldErrors.target?.join('; ') ?? ' '}
          />
          <NotifyClientField value={client} onChange={setClient} />
          {change.error && !change.fieldErrors.target && <Alert severity="error">{change.error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!target || Boolean(targetProblem) || change.busy}
            onClick={() =>
              void change
                .run({ kind: 'addAuthenticator', type: kind, target, ...notify(client) }, `Added ${target}.`)
                .then(finish)
            }
          >
            Add
          </Button>
        </DialogActions>
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title="Delete the authenticator?"
        confirmLabel="Delete"
        destructive
        busy={change.busy}
        error={change.error}
        extra={<NotifyClientField value={client} onChange={setClient} />}
        onConfirm={() =>
          removing &&
          void change
            .run(
              { kind: 'deleteAuthenticator', authenticatorId: removing.id, ...notify(client) },
              'Deleted the authenticator.',
            )
            .then(finish)
        }
        onClose={close}
      >
        The customer can no longer sign in or verify with the {removing?.type} <strong>{removing?.target}</strong>.
      </ConfirmDialog>
    </TabFrame>
  );
}
