import { useEffect, useState, type ComponentType } from 'react';
import { Alert, Box, Button, IconButton, LinearProgress, Snackbar, Stack, Tab, Tabs, Tooltip } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import RefreshIcon from '@mui/icons-material/Refresh';
import { accountLink } from '@shared/domain/links';
import { ago, dateTime } from '../../lib/format';
import { useSearchStore } from '../search/search-store';
import { profileTabs, useAccountViewStore, type ProfileTab } from './account-view-store';
import { OverviewPanel } from './OverviewPanel';
import { ActivityTab } from './tabs/ActivityTab';
import { AttributesTab } from './tabs/AttributesTab';
import { AuthenticatorsTab } from './tabs/AuthenticatorsTab';
import { ConsentsTab } from './tabs/ConsentsTab';
import { GroupsTab } from './tabs/GroupsTab';
import { RolesTab } from './tabs/RolesTab';
import { SessionsTab } from './tabs/SessionsTab';
import { VerificationTab } from './tabs/VerificationTab';

const tabs: Record<ProfileTab, { label: string; view: ComponentType }> = {
  attributes: { label: 'Attributes', view: AttributesTab },
  activity: { label: 'Activity', view: ActivityTab },
  groups: { label: 'Groups', view: GroupsTab },
  roles: { label: 'Roles', view: RolesTab },
  authenticators: { label: 'Authenticators', view: AuthenticatorsTab },
  sessions: { label: 'Sessions', view: SessionsTab },
  verification: { label: 'Verification', view: VerificationTab },
  consents: { label: 'Consents', view: ConsentsTab },
};

/** Alt+1 … Alt+8 switch tabs from anywhere in the account view. */
function useTabKeys(setTab: (tab: ProfileTab) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // By the key's place, not its character: on a Mac, Option+3 types "£" (or "#"), not "3".
      const digit = /^(?:Digit|Numpad)([1-8])$/.exec(event.code)?.[1];
      if (!digit) return;
      const index = Number(digit) - 1;
      const tab = profileTabs[index];
      if (tab) {
        event.preventDefault();
        setTab(tab);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setTab]);
}

/**
 * One account: the overview panel stays in sight while the eight tabs change beside it. When the data comes from
 * the cache, its age is shown and every action is disabled.
 */
export function AccountView() {
  const target = useAccountViewStore((state) => state.target);
  const loaded = useAccountViewStore((state) => state.loaded);
  const loading = useAccountViewStore((state) => state.loading);
  const error = useAccountViewStore((state) => state.error);
  const tab = useAccountViewStore((state) => state.tab);
  const setTab = useAccountViewStore((state) => state.setTab);
  const notice = useAccountViewStore((state) => state.notice);
  const dismissNotice = useAccountViewStore((state) => state.dismissNotice);
  const refresh = useAccountViewStore((state) => state.refresh);
  const close = useAccountViewStore((state) => state.close);
  const rerunSearch = useSearchStore((state) => state.run);
  const page = useSearchStore((state) => state.page);
  const [copied, setCopied] = useState<string | null>(null);
  useTabKeys(setTab);
  if (!target) return null;
  const copy = (label: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(label),
      () => setCopied(null),
    );
  };
  const View = tabs[tab].view;
  const mismatch =
    loaded && (loaded.profile.summary.id !== target.accountId || loaded.profile.summary.store !== target.store);
  return (
    <Box
      sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column', minHeight: 0 }}
      component="section"
      aria-label="Account"
    >
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <Button onClick={close}>← Results</Button>
        <Box sx={{ flex: 1 }} />
        <Tooltip title="Copy a deskside:// link to this account" describeChild>
          <Button
            startIcon={<ContentCopyIcon />}
            onClick={() => copy('link', accountLink(target.store, target.accountId))}
          >
            Copy link
          </Button>
        </Tooltip>
        <Tooltip title="Refresh">
          <IconButton aria-label="Refresh" onClick={() => void refresh()}>
            <RefreshIcon />
          </IconButton>
        </Tooltip>
      </Stack>
      {loading && <LinearProgress aria-label="Loading the account" />}
      {error && (
        <Alert severity="error" action={<Button onClick={() => void refresh()}>Retry</Button>}>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity={notice.severity} onClose={dismissNotice} sx={{ mb: 1 }} data-testid="account-notice">
          {notice.text}
        </Alert>
      )}
      {loaded && !mismatch && (
        <>
          {loaded.source === 'cache' && (
            <Alert severity="warning" sx={{ mb: 1 }} data-testid="account-age">
              Offline: this is the cached copy from {ago(loaded.fetchedAt)} ({dateTime(loaded.fetchedAt)}). Actions are
              disabled.
            </Alert>
          )}
          <Box sx={{ display: 'flex', flex: 1, minHeight: 0, gap: 2 }}>
            <OverviewPanel
              onCopy={copy}
              onDeleted={() => {
                close();
                void rerunSearch(page);
              }}
            />
            <Box sx={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
              <Tabs
                value={tab}
                onChange={(_event, next: ProfileTab) => setTab(next)}
                variant="scrollable"
                scrollButtons="auto"
                aria-label="Account tabs"
                // Compact tabs: all eight labels fit beside the overview at 1280 px.
                sx={{ '& .MuiTab-root': { minWidth: 0, px: 1.5 } }}
              >
                {profileTabs.map((name, index) => (
                  <Tab key={name} value={name} label={tabs[name].label} title={`Alt+${index + 1}`} />
                ))}
              </Tabs>
              <View key={`${target.store}/${target.accountId}/${tab}`} />
            </Box>
          </Box>
        </>
      )}
      <Snackbar
        open={copied !== null}
        autoHideDuration={2500}
        onClose={() => setCopied(null)}
        message={`Copied the ${copied ?? ''}.`}
      />
    </Box>
  );
}
