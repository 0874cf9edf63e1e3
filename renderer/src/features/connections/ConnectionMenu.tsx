import { useState } from 'react';
import { Button, Chip, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useConnectionStore } from './connection-store';
import { ConnectionsDialog } from './ConnectionsDialog';

/** The active connection with its environment, a switcher, and the way to manage connections. */
export function ConnectionMenu() {
  const status = useConnectionStore((state) => state.status);
  const connections = useConnectionStore((state) => state.connections);
  const activate = useConnectionStore((state) => state.activate);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [managing, setManaging] = useState(false);
  const active = status?.active;
  return (
    <>
      <Button
        color="inherit"
        onClick={(event) => setAnchor(event.currentTarget)}
        endIcon={<ExpandMoreIcon />}
        aria-label="Connection"
        sx={{ textTransform: 'none' }}
      >
        {active ? active.name : 'Connecting…'}
        {active && (
          <Chip
            size="small"
            label={active.environment}
            sx={{ ml: 1, bgcolor: 'rgba(255,255,255,0.2)', color: 'inherit' }}
            data-testid="environment"
          />
        )}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {connections.map((connection) => (
          <MenuItem
            key={connection.id}
            selected={connection.id === active?.id}
            onClick={() => {
              setAnchor(null);
              void activate(connection.id);
            }}
          >
            <ListItemText
              primary={connection.name}
              secondary={
                connection.embedded
                  ? 'Sandbox Deskside runs itself'
                  : `${connection.environment} · ${connection.baseUrl}`
              }
            />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setManaging(true);
          }}
        >
          Manage connections…
        </MenuItem>
      </Menu>
      <ConnectionsDialog open={managing} onClose={() => setManaging(false)} />
    </>
  );
}
