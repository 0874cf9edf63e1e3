import { IconButton, List, ListItemButton, ListItemText, ListSubheader, Tooltip } from '@mui/material';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { ago } from '../../lib/format';
import { useSavedSearchStore } from './saved-search-store';

/** Pinned saved searches in the sidebar: one click reruns them. */
export function SavedSearchList() {
  const searches = useSavedSearchStore((state) => state.searches);
  const rerun = useSavedSearchStore((state) => state.rerun);
  const remove = useSavedSearchStore((state) => state.remove);
  const pinned = searches.filter((search) => search.pinned);
  return (
    <List dense subheader={<ListSubheader>Saved searches</ListSubheader>} aria-label="Saved searches">
      {pinned.length === 0 && <ListItemText sx={{ px: 2 }} secondary="Save a search to pin it here." />}
      {pinned.map((search) => (
        <ListItemButton key={search.id} onClick={() => void rerun(search)}>
          <ListItemText
            primary={search.name}
            secondary={`${search.store}${search.lastRunAt ? ` · ran ${ago(search.lastRunAt)}` : ''}`}
          />
          <Tooltip title="Delete this saved search">
            <IconButton
              size="small"
              edge="end"
              aria-label={`Delete saved search ${search.name}`}
              onClick={(event) => {
                event.stopPropagation();
                void remove(search.id);
              }}
            >
              <DeleteOutlinedIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </ListItemButton>
      ))}
    </List>
  );
}
