import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  IconButton,
  Menu,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import type { ExternalIdentity } from '@shared/domain/profile';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAccountViewStore } from './account-view-store';
import { useGate } from './gate';
import { NotifyClientField } from './NotifyClientField';
import { useChange } from './use-change';

type IdentifierKind = 'email' | 'username' | 'phone';

const kindWords: Record<IdentifierKind, string> = { email: 'email', username: 'username', phone: 'phone number' };

/**
 * The account's identifiers, each with its fix: change the email, phone or username (typed twice; verification is
 * skipped only when the agent says the customer proved the new one), and unlink an external login.
 */
export function IdentifiersList() {
  const account = useAccountViewStore((state) => state.loaded!.profile.summary);
  const external = useAccountViewStore((state) => state.loaded!.profile.externalIdentities);
  const gate = useGate();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState<{ kind: IdentifierKind; confirming: boolean } | null>(null);
  // The sign-in check's "Confirm the email" opens the email's dialog with the current address filled in.
  useEffect(
    () =>
      useAccountViewStore.subscribe((state) => {
        if (state.requested !== 'confirmEmail') return;
        useAccountViewStore.setState({ requested: null });
        setChanging({ kind: 'email', confirming: true });
      }),
    [],
  );
  const [unlinking, setUnlinking] = useState<ExternalIdentity | null>(null);
  const values: Record<IdentifierKind, string | null> = {
    email: account.email,
    username: account.username,
    phone: account.phone,
  };
  const changeRefused = gate('changeIdentifier');
  const unlinkRefused = gate('unlinkIdentity');
  // As compact as the plain list it replaced: one menu holds every fix, so the actions below stay in view.
  return (
    <Stack direction="row" sx={{ mb: 1, alignItems: 'flex-start' }}>
      <Stack spacing={0.25} sx={{ flexGrow: 1, minWidth: 0, wordBreak: 'break-word' }} aria-label="Identifiers">
        {account.email && (
          <Typography variant="body2">
            {account.email} {account.emailVerified === false && '(unverified)'}
          </Typography>
        )}
        {account.username && <Typography variant="body2">{account.username}</Typography>}
        {account.phone && (
          <Typography variant="body2">
            {account.phone} {account.phoneVerified === false && '(unverified)'}
          </Typography>
        )}
        {external.map((identity) => (
          <Typography variant="body2" key={identity.id}>
            {identity.provider ?? 'External'}: {identity.display}
          </Typography>
        ))}
      </Stack>
      <Tooltip title="Change the email, phone or username; unlink an external login">
        <IconButton size="small" aria-label="Fix an identifier" onClick={(event) => setMenu(event.currentTarget)}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
        {(['email', 'username', 'phone'] as const).map((kind) => (
          <MenuItem
            key={kind}
            disabled={Boolean(changeRefused)}
            title={changeRefused ?? undefined}
            onClick={() => {
              setMenu(null);
              setChanging({ kind, confirming: false });
            }}
          >
            {values[kind] ? 'Change' : 'Set'} the {kindWords[kind]}
          </MenuItem>
        ))}
        {external.map((identity) => (
          <MenuItem
            key={identity.id}
            disabled={Boolean(unlinkRefused)}
            title={unlinkRefused ?? undefined}
            onClick={() => {
              setMenu(null);
              setUnlinking(identity);
            }}
          >
            <LinkOffIcon fontSize="small" sx={{ mr: 1 }} />
            Unlink {identity.provider ?? 'external'} login {identity.display}
          </MenuItem>
        ))}
      </Menu>
      {changing && (
        <ChangeIdentifierDialog
          kind={changing.kind}
          current={changing.confirming ? values[changing.kind] : null}
          onClose={() => setChanging(null)}
        />
      )}
      <UnlinkDialog identity={unlinking} onClose={() => setUnlinking(null)} />
    </Stack>
  );
}

/**
 * Changes an identifier; given the `current` one, confirms it instead: setting the same address again sends the
 * customer a new confirmation link, or, when they proved it is theirs, marks it verified.
 */
function ChangeIdentifierDialog({
  kind,
  current,
  onClose,
}: {
  kind: IdentifierKind;
  current: string | null;
  onClose(): void;
}) {
  const change = useChange();
  const [identifier, setIdentifier] = useState(current ?? '');
  const [confirmation, setConfirmation] = useState(current ?? '');
  const [proved, setProved] = useState(false);
  const [client, setClient] = useState('');
  const words = kindWords[kind];
  const verifiable = kind !== 'username';
  const mismatch = confirmation.trim().length > 0 && confirmation.trim() !== identifier.trim();
  const save = () =>
    void change
      .run(
        {
          kind: 'changeIdentifier',
          type: kind,
          identifier: identifier.trim(),
          confirmation: confirmation.trim(),
          customerProvedIt: verifiable && proved,
          ...(client ? { notifyClientId: client } : {}),
        },
        current
          ? verifiable && proved
            ? `Marked ${identifier.trim()} verified.`
            : `Sent a new confirmation link to ${identifier.trim()}.`
          : `Changed the ${words} to ${identifier.trim()}.`,
      )
      .then((ok) => ok && onClose());
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="identifier-title">
      <DialogTitle id="identifier-title">{current ? `Confirm the ${words}` : `Change the ${words}`}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {current
            ? `The platform sends a new confirmation link to ${current}; if the customer proved it is theirs, mark it verified instead.`
            : `The customer signs in with it. ${verifiable ? `Unless they proved the new ${words} is theirs, the platform asks them to confirm it.` : ''}`}
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          label={`New ${words}`}
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          error={Boolean(change.fieldErrors.identifier)}
          helperText={change.fieldErrors.identifier?.join('; ') ?? ' '}
        />
        <TextField
          fullWidth
          margin="dense"
          label={`Type the new ${words} again`}
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={mismatch || Boolean(change.fieldErrors.confirmation)}
          helperText={mismatch ? 'Does not match.' : (change.fieldErrors.confirmation?.join('; ') ?? ' ')}
        />
        {verifiable && (
          <FormControlLabel
            control={<Checkbox checked={proved} onChange={(event) => setProved(event.target.checked)} />}
            label={`The customer proved this ${words} is theirs: skip verifying it`}
          />
        )}
        <NotifyClientField value={client} onChange={setClient} />
        {change.error && !change.fieldErrors.identifier && !change.fieldErrors.confirmation && (
          <Alert severity="error">{change.error}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!identifier.trim() || confirmation.trim() !== identifier.trim() || change.busy}
          onClick={save}
        >
          {current ? (proved ? 'Mark verified' : 'Send link') : `Change ${words}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function UnlinkDialog({ identity, onClose }: { identity: ExternalIdentity | null; onClose(): void }) {
  const change = useChange();
  const [client, setClient] = useState('');
  const close = () => {
    change.reset();
    setClient('');
    onClose();
  };
  return (
    <ConfirmDialog
      open={identity !== null}
      title="Unlink the external login?"
      confirmLabel="Unlink"
      destructive
      busy={change.busy}
      error={change.error}
      extra={<NotifyClientField value={client} onChange={setClient} />}
      onConfirm={() =>
        identity &&
        void change
          .run(
            { kind: 'unlinkIdentity', externalLoginId: identity.id, ...(client ? { notifyClientId: client } : {}) },
            `Unlinked the ${identity.provider ?? 'external'} login.`,
          )
          .then((ok) => ok && close())
      }
      onClose={close}
    >
      The customer can no longer sign in with <strong>{identity?.provider ?? 'the external'}</strong> login{' '}
      <strong>{identity?.display}</strong>.
    </ConfirmDialog>
  );
}
