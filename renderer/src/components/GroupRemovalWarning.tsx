import { Alert } from '@mui/material';

/** Said wherever an agent removes group memberships. */
export function GroupRemovalWarning({ plural = false }: { plural?: boolean }) {
  return (
    <Alert severity="warning" sx={{ mt: 2 }}>
      Removing {plural ? 'accounts' : 'the account'} from a group can block {plural ? 'their' : 'its'} access to
      applications restricted to that group.
    </Alert>
  );
}
