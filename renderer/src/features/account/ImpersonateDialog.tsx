import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import type { NotificationOption } from '@shared/domain/profile';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { useAccountViewStore } from './account-view-store';

/** As the main side checks it: the reason is kept, so it must say something. */
const MIN_REASON = 10;

/**
 * "Sign in as the customer": the agent chooses the application client (those the platform's rules allow for this
 * account) and must say why. The one-time link opens in the system browser, never in Deskside's window.
 */
export function ImpersonateDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="impersonate-title">
      <DialogTitle id="impersonate-title">Sign in as this customer?</DialogTitle>
      {/* The body unmounts with the closed dialog, so each opening starts empty. */}
      {open && <ImpersonateBody onClose={onClose} />}
    </Dialog>
  );
}

function ImpersonateBody({ onClose }: { onClose(): void }) {
  const target = useAccountViewStore((state) => state.target)!;
  const [clients, setClients] = useState<NotificationOption[] | null>(null);
  const [clientId, setClientId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    deskside.profiles.notificationOptions(target).then(
      (loaded) => {
        if (!live) return;
        setClients(loaded);
        if (loaded.length === 1) setClientId(loaded[0]!.clientId);
      },
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [target]);

  const tooShort = reason.trim().length < MIN_REASON;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await deskside.profiles.impersonate({ ...target, clientId, reason: reason.trim() });
      // The web host's page is itself in the agent's browser: it opens the link in a tab of its own.
      if (!answer.opened && answer.url) window.open(answer.url, '_blank', 'noopener,noreferrer');
      useAccountViewStore.setState({
        notice: {
          severity: 'success',
          text: 'The sign-in link opened in your browser. It works once, for a few minutes; your reason is recorded.',
        },
      });
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <DialogContent>
        <DialogContentText>
          You will see the application as the customer does. The platform and Deskside's journal keep who did it, when
          and why.
        </DialogContentText>
        <TextField
          select
          fullWidth
          required
          margin="dense"
          label="Through the application client"
          value={clientId}
          disabled={!clients}
          onChange={(event) => setClientId(event.target.value)}
        >
          {(clients ?? []).map((client) => (
            <MenuItem key={client.clientId} value={client.clientId}>
              {client.clientName} ({client.applicationName})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          required
          multiline
          minRows={2}
          margin="dense"
          label="Reason"
          placeholder="Ticket 4711: the customer cannot see their orders"
          value={reason}
          onChange={(event) => setReason(event.target.value.slice(0, 512))}
          error={reason.length > 0 && tooShort}
          helperText={`At least ${MIN_REASON} characters; kept with the impersonation.`}
        />
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!clientId || tooShort || busy} onClick={() => void start()}>
          Open the sign-in link
        </Button>
      </DialogActions>
    </>
  );
}
