import { List, ListItemButton, ListItemText, ListSubheader } from '@mui/material';
import { ago } from '../../lib/format';
import { useAccountViewStore } from '../account/account-view-store';
import { useRecentStore } from './recent-store';

/** The last opened accounts, one click away, also offline. */
export function RecentList() {
  const recent = useRecentStore((state) => state.recent);
  const open = useAccountViewStore((state) => state.open);
  return (
    <List dense subheader={<ListSubheader>Recent accounts</ListSubheader>} aria-label="Recent accounts">
      {recent.length === 0 && <ListItemText sx={{ px: 2 }} secondary="Accounts you open appear here." />}
      {recent.slice(0, 10).map((entry) => (
        <ListItemButton
          key={`${entry.account.store}/${entry.account.id}`}
          onClick={() => void open(entry.account.store, entry.account.id)}
        >
          <ListItemText
            primary={entry.account.displayName}
            secondary={`${entry.account.email ?? entry.account.username ?? entry.account.id} · ${ago(entry.openedAt)}`}
          />
        </ListItemButton>
      ))}
    </List>
  );
}
