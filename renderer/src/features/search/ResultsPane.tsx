import {
  Alert,
  Box,
  Button,
  Chip,
  IconButton,
  LinearProgress,
  Menu,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import type { AccountSummary } from '@shared/domain/account';
import { accountsToCsv } from '@shared/domain/accounts-csv';
import { useState } from 'react';
import { deskside } from '../../bridge';
import { downloadText } from '../../lib/download';
import { messageOf } from '../../lib/errors';
import { ago } from '../../lib/format';
import { BulkActions } from '../bulk/BulkActions';
import { PAGE_SIZE, useSearchStore, type SortField } from './search-store';
import { useCurrentStore } from '../identity-store/current-store';
import { ResultsList } from './ResultsList';
import { filterParts } from './filter-summary';

const sortOptions: Array<[SortField, string]> = [
  ['createdAt', 'Created'],
  ['updatedAt', 'Updated'],
  ['lastLogin', 'Last login'],
];

/** The result list with its toolbar: count and paging, sorting, CSV export, and the quick actions. */
export function ResultsPane({ onOpen }: { onOpen: (account: AccountSummary) => void }) {
  const result = useSearchStore((state) => state.result);
  const loading = useSearchStore((state) => state.loading);
  const error = useSearchStore((state) => state.error);
  const page = useSearchStore((state) => state.page);
  const sort = useSearchStore((state) => state.sort);
  const setSort = useSearchStore((state) => state.setSort);
  const run = useSearchStore((state) => state.run);
  const store = useCurrentStore((state) => state.name);
  const selected = useSearchStore((state) => state.selected);
  const shown = useSearchStore((state) => state.shown);
  const setFilter = useSearchStore((state) => state.setFilter);
  const catalog = useCurrentStore((state) => state.catalog);
  const parts = shown ? filterParts(shown.filter, catalog) : [];
  const [csvMenu, setCsvMenu] = useState<HTMLElement | null>(null);
  const [exported, setExported] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportAll = async () => {
    setCsvMenu(null);
    if (!shown) return;
    setExporting(true);
    try {
      const saved = await deskside.accounts.exportCsv(shown);
      setExported(
        saved.path
          ? {
              severity: 'success',
              text: `Saved ${saved.rows.toLocaleString()} accounts${saved.truncated ? ' (the first 10,000)' : ''}${
                saved.source === 'cache' ? ' from the cache' : ''
              } to ${saved.path}`,
            }
          : { severity: 'success', text: 'Nothing saved: the save was cancelled.' },
      );
    } catch (error) {
      setExported({ severity: 'error', text: messageOf(error) });
    } finally {
      setExporting(false);
    }
  };

  const total = result?.total ?? null;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hasNext = result
    ? pages === null
      ? result.items.length === PAGE_SIZE
      : page + 1 < pages || result.totalCapped
    : false;
  const countText = !result
    ? loading
      ? 'Listing accounts…'
      : 'Choose an identity store to list its accounts'
    : total === null
      ? `${result.items.length} shown`
      : `${result.totalCapped ? `${total.toLocaleString()}+` : total.toLocaleString()} account${total === 1 ? '' : 's'}`;

  return (
    <Stack sx={{ height: '100%', minHeight: 0 }}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}
      >
        <Typography variant="subtitle2" data-testid="result-count">
          {countText}
        </Typography>
        {selected.size > 0 && (
          <Typography variant="body2" color="primary" data-testid="selection-count">
            {selected.size} selected
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <BulkActions />
        <TextField
          select
          size="small"
          label="Sort"
          value={`${sort.field},${sort.direction}`}
          onChange={(event) => {
            const [field, direction] = event.target.value.split(',') as [SortField, 'asc' | 'desc'];
            void setSort({ field, direction });
          }}
          sx={{ minWidth: 170 }}
        >
          {sortOptions.flatMap(([field, label]) => [
            <MenuItem key={`${field},desc`} value={`${field},desc`}>
              {label} ↓
            </MenuItem>,
            <MenuItem key={`${field},asc`} value={`${field},asc`}>
              {label} ↑
            </MenuItem>,
          ])}
        </TextField>
        <Tooltip title="Export to CSV: this page, or every result">
          <span>
            <Button
              size="small"
              startIcon={<FileDownloadOutlinedIcon />}
              disabled={!result || result.items.length === 0 || exporting}
              onClick={(event) => setCsvMenu(event.currentTarget)}
            >
              CSV
            </Button>
          </span>
        </Tooltip>
        <Menu anchorEl={csvMenu} open={Boolean(csvMenu)} onClose={() => setCsvMenu(null)}>
          <MenuItem
            onClick={() => {
              setCsvMenu(null);
              if (result) downloadText(`deskside-${store}-accounts-page-${page + 1}.csv`, accountsToCsv(result.items));
            }}
          >
            This page ({result?.items.length ?? 0} accounts)
          </MenuItem>
          <MenuItem onClick={() => void exportAll()}>Every result (up to 10,000)</MenuItem>
        </Menu>
        <IconButton
          aria-label="Previous page"
          disabled={!result || page === 0 || loading}
          onClick={() => void run(page - 1)}
        >
          <ChevronLeftIcon />
        </IconButton>
        <Typography variant="body2" data-testid="page-indicator">
          {result ? `Page ${page + 1}${pages ? ` of ${result.totalCapped ? `${pages}+` : pages}` : ''}` : ''}
        </Typography>
        <IconButton aria-label="Next page" disabled={!hasNext || loading} onClick={() => void run(page + 1)}>
          <ChevronRightIcon />
        </IconButton>
      </Stack>
      {parts.length > 0 && (
        <Stack
          direction="row"
          spacing={0.5}
          useFlexGap
          sx={{ px: 2, py: 0.75, flexWrap: 'wrap', alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}
          aria-label="Active filters"
          data-testid="active-filters"
        >
          <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
            Filtered by
          </Typography>
          {parts.map((part) => (
            <Chip
              key={part.id}
              size="small"
              label={part.label}
              onDelete={() => {
                setFilter(part.without(shown!.filter));
                void run(0);
              }}
              data-filter={part.id}
              deleteIcon={<CancelIcon titleAccess={`Remove the filter ${part.label}`} />}
            />
          ))}
        </Stack>
      )}
      {(loading || exporting) && <LinearProgress aria-label={exporting ? 'Exporting' : 'Searching'} />}
      {exported && (
        <Alert severity={exported.severity} sx={{ m: 1 }} onClose={() => setExported(null)} data-testid="csv-exported">
          {exported.text}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={() => void run(page)}>Retry</Button>}>
          {error}
        </Alert>
      )}
      {result?.source === 'cache' && (
        <Alert severity="warning" sx={{ m: 1 }} data-testid="cached-results">
          Offline:{' '}
          {result.items.length > 0 ? `cached results from ${ago(result.fetchedAt)}` : 'no cached account matches'}.
          {result.unapplied.length > 0 && ` The cache cannot apply: ${result.unapplied.join(', ')}.`}
        </Alert>
      )}
      {result && result.items.length === 0 && result.source === 'live' && (
        <Typography sx={{ p: 3 }} color="text.secondary">
          No account matches these filters.
        </Typography>
      )}
      <ResultsList onOpen={onOpen} />
    </Stack>
  );
}
