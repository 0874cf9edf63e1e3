import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';

export const shortcuts: Array<[string, string]> = [
  ['Ctrl/Cmd + K', 'Command palette: find an account, rerun a saved search, switch store or connection'],
  ['/', 'Focus the quick search'],
  ['↑ ↓, Home, End', 'Move in the result list'],
  ['Shift + ↑ ↓', 'Extend the selection'],
  ['Space', 'Select or unselect the focused account'],
  ['Ctrl/Cmd + A', 'Select every account of the page'],
  ['Enter', 'Open the focused account'],
  ['Escape', 'Back from an account to the results'],
  [
    'Alt + 1 … 8',
    'In an account: attributes, activity, groups, roles, authenticators, sessions, verification, consents',
  ],
  ['?', 'This help'],
];

export function HelpOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="help-title">
      <DialogTitle id="help-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {shortcuts.map(([keys, action]) => (
              <TableRow key={keys}>
                <TableCell component="th" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {keys}
                </TableCell>
                <TableCell>{action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}
