import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { Box, Checkbox, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { statusLabels, type AccountSummary, type StatusLabel } from '@shared/domain/account';
import { ago, shortDate } from '../../lib/format';
import { organizationName } from '../../lib/names';
import { useCurrentStore } from '../identity-store/current-store';
import { useSearchStore } from './search-store';

const ROW_HEIGHT = 56;
/** One empty list, so the selector below returns the same value while there are no results. */
const NO_ACCOUNTS: AccountSummary[] = [];

const labelColor: Record<StatusLabel, 'success' | 'default' | 'info' | 'warning' | 'error' | 'secondary'> = {
  enabled: 'success',
  disabled: 'default',
  'verified email': 'info',
  'unverified email': 'warning',
  'external identity': 'secondary',
  locked: 'error',
};

/** What each status means for the customer, as the chips' tooltips say it. */
export const statusMeanings: Record<StatusLabel, string> = {
  enabled: 'Enabled: the customer can sign in.',
  disabled: 'Disabled: the customer cannot sign in until an administrator enables the account again.',
  'verified email':
    'Verified email: the customer proved they own it (an activation link, or registering with an authenticator). It can be used to sign in and receives notifications.',
  'unverified email':
    'Unverified email: the customer has not proved they own it; an activation or invitation may be pending. Notifications are not sent to it.',
  'external identity': 'External identity: the customer signs in with a social or enterprise login.',
  locked:
    'Locked: after too many failed sign-ins, or by an administrator. The customer cannot sign in until the lock ends or is lifted.',
};

export function StatusChips({
  account,
}: {
  account: Pick<AccountSummary, 'enabled' | 'emailVerified' | 'externalIdentity' | 'locked'>;
}) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {statusLabels(account).map((label) => (
        <Tooltip key={label} title={statusMeanings[label]}>
          <Chip
            size="small"
            variant={label === 'disabled' ? 'outlined' : 'filled'}
            color={labelColor[label]}
            label={label}
          />
        </Tooltip>
      ))}
    </Stack>
  );
}

/**
 * The result list: virtualized (only the rows in view are rendered, whatever the page size). A click anywhere on a
 * row opens the account (so do Enter and a double click); selecting for quick actions is the row's checkbox,
 * Ctrl/Cmd-click, Shift-click, and the keyboard (arrows move, Space selects, Shift+arrows extend, Ctrl/Cmd+A).
 */
export function ResultsList({ onOpen }: { onOpen: (account: AccountSummary) => void }) {
  const items = useSearchStore((state) => state.result?.items ?? NO_ACCOUNTS);
  const selected = useSearchStore((state) => state.selected);
  const select = useSearchStore((state) => state.select);
  const selectAll = useSearchStore((state) => state.selectAll);
  const organizations = useCurrentStore((state) => state.catalog.organizations);
  const clearSelection = useSearchStore((state) => state.clearSelection);
  const focusRow = useSearchStore((state) => state.focus);
  const anchor = useSearchStore((state) => state.anchor);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is only read while rendering this component; nothing memoized holds on to it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const focused = anchor ?? 0;

  const onKeyDown = (event: KeyboardEvent) => {
    if (items.length === 0) return;
    const move = (to: number) => {
      const index = Math.max(0, Math.min(items.length - 1, to));
      if (event.shiftKey) select(index, 'range');
      else focusRow(index);
      virtualizer.scrollToIndex(index);
      event.preventDefault();
    };
    if (event.key === 'ArrowDown') move(focused + 1);
    else if (event.key === 'ArrowUp') move(focused - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === ' ') {
      select(focused, 'toggle');
      event.preventDefault();
    } else if (event.key === 'Enter' && items[focused]) onOpen(items[focused]);
    else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      selectAll();
      event.preventDefault();
    }
  };
  const onClick = (event: MouseEvent, index: number, account: AccountSummary) => {
    if (event.shiftKey) select(index, 'range');
    else if (event.ctrlKey || event.metaKey) select(index, 'toggle');
    else onOpen(account);
  };
  const allSelected = items.length > 0 && items.every((account) => selected.has(account.id));

  const columns = '32px minmax(160px, 1.2fr) minmax(200px, 1.6fr) minmax(180px, 1.4fr) 120px 120px 110px';
  return (
    <>
      <Box
        role="presentation"
        sx={{
          display: 'grid',
          gridTemplateColumns: columns,
          gap: 1.5,
          px: 2,
          py: 0.5,
          borderBottom: 1,
          borderColor: 'divider',
          color: 'text.secondary',
          typography: 'caption',
        }}
      >
        <Checkbox
          size="small"
          sx={{ p: 0 }}
          checked={allSelected}
          indeterminate={selected.size > 0 && !allSelected}
          disabled={items.length === 0}
          onChange={() => (allSelected ? clearSelection() : selectAll())}
          slotProps={{ input: { 'aria-label': 'Select every account on this page' } }}
        />
        <span>Name</span>
        <span>Identifiers</span>
        <span>Status</span>
        <span>Organization</span>
        <span>Last login</span>
        <span>Created</span>
      </Box>
      <Box
        ref={scroller}
        role="listbox"
        aria-label="Accounts"
        aria-multiselectable
        tabIndex={0}
        onKeyDown={onKeyDown}
        sx={{
          flex: 1,
          overflow: 'auto',
          outline: 'none',
          '&:focus-visible': { boxShadow: (theme) => `inset 0 0 0 2px ${theme.palette.primary.main}` },
        }}
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const account = items[row.index]!;
            const isSelected = selected.has(account.id);
            return (
              <Box
                key={account.id}
                role="option"
                aria-selected={isSelected}
                data-account-id={account.id}
                // Shift-click extends the selection of accounts, not the browser's selection of text.
                onMouseDown={(event) => event.shiftKey && event.preventDefault()}
                onClick={(event) => onClick(event, row.index, account)}
                onDoubleClick={() => onOpen(account)}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  alignItems: 'center',
                  gap: 1.5,
                  px: 2,
                  borderBottom: 1,
                  borderColor: 'divider',
                  cursor: 'pointer',
                  bgcolor: isSelected ? 'action.selected' : row.index === focused ? 'action.hover' : 'transparent',
                }}
              >
                <Checkbox
                  size="small"
                  sx={{ p: 0 }}
                  checked={isSelected}
                  // The row opens the account; the checkbox only selects it (Shift extends from the last one).
                  onClick={(event) => {
                    event.stopPropagation();
                    select(row.index, event.shiftKey ? 'range' : 'toggle');
                  }}
                  onChange={() => undefined}
                  slotProps={{ input: { 'aria-label': `Select ${account.displayName}` } }}
                />
                <Typography noWrap sx={{ fontWeight: 600 }} title={account.displayName}>
                  {account.displayName}
                </Typography>
                <Box sx={{ minWidth: 0 }}>
                  <Typography noWrap variant="body2" title={account.email ?? ''}>
                    {account.email ?? account.username ?? account.phone ?? account.id}
                  </Typography>
                  <Typography noWrap variant="caption" color="text.secondary">
                    {[account.username, account.phone].filter(Boolean).join(' · ') || account.id}
                  </Typography>
                </Box>
                <StatusChips account={account} />
                <Typography noWrap variant="body2" color="text.secondary" title={account.organization ?? ''}>
                  {account.organization ? organizationName(organizations, account.organization) : '—'}
                </Typography>
                <Typography noWrap variant="body2" title={account.lastLoginAt ?? 'never'}>
                  {ago(account.lastLoginAt)}
                </Typography>
                <Typography noWrap variant="body2" color="text.secondary">
                  {shortDate(account.createdAt)}
                </Typography>
              </Box>
            );
          })}
        </Box>
      </Box>
    </>
  );
}
