import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { statusLabels, type AccountSummary, type StatusLabel } from '@shared/domain/account';
import { ago, shortDate } from '../../lib/format';
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

export function StatusChips({
  account,
}: {
  account: Pick<AccountSummary, 'enabled' | 'emailVerified' | 'externalIdentity' | 'locked'>;
}) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {statusLabels(account).map((label) => (
        <Chip
          key={label}
          size="small"
          variant={label === 'disabled' ? 'outlined' : 'filled'}
          color={labelColor[label]}
          label={label}
        />
      ))}
    </Stack>
  );
}

/**
 * The result list: virtualized (only the rows in view are rendered, whatever the page size), with selection by
 * mouse (click, Ctrl/Cmd-click, Shift-click) and keyboard (arrows, Space, Shift+arrows, Ctrl/Cmd+A), and Enter
 * or a double click to open the account.
 */
export function ResultsList({ onOpen }: { onOpen: (account: AccountSummary) => void }) {
  const items = useSearchStore((state) => state.result?.items ?? NO_ACCOUNTS);
  const selected = useSearchStore((state) => state.selected);
  const select = useSearchStore((state) => state.select);
  const selectAll = useSearchStore((state) => state.selectAll);
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
      select(index, event.shiftKey ? 'range' : 'only');
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
  const onClick = (event: MouseEvent, index: number) =>
    select(index, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only');

  const columns = 'minmax(160px, 1.2fr) minmax(200px, 1.6fr) minmax(180px, 1.4fr) 120px 120px 110px';
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
                onClick={(event) => onClick(event, row.index)}
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
                  cursor: 'default',
                  bgcolor: isSelected ? 'action.selected' : row.index === focused ? 'action.hover' : 'transparent',
                }}
              >
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
                  {account.organization ?? '—'}
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
