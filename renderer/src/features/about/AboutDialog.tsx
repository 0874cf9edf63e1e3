import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useAboutStore } from './about-store';

export function AboutDialog() {
  const open = useAboutStore((state) => state.open);
  const info = useAboutStore((state) => state.info);
  const error = useAboutStore((state) => state.error);
  const setOpen = useAboutStore((state) => state.setOpen);
  const rows: Array<[string, string]> = info
    ? [
        ['Version', info.version],
        ['Host', info.host === 'electron' ? 'Desktop app' : 'Web host'],
        ['Platform', info.platform],
        ['Data folder', info.dataDir],
        ['Node.js', info.versions.node],
        ...(info.versions.electron ? ([['Electron', info.versions.electron]] as Array<[string, string]>) : []),
      ]
    : [];
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="about-title" maxWidth="sm" fullWidth>
      <DialogTitle id="about-title">About {info?.name ?? 'Deskside'}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          A support console for help desk agents who manage customer identity accounts.
        </Typography>
        {error && <Typography color="error">Could not read the app information: {error}</Typography>}
        <Table size="small" aria-label="Application information">
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, width: 140 }}>
                  {label}
                </TableCell>
                <TableCell
                  data-testid={`about-${label.toLowerCase().replace(/\W+/g, '-')}`}
                  sx={{ wordBreak: 'break-all' }}
                >
                  {value}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
