import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { messageOf } from '../../lib/errors';
import { compactFilter } from '../search/quick-search';
import { useSearchStore } from '../search/search-store';
import { useCurrentStore } from '../identity-store/current-store';
import { useSavedSearchStore } from './saved-search-store';

/** Names the current search and keeps it (pinned to the sidebar by default). */
export function SaveSearchButton() {
  const store = useCurrentStore((state) => state.name);
  const filter = useSearchStore((state) => state.filter);
  const save = useSavedSearchStore((state) => state.save);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [pinned, setPinned] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!store) return;
    try {
      await save({ store, name, filter: compactFilter(filter), pinned });
      setOpen(false);
      setName('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <>
      <Button startIcon={<SaveIcon />} onClick={() => setOpen(true)} disabled={!store}>
        Save
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="save-search-title">
        <DialogTitle id="save-search-title">Save this search</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && name.trim()) void submit();
            }}
          />
          <FormControlLabel
            control={<Checkbox checked={pinned} onChange={(event) => setPinned(event.target.checked)} />}
            label="Pin to the sidebar"
          />
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" disabled={!name.trim()} onClick={() => void submit()}>
            Save search
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
