import { useEffect, useState } from 'react';
import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
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
export function NotifyClientField(props: { required?: boolean; value: string; onChange(clientId: string): void }) {
  const target = useAccountViewStore((state) => state.target);
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

  const chosen = options?.find((option) => option.clientId === props.value);
  return (
    <Box sx={{ mt: 2 }}>
      {error && <Alert severity="error">{error}</Alert>}
      <TextField
        select
        fullWidth
        margin="dense"
        label="Notify the customer through"
        required={props.required}
        value={props.value}
        disabled={!options}
        onChange={(event) => props.onChange(event.target.value)}
        helperText={
          organization
            ? `The account belongs to ${organization}: only clients of organizational applications can notify it.`
            : 'The account belongs to no organization: only clients of non-organizational applications can notify it.'
        }
      >
        {!props.required && <MenuItem value="">Do not notify the customer</MenuItem>}
        {(options ?? []).map((option) => (
          <MenuItem key={option.clientId} value={option.clientId}>
            {option.clientName} ({option.applicationName})
          </MenuItem>
        ))}
      </TextField>
      {options && options.length === 0 && (
        <Alert severity="warning">No application client may notify this account.</Alert>
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
