import { useState } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import type { Invitation } from '@shared/domain/profile';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { shortDate } from '../../lib/format';
import { useAccountViewStore } from './account-view-store';
import { GatedButton } from './gate';
import { useChange } from './use-change';

/**
 * The account's invitations not accepted yet: when each was sent and through which application client, until when
 * its link works; resend one (through the same client: the platform's resend takes no other) or revoke it.
 */
export function InvitationsList() {
  const invitations = useAccountViewStore((state) => state.loaded!.profile.invitations);
  const fetchedAt = useAccountViewStore((state) => state.loaded!.fetchedAt);
  const change = useChange();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  if (invitations.length === 0) return null;
  const now = Date.parse(fetchedAt);
  return (
    <Box component="section" aria-label="Invitations" sx={{ mb: 1 }}>
      {invitations.map((invitation) => {
        const expired = invitation.validUntil !== null && Date.parse(invitation.validUntil) <= now;
        return (
          <Alert
            key={invitation.id}
            severity={expired ? 'warning' : 'info'}
            data-invitation={invitation.id}
            sx={{ mb: 0.5, '& .MuiAlert-message': { minWidth: 0 } }}
          >
            <Typography variant="body2">
              Invitation to {invitation.email}
              {invitation.sentAt && `, sent ${shortDate(invitation.sentAt)}`}
              {invitation.clientName && ` through ${invitation.clientName}`}
            </Typography>
            <Typography variant="body2" data-testid="invitation-validity">
              {invitation.validUntil
                ? expired
                  ? `Expired ${shortDate(invitation.validUntil)}, not accepted`
                  : `Not accepted yet; the link works until ${shortDate(invitation.validUntil)}`
                : 'Not accepted yet'}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
              <GatedButton
                gate="resendInvitation"
                size="small"
                variant="outlined"
                disabled={change.busy}
                title={invitation.clientName ? `Sent again through ${invitation.clientName}` : undefined}
                onClick={() =>
                  void change.run(
                    { kind: 'resendInvitation', invitationId: invitation.id },
                    `Sent the invitation to ${invitation.email} again.`,
                  )
                }
              >
                Resend
              </GatedButton>
              <GatedButton
                gate="revokeInvitation"
                size="small"
                color="error"
                disabled={change.busy}
                onClick={() => {
                  change.reset();
                  setRevoking(invitation);
                }}
              >
                Revoke
              </GatedButton>
            </Stack>
          </Alert>
        );
      })}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke the invitation?"
        confirmLabel="Revoke"
        destructive
        busy={change.busy}
        error={change.error}
        onConfirm={() =>
          revoking &&
          void change
            .run(
              { kind: 'revokeInvitation', invitationId: revoking.id },
              `Revoked the invitation to ${revoking.email}.`,
            )
            .then((ok) => ok && setRevoking(null))
        }
        onClose={() => setRevoking(null)}
      >
        The link sent to <strong>{revoking?.email}</strong> stops working. The account stays; invite again to give the
        customer a new link.
      </ConfirmDialog>
    </Box>
  );
}
