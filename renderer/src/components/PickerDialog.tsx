import { useState, type ReactNode } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  ListItemText,
  TextField,
} from '@mui/material';

export interface PickerDialogProps<T> {
  open: boolean;
  title: string;
  label: string;
  options: T[];
  getLabel(option: T): string;
  /** A line under each option and under the chosen one (what choosing it means). */
  getDescription?(option: T): string;
  confirmLabel: string;
  /** Below the field: a warning, or more fields. */
  children?: ReactNode;
  confirmDisabled?: boolean;
  error?: string | null;
  onConfirm(option: T): void;
  onClose(): void;
}

/** Choose one item of a searchable list (a group, a role, a policy), then confirm. */
export function PickerDialog<T>(props: PickerDialogProps<T>) {
  const titleId = `picker-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      {/* The body unmounts with the closed dialog, so each opening starts with nothing chosen. */}
      <PickerBody {...props} />
    </Dialog>
  );
}

function PickerBody<T>(props: PickerDialogProps<T>) {
  const [value, setValue] = useState<T | null>(null);
  return (
    <>
      <DialogContent>
        <Autocomplete
          autoHighlight
          options={props.options}
          getOptionLabel={props.getLabel}
          value={value}
          onChange={(_event, next) => setValue(next)}
          renderOption={
            props.getDescription
              ? ({ key, ...optionProps }, option) => (
                  <li key={key} {...optionProps}>
                    <ListItemText primary={props.getLabel(option)} secondary={props.getDescription!(option)} />
                  </li>
                )
              : undefined
          }
          renderInput={(params) => (
            <TextField
              {...params}
              autoFocus
              margin="dense"
              label={props.label}
              helperText={value !== null && props.getDescription ? props.getDescription(value) : undefined}
            />
          )}
        />
        {props.children}
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
          disabled={value === null || props.confirmDisabled}
          onClick={() => value !== null && props.onConfirm(value)}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </>
  );
}
