import { useEffect, useMemo, useState } from 'react';
import {
  AppBar,
  Box,
  CssBaseline,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ThemeProvider,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from '@mui/material';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import { AboutDialog } from '../features/about/AboutDialog';
import { useAboutStore } from '../features/about/about-store';
import { AppearanceMenu } from '../features/settings/AppearanceMenu';
import { useSettingsStore } from '../features/settings/settings-store';
import { buildTheme } from '../theme';
import { ErrorBoundary } from './ErrorBoundary';
import { StatusBar } from './StatusBar';

const NAV_WIDTH = 232;

type Section = 'accounts';

export function App() {
  const settings = useSettingsStore((state) => state.settings);
  const loadSettings = useSettingsStore((state) => state.load);
  const loadInfo = useAboutStore((state) => state.load);
  const openAbout = useAboutStore((state) => state.setOpen);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const [section, setSection] = useState<Section>('accounts');

  useEffect(() => {
    void loadSettings();
    void loadInfo();
  }, [loadSettings, loadInfo]);

  const preference = settings?.theme ?? 'system';
  const mode = preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference;
  const theme = useMemo(() => buildTheme(mode, settings?.density ?? 'comfortable'), [mode, settings?.density]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }} data-theme-mode={mode}>
        <AppBar position="static" elevation={0} enableColorOnDark>
          <Toolbar variant="dense" sx={{ gap: 1 }}>
            <Typography variant="h6" component="h1" sx={{ fontWeight: 700, flexGrow: 1 }}>
              Deskside
            </Typography>
            <AppearanceMenu />
            <Tooltip title="About Deskside">
              <IconButton color="inherit" aria-label="About Deskside" onClick={() => openAbout(true)}>
                <InfoOutlinedIcon />
              </IconButton>
            </Tooltip>
          </Toolbar>
        </AppBar>
        <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <Drawer
            variant="permanent"
            component="nav"
            aria-label="Sections"
            sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, position: 'relative' } }}
          >
            <List>
              <ListItemButton selected={section === 'accounts'} onClick={() => setSection('accounts')}>
                <ListItemIcon>
                  <PeopleAltOutlinedIcon />
                </ListItemIcon>
                <ListItemText primary="Accounts" />
              </ListItemButton>
            </List>
          </Drawer>
          <Box component="main" sx={{ flex: 1, minWidth: 0, overflow: 'auto', p: 3 }}>
            <ErrorBoundary area="this section">
              <Typography variant="h5" component="h2" gutterBottom>
                Accounts
              </Typography>
              <Typography color="text.secondary">
                Find a customer&apos;s account in an identity store, see it at a glance and fix what blocks them.
              </Typography>
            </ErrorBoundary>
          </Box>
        </Box>
        <StatusBar />
      </Box>
      <AboutDialog />
    </ThemeProvider>
  );
}
