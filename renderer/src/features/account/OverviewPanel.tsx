import { useState } from 'react';
import {
  Avatar,
  Box,
  Button,
  Chip,
  Divider,
  Menu,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { placeName } from '@shared/domain/user-agent';
import { NOT_PROVIDED } from '@shared/domain/profile';
import { ReportExportDialog } from './ReportExportDialog';
import { deskside } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { messageOf } from '../../lib/errors';
import { ago, dateTime } from '../../lib/format';
import { organizationWithId } from '../../lib/names';
import { StatusChips } from '../search/ResultsList';
import { useAccountViewStore } from './account-view-store';
import { GatedButton } from './gate';
import { IdentifiersList } from './IdentifiersList';
import { InvitationsList } from './InvitationsList';
import { ImpersonateDialog } from './ImpersonateDialog';
import { NotifyClientField } from './NotifyClientField';
import { SignInCheckPanel } from './SignInCheckPanel';

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('') || '?';

type Dialog = 'deleteSessions' | 'deleteAccount' | 'lock' | null;

/** The account at a glance, beside every tab: who it is, its state, and the account-wide actions. */
export function OverviewPanel({ onCopy, onDeleted }: { onCopy(label: string, text: string): void; onDeleted(): void }) {
  const loaded = useAccountViewStore((state) => state.loaded)!;
  const target = useAccountViewStore((state) => state.target)!;
  const busy = useAccountViewStore((state) => state.busy);
  const act = useAccountViewStore((state) => state.act);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notifyClient, setNotifyClient] = useState('');
  const [menu, setMenu] = useState<{ anchor: HTMLElement } | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [impersonating, setImpersonating] = useState(false);
  const { profile } = loaded;
  const account = profile.summary;
  const confirmation = account.email ?? account.username ?? account.id;

  const close = () => {
    setDialog(null);
    setDialogError(null);
    setNotifyClient('');
  };
  const run = async (action: Parameters<typeof act>[0], done: string) => {
    const outcome = await act(action, done);
    if (outcome.ok) close();
    else setDialogError(outcome.message ?? 'The change failed.');
  };
  /** The platform's own "download account information", saved where the agent chooses. */
  const download = async (format: 'html' | 'json') => {
    setMenu(null);
    setSaving(true);
    try {
      const saved = await deskside.profiles.download({ ...target, fileType: format });
      useAccountViewStore.setState({
        notice: saved.path
          ? { severity: 'success', text: `Saved ${saved.path}` }
          : { severity: 'success', text: 'Nothing saved: the save was cancelled.' },
      });
    } catch (error) {
      useAccountViewStore.setState({ notice: { severity: 'error', text: messageOf(error) } });
    } finally {
      setSaving(false);
    }
  };

  const rows: Array<[string, string]> = [
    ['Identity store', account.store],
    [
      'Organization',
      account.organization ? organizationWithId(loaded.catalog.organizations, account.organization) : '—',
    ],
    ['Created', account.createdAt ? dateTime(account.createdAt) : NOT_PROVIDED],
    [
      'Last login',
      profile.lastLogin
        ? `${dateTime(profile.lastLogin.at)} (${ago(profile.lastLogin.at)})${
            profile.lastLogin.location ? `, ${placeName(profile.lastLogin.location)}` : ''
          }`
        : 'never',
    ],
    ['Number of logins', profile.numberOfLogins === null ? NOT_PROVIDED : String(profile.numberOfLogins)],
  ];
  return (
    <Box
      component="aside"
      aria-label="Overview"
      sx={{ width: 300, flexShrink: 0, overflowY: 'auto', overflowX: 'hidden', pr: 1 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Avatar sx={{ width: 56, height: 56 }} aria-hidden>
          {initials(account.displayName)}
        </Avatar>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h5" component="h2" noWrap title={account.displayName}>
            {account.displayName}
          </Typography>
          <StatusChips account={account} />
        </Box>
      </Stack>
      <IdentifiersList />
      <Table size="small" aria-label="Account summary" sx={{ tableLayout: 'fixed' }}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" sx={{ fontWeight: 600, width: 104, pl: 0 }}>
                {label}
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-word' }}>{value}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" sx={{ fontWeight: 600, pl: 0 }}>
              Account id
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                sx={{ maxWidth: '100%' }}
                title={account.id}
                label={account.id}
                onDelete={() => onCopy('account id', account.id)}
                deleteIcon={<ContentCopyIcon aria-label="Copy account id" />}
              />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Divider sx={{ my: 2 }} />
      {/* Side by side and compact, so every action (down to "Delete account") is in view without scrolling. */}
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        role="group"
        aria-label="Account actions"
        // However long the identifiers and facts above run, the actions stay in view at the panel's foot.
        sx={{
          flexWrap: 'wrap',
          '& .MuiButton-root': { py: 0.25, px: 1 },
          position: 'sticky',
          bottom: 0,
          zIndex: 1,
          bgcolor: 'background.default',
          py: 0.5,
        }}
      >
        {account.enabled ? (
          <GatedButton
            gate="disable"
            variant="outlined"
            disabled={Boolean(busy)}
            onClick={() => void run({ kind: 'disable' }, 'Disabled the account.')}
          >
            Disable account
          </GatedButton>
        ) : (
          <GatedButton
            gate="enable"
            variant="outlined"
            disabled={Boolean(busy)}
            onClick={() => void run({ kind: 'enable' }, 'Enabled the account.')}
          >
            Enable account
          </GatedButton>
        )}
        {/* Where the platform does not say whether the account is locked, both are offered. */}
        {profile.passwordLock.locked !== false && (
          <GatedButton
            gate="liftLock"
            variant="outlined"
            disabled={Boolean(busy)}
            onClick={() => void run({ kind: 'liftLock', lock: 'password' }, 'Lifted the password lock.')}
          >
            Lift password lock
          </GatedButton>
        )}
        {profile.passwordLock.locked !== true && (
          <GatedButton gate="lock" variant="outlined" disabled={Boolean(busy)} onClick={() => setDialog('lock')}>
            Lock account
          </GatedButton>
        )}
        {profile.passwordLock.locked === null && (
          <Typography variant="caption" color="text.secondary">
            Lock state: {NOT_PROVIDED} by the platform
          </Typography>
        )}
        {profile.passcodeLock.locked === true && (
          <GatedButton
            gate="liftLock"
            variant="outlined"
            disabled={Boolean(busy)}
            onClick={() => void run({ kind: 'liftLock', lock: 'passcode' }, 'Lifted the passcode lock.')}
          >
            Lift passcode lock
          </GatedButton>
        )}
        <GatedButton
          gate="deleteSessions"
          variant="outlined"
          disabled={Boolean(busy) || profile.sessions.length === 0}
          onClick={() => setDialog('deleteSessions')}
        >
          Delete all sessions
        </GatedButton>
        <GatedButton
          gate="download"
          variant="outlined"
          disabled={saving}
          onClick={(event) => setMenu({ anchor: event.currentTarget })}
        >
          Download account information
        </GatedButton>
        <Button variant="outlined" disabled={saving} onClick={() => setReportOpen(true)}>
          Export account report
        </Button>
        <GatedButton gate="deleteAccount" variant="outlined" color="error" onClick={() => setDialog('deleteAccount')}>
          Delete account
        </GatedButton>
        <GatedButton gate="impersonate" variant="outlined" onClick={() => setImpersonating(true)}>
          Sign in as customer
        </GatedButton>
      </Stack>
      <ImpersonateDialog open={impersonating} onClose={() => setImpersonating(false)} />
      <Divider sx={{ my: 2 }} />
      <SignInCheckPanel />
      {/* Below the actions, so they stay in view: the sign-in check already says an invitation is pending. */}
      <InvitationsList />
      <Menu anchorEl={menu?.anchor} open={Boolean(menu)} onClose={() => setMenu(null)}>
        {(['html', 'json'] as const).map((format) => (
          <MenuItem key={format} onClick={() => void download(format)}>
            {format.toUpperCase()}
          </MenuItem>
        ))}
      </Menu>
      {reportOpen && <ReportExportDialog onClose={() => setReportOpen(false)} />}
      <ConfirmDialog
        open={dialog === 'deleteSessions'}
        title="Delete all sessions?"
        confirmLabel="Delete sessions"
        destructive
        busy={Boolean(busy)}
        error={dialogError}
        onConfirm={() => void run({ kind: 'deleteSessions' }, 'Deleted every session.')}
        onClose={close}
      >
        The customer is signed out of {profile.sessions.length} session{profile.sessions.length === 1 ? '' : 's'} on
        every device.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'lock'}
        title="Lock the account?"
        confirmLabel="Lock"
        destructive
        busy={Boolean(busy)}
        error={dialogError}
        extra={<NotifyClientField value={notifyClient} onChange={setNotifyClient} />}
        onConfirm={() =>
          void run({ kind: 'lock', ...(notifyClient ? { notifyClientId: notifyClient } : {}) }, 'Locked the account.')
        }
        onClose={close}
      >
        The customer cannot sign in with a password until an agent lifts the lock.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'deleteAccount'}
        title="Delete this account?"
        confirmLabel="Delete account"
        destructive
        typeToConfirm={{ text: confirmation, label: 'Type the identifier to confirm' }}
        error={dialogError}
        onConfirm={(typed) => {
          deskside.profiles.deleteAccount({ ...target, confirmation: typed }).then(
            () => {
              close();
              onDeleted();
            },
            (error: unknown) => setDialogError(messageOf(error)),
          );
        }}
        onClose={close}
      >
        Deleting cannot be undone: the customer loses the account, its sessions and data. Type{' '}
        <strong>{confirmation}</strong> to confirm.
      </ConfirmDialog>
    </Box>
  );
}
