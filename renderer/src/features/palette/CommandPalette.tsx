import { useMemo, useState } from 'react';
import { Dialog, DialogContent, List, ListItemButton, ListItemText, ListSubheader, TextField } from '@mui/material';
import { deskside } from '../../bridge';
import { useAccountViewStore } from '../account/account-view-store';
import { useConnectionStore } from '../connections/connection-store';
import { useRecentStore } from '../recent/recent-store';
import { useSavedSearchStore } from '../saved-searches/saved-search-store';
import { guessFilter } from '../search/quick-search';
import { useSearchStore } from '../search/search-store';
import { useCurrentStore } from '../identity-store/current-store';

interface Command {
  group: string;
  label: string;
  detail?: string;
  run: () => void | Promise<void>;
}

/** Ctrl/Cmd+K: jump to an account by any identifier, rerun a saved search, switch store or connection. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const stores = useCurrentStore((state) => state.stores);
  const store = useCurrentStore((state) => state.name);
  const setStore = useCurrentStore((state) => state.choose);
  const searches = useSavedSearchStore((state) => state.searches);
  const rerun = useSavedSearchStore((state) => state.rerun);
  const connections = useConnectionStore((state) => state.connections);
  const activate = useConnectionStore((state) => state.activate);
  const recent = useRecentStore((state) => state.recent);
  const openAccount = useAccountViewStore((state) => state.open);

  const commands = useMemo<Command[]>(() => {
    const text = query.trim().toLowerCase();
    const matches = (value: string) => !text || value.toLowerCase().includes(text);
    const list: Command[] = [];
    const guess = guessFilter(query);
    if (guess && store) {
      list.push({
        group: 'Find account',
        label: `Find "${query.trim()}" in ${store}`,
        detail: `by ${guess.kind}`,
        run: async () => {
          const page = await deskside.accounts.search({ store, filter: guess.filter, page: 0, size: 2 });
          if (page.items.length === 1) await openAccount(store, page.items[0]!.id);
          else {
            await useSearchStore.getState().showResults(page, { store, filter: guess.filter });
            await useSearchStore.getState().run(0);
          }
        },
      });
    }
    for (const entry of recent) {
      if (matches(`${entry.account.displayName} ${entry.account.email ?? ''} ${entry.account.username ?? ''}`)) {
        list.push({
          group: 'Recent accounts',
          label: entry.account.displayName,
          detail: entry.account.email ?? entry.account.id,
          run: () => openAccount(entry.account.store, entry.account.id),
        });
      }
    }
    for (const search of searches)
      if (matches(search.name))
        list.push({ group: 'Saved searches', label: search.name, detail: search.store, run: () => rerun(search) });
    for (const candidate of stores)
      if (matches(candidate.name))
        list.push({
          group: 'Identity stores',
          label: `Switch to ${candidate.name}`,
          run: () => setStore(candidate.name),
        });
    for (const connection of connections)
      if (matches(connection.name))
        list.push({
          group: 'Connections',
          label: `Connect to ${connection.name}`,
          detail: connection.environment,
          run: () => activate(connection.id),
        });
    return list.slice(0, 30);
  }, [query, store, recent, searches, stores, connections, openAccount, rerun, setStore, activate]);

  const choose = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    void command.run();
  };
  let lastGroup = '';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-label="Command palette"
      slotProps={{
        transition: {
          // Start empty next time.
          onExited: () => {
            setQuery('');
            setActive(0);
          },
        },
      }}
    >
      <DialogContent sx={{ p: 1 }}>
        <TextField
          autoFocus
          fullWidth
          placeholder="Find an account, a saved search, a store or a connection"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((index) => Math.min(commands.length - 1, index + 1));
            else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1));
            else if (event.key === 'Enter') choose(commands[active]);
            else return;
            event.preventDefault();
          }}
          slotProps={{ htmlInput: { 'aria-label': 'Command' } }}
        />
        <List dense role="listbox">
          {commands.map((command, index) => {
            const header =
              command.group !== lastGroup ? (
                <ListSubheader key={`h-${command.group}`}>{command.group}</ListSubheader>
              ) : null;
            lastGroup = command.group;
            return [
              header,
              <ListItemButton
                key={`${command.group}-${command.label}-${index}`}
                selected={index === active}
                onClick={() => choose(command)}
                role="option"
              >
                <ListItemText primary={command.label} secondary={command.detail} />
              </ListItemButton>,
            ];
          })}
        </List>
      </DialogContent>
    </Dialog>
  );
}
