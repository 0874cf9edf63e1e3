import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Irreversible actions: the agent must type this text before the confirm button works. */
  typeToConfirm?: { text: string; label: string };
  destructive?: boolean;
  /** Shown under the text, e.g. why the last attempt failed. */
  error?: string | null;
  busy?: boolean;
  /** Extra fields (a notification client, a policy). */
  extra?: ReactNode;
  confirmDisabled?: boolean;
  onConfirm(typed: string): void;
  onClose(): void;
}

/** One confirmation for every irreversible or customer-visible action, with an optional typed check. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = `confirm-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      {/* The body unmounts with the closed dialog, so the typed text starts empty each time. */}
      <ConfirmBody {...props} />
    </Dialog>
  );
}

function ConfirmBody(props: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const matches = !props.typeToConfirm || typed.trim() === props.typeToConfirm.text;
  return (
    <>
      <DialogContent>
        <DialogContentText component="div">{props.children}</DialogContentText>
        {props.extra}
        {props.typeToConfirm && (
          <TextField
            autoFocus
            margin="dense"
            fullWidth
            label={props.typeToConfirm.label}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && matches && !props.confirmDisabled) props.onConfirm(typed);
            }}
          />
        )}
        {props.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {props.error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          variant="contained"
          color={props.destructive ? 'error' : 'primary'}
          disabled={!matches || props.busy || props.confirmDisabled}
          onClick={() => props.onConfirm(typed)}
          autoFocus={!props.typeToConfirm}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </>
  );
}
