import { useEffect, useMemo, useState } from 'react';
import {
  AppBar,
  Alert,
  Box,
  CssBaseline,
  IconButton,
  MenuItem,
  TextField,
  ThemeProvider,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from '@mui/material';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlined';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { events } from '@shared/contracts';
import { parseAccountLink } from '@shared/domain/links';
import { deskside } from '../bridge';
import { AboutDialog } from '../features/about/AboutDialog';
import { useAboutStore } from '../features/about/about-store';
import { AccountView } from '../features/account/AccountView';
import { useAccountViewStore } from '../features/account/account-view-store';
import { ConnectionMenu } from '../features/connections/ConnectionMenu';
import { useConnectionStore } from '../features/connections/connection-store';
import { CommandPalette } from '../features/palette/CommandPalette';
import { HelpOverlay } from '../features/palette/HelpOverlay';
import { RecentList } from '../features/recent/RecentList';
import { useRecentStore } from '../features/recent/recent-store';
import { SavedSearchList } from '../features/saved-searches/SavedSearchList';
import { useSavedSearchStore } from '../features/saved-searches/saved-search-store';
import { ResultsPane } from '../features/search/ResultsPane';
import { SearchPanel } from '../features/search/SearchPanel';
import { useCurrentStore } from '../features/identity-store/current-store';
import { AppearanceMenu } from '../features/settings/AppearanceMenu';
import { useSettingsStore } from '../features/settings/settings-store';
import { buildTheme } from '../theme';
import { ErrorBoundary } from './ErrorBoundary';
import { OfflineBanner } from './OfflineBanner';
import { StatusBar } from './StatusBar';

const SIDE_WIDTH = 340;

/** Global keys: Ctrl/Cmd+K for the palette, ? for help, / for the quick search, Escape back to the results. */
function useShortcuts(actions: { palette: () => void; help: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement &&
        (['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName) || event.target.isContentEditable);
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        actions.palette();
      } else if (!typing && event.key === '?') {
        actions.help();
      } else if (!typing && event.key === '/') {
        event.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="quick-search"]')?.focus();
      } else if (!typing && event.key === 'Escape' && useAccountViewStore.getState().target) {
        useAccountViewStore.getState().close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}

export function App() {
  const settings = useSettingsStore((state) => state.settings);
  const loadSettings = useSettingsStore((state) => state.load);
  const loadInfo = useAboutStore((state) => state.load);
  const openAbout = useAboutStore((state) => state.setOpen);
  const status = useConnectionStore((state) => state.status);
  const loadConnections = useConnectionStore((state) => state.load);
  const connectionError = useConnectionStore((state) => state.error);
  const stores = useCurrentStore((state) => state.stores);
  const store = useCurrentStore((state) => state.name);
  const setStore = useCurrentStore((state) => state.choose);
  const loadStores = useCurrentStore((state) => state.load);
  const loadSaved = useSavedSearchStore((state) => state.load);
  const loadRecent = useRecentStore((state) => state.load);
  const viewing = useAccountViewStore((state) => state.target);
  const openAccount = useAccountViewStore((state) => state.open);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const [palette, setPalette] = useState(false);
  // While an account is open the search panel folds into a rail, so the account view has the width (every tab in
  // view at 1280 px); the rail's button unfolds it.
  const viewingKey = viewing ? `${viewing.store}/${viewing.accountId}` : null;
  const [unfoldedFor, setUnfoldedFor] = useState<string | null>(null);
  const navCollapsed = viewingKey !== null && unfoldedFor !== viewingKey;
  const [help, setHelp] = useState(false);
  const activeId = status?.active?.id;

  useEffect(() => {
    void loadSettings();
    void loadInfo();
    void loadConnections();
  }, [loadSettings, loadInfo, loadConnections]);

  // Everything that belongs to a connection reloads when the connection changes.
  useEffect(() => {
    if (!activeId) return;
    void loadStores();
    void loadSaved();
    void loadRecent();
  }, [activeId, loadStores, loadSaved, loadRecent]);

  // The store switcher follows the account that is open (one opened from a link may be of another store).
  const viewingStore = viewing?.store;
  useEffect(() => {
    if (viewingStore && stores.some((candidate) => candidate.name === viewingStore)) void setStore(viewingStore);
  }, [viewingStore, stores, setStore]);

  // Links from a ticket system: deskside://account/<store>/<id> in the desktop app, /account/<store>/<id> here.
  useEffect(() => {
    const target = parseAccountLink(window.location.pathname);
    if (target) void openAccount(target.store, target.accountId);
    return deskside.on(events.openAccount, ({ store: linkStore, accountId }) => void openAccount(linkStore, accountId));
  }, [openAccount]);

  const shortcutActions = useMemo(() => ({ palette: () => setPalette(true), help: () => setHelp(true) }), []);
  useShortcuts(shortcutActions);

  const preference = settings?.theme ?? 'system';
  const mode = preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference;
  const theme = useMemo(() => buildTheme(mode, settings?.density ?? 'comfortable'), [mode, settings?.density]);
  const production = status?.active?.environment === 'production';

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }} data-theme-mode={mode}>
        <AppBar
          position="static"
          elevation={0}
          enableColorOnDark
          color={production ? 'error' : 'primary'}
          data-environment={status?.active?.environment ?? 'none'}
        >
          <Toolbar variant="dense" sx={{ gap: 1 }}>
            <Typography variant="h6" component="h1" sx={{ fontWeight: 700 }}>
              Deskside
            </Typography>
            {production && <Typography sx={{ fontWeight: 700, letterSpacing: 1 }}>PRODUCTION</Typography>}
            <ConnectionMenu />
            <Box sx={{ flexGrow: 1 }} />
            <Tooltip title="Command palette (Ctrl/Cmd+K)">
              <IconButton color="inherit" aria-label="Command palette" onClick={() => setPalette(true)}>
                <KeyboardIcon />
              </IconButton>
            </Tooltip>
            <Tooltip title="Keyboard shortcuts (?)">
              <IconButton color="inherit" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
                <HelpOutlineIcon />
              </IconButton>
            </Tooltip>
            <AppearanceMenu />
            <Tooltip title="About Deskside">
              <IconButton color="inherit" aria-label="About Deskside" onClick={() => openAbout(true)}>
                <InfoOutlinedIcon />
              </IconButton>
            </Tooltip>
          </Toolbar>
        </AppBar>
        <OfflineBanner />
        {connectionError && <Alert severity="error">{connectionError}</Alert>}
        <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
          {navCollapsed && (
            <Box sx={{ width: 48, flexShrink: 0, borderRight: 1, borderColor: 'divider', pt: 1, textAlign: 'center' }}>
              <Tooltip title="Show the search panel" placement="right">
                <IconButton aria-label="Show the search panel" onClick={() => setUnfoldedFor(viewingKey)}>
                  <ManageSearchIcon />
                </IconButton>
              </Tooltip>
            </Box>
          )}
          <Box
            component="nav"
            aria-label="Sections"
            sx={{
              display: navCollapsed ? 'none' : 'block',
              width: SIDE_WIDTH,
              flexShrink: 0,
              borderRight: 1,
              borderColor: 'divider',
              overflow: 'auto',
              p: 2,
              bgcolor: 'background.paper',
            }}
          >
            <TextField
              select
              fullWidth
              size="small"
              label="Identity store"
              value={store ?? ''}
              onChange={(event) => void setStore(event.target.value)}
              sx={{ mb: 2 }}
              slotProps={{ htmlInput: { 'aria-label': 'Identity store' } }}
            >
              {stores.map((candidate) => (
                <MenuItem key={candidate.name} value={candidate.name}>
                  {candidate.name}
                </MenuItem>
              ))}
            </TextField>
            <ErrorBoundary area="the search panel">
              <SearchPanel />
            </ErrorBoundary>
            <SavedSearchList />
            <RecentList />
          </Box>
          <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
            <ErrorBoundary area="this view">
              {viewing ? (
                <AccountView />
              ) : (
                <ResultsPane onOpen={(account) => void openAccount(account.store, account.id)} />
              )}
            </ErrorBoundary>
          </Box>
        </Box>
        <StatusBar />
      </Box>
      <AboutDialog />
      <CommandPalette open={palette} onClose={() => setPalette(false)} />
      <HelpOverlay open={help} onClose={() => setHelp(false)} />
    </ThemeProvider>
  );
}
