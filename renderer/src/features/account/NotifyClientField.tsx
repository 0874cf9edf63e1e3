import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
import { notificationReach, type NotificationReach } from '@shared/domain/account';
import type { NotificationOption } from '@shared/domain/profile';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { organizationName } from '../../lib/names';
import { useAccountViewStore } from './account-view-store';

/**
 * "Notify the customer through": the clients the platform's rules allow for this account (organizational
 * applications for an organization's members, the others for everyone else), and the branding and policy
 * that will apply to the message.
 */
/** How the platform can reach the open account's customer (verified email, else verified phone, else not at all). */
export function useNotificationReach(): NotificationReach | null {
  const summary = useAccountViewStore((state) => state.loaded?.profile.summary);
  return useMemo(() => (summary ? notificationReach(summary) : null), [summary]);
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function NotifyClientField(props: { required?: boolean; value: string; onChange(clientId: string): void }) {
  const target = useAccountViewStore((state) => state.target);
  const reach = useNotificationReach();
  const unreachable = reach?.channel === null;
  const organization = useAccountViewStore((state) => {
    const id = state.loaded?.profile.summary.organization;
    return id ? organizationName(state.loaded!.catalog.organizations, id) : null;
  });
  const [options, setOptions] = useState<NotificationOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { onChange, required } = props;

  useEffect(() => {
    if (!target) return;
    let live = true;
    deskside.profiles.notificationOptions(target).then(
      (loaded) => {
        if (!live) return;
        setOptions(loaded);
        if (required && loaded.length === 1) onChange(loaded[0]!.clientId);
      },
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [target, required, onChange]);

  // A customer the platform cannot write to is not offered a notification (the platform would refuse the change).
  useEffect(() => {
    if (unreachable && props.value) onChange('');
  }, [unreachable, props.value, onChange]);

  const chosen = options?.find((option) => option.clientId === props.value);
  return (
    <Box sx={{ mt: 2 }}>
      {error && <Alert severity="error">{error}</Alert>}
      {reach?.channel === null && (
        <Alert severity="error" data-testid="notification-reach">
          {reach.why}
          {!props.required && ' The change can still be made without notifying the customer.'}
        </Alert>
      )}
      {reach?.channel === 'sms' && (
        <Alert severity="warning" data-testid="notification-reach">
          {sentence(reach.why)}.
        </Alert>
      )}
      <TextField
        select
        fullWidth
        margin="dense"
        label="Notify the customer through"
        required={props.required}
        value={props.value}
        disabled={!options || unreachable}
        onChange={(event) => props.onChange(event.target.value)}
        helperText={
          organization
            ? `The account belongs to ${organization}: only clients of organizational applications can notify it.`
            : 'The account belongs to no organization: only clients of non-organizational applications can notify it.'
        }
      >
        {(!props.required || unreachable) && <MenuItem value="">Do not notify the customer</MenuItem>}
        {(options ?? []).map((option) => (
          <MenuItem key={option.clientId} value={option.clientId}>
            {option.clientName} ({option.applicationName})
          </MenuItem>
        ))}
      </TextField>
      {options && options.length === 0 && (
        <Alert severity="warning">No application client may notify this account.</Alert>
      )}
      {chosen && reach?.channel === 'email' && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Sent by email to <strong>{reach.target}</strong>.
        </Typography>
      )}
      {chosen && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="notification-rule">
          Branding: <strong>{chosen.brandName ?? 'platform default'}</strong> · Notification policy:{' '}
          <strong>{chosen.policyName ?? 'platform default'}</strong> (
          {chosen.policySource === 'organization'
            ? `the ${organization} organization's override`
            : organization
              ? // A member's organization without an override of its own: say so, rather than pass the
                // application's policies off as the organization's.
                `no ${organization} organization policy: the ${chosen.applicationName} application's own applies`
              : `the ${chosen.applicationName} application's`}
          )
        </Typography>
      )}
    </Box>
  );
}
