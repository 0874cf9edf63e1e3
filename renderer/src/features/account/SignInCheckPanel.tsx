import { useMemo } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { signInCheck, type SignInVerdict } from '@shared/domain/sign-in-check';
import { dateTime, shortDate } from '../../lib/format';
import { useAccountViewStore } from './account-view-store';
import { GatedButton } from './gate';

const format = { day: shortDate, time: dateTime };

/**
 * "Why can't this customer sign in?": the sign-in check's verdicts, blockers first, each with the one action
 * that fixes it (gated like every action). A healthy account gets one line.
 */
export function SignInCheckPanel() {
  const loaded = useAccountViewStore((state) => state.loaded)!;
  const act = useAccountViewStore((state) => state.act);
  const request = useAccountViewStore((state) => state.request);
  const busy = useAccountViewStore((state) => state.busy);
  const check = useMemo(
    () =>
      signInCheck({
        profile: loaded.profile,
        lastFailureReason: loaded.lastFailureReason,
        format,
        now: Date.parse(loaded.fetchedAt),
      }),
    [loaded],
  );
  const fix = (verdict: SignInVerdict) => {
    const { fix: remedy } = verdict;
    if (!remedy) return;
    if (remedy.run) void act(remedy.run, `${remedy.label}: done.`);
    else if (remedy.action === 'sendPasswordReset') request('passwordReset');
    else if (remedy.action === 'addAuthenticator') request('addAuthenticator');
    else if (remedy.action === 'changeIdentifier') request('confirmEmail');
  };
  return (
    <Box component="section" aria-label="Sign-in check" sx={{ mb: 2 }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        Can the customer sign in?
      </Typography>
      {check.healthy ? (
        <Alert severity="success" data-testid="sign-in-healthy">
          {check.healthy}
        </Alert>
      ) : (
        <Stack spacing={0.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {check.verdicts.map((verdict) => (
            <Alert
              key={verdict.rule}
              component="li"
              severity={verdict.severity === 'blocks' ? 'error' : 'warning'}
              data-rule={verdict.rule}
              action={
                verdict.fix && (
                  <GatedButton
                    gate={verdict.fix.action}
                    size="small"
                    color="inherit"
                    disabled={Boolean(busy)}
                    onClick={() => fix(verdict)}
                  >
                    {verdict.fix.label}
                  </GatedButton>
                )
              }
            >
              {verdict.text}
            </Alert>
          ))}
        </Stack>
      )}
    </Box>
  );
}
