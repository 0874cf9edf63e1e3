import {
  Alert,
  Box,
  Button,
  IconButton,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import type { AccountSummary } from '@shared/domain/account';
import { accountsToCsv, downloadText } from '../../lib/csv';
import { ago } from '../../lib/format';
import { BulkActions } from '../bulk/BulkActions';
import { PAGE_SIZE, useSearchStore, type SortField } from './search-store';
import { ResultsList } from './ResultsList';

const sortOptions: Array<[SortField, string]> = [
  ['createdAt', 'Created'],
  ['updatedAt', 'Updated'],
  ['lastLogin', 'Last login'],
  ['email', 'Email'],
  ['username', 'Username'],
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
  const store = useSearchStore((state) => state.store);
  const selected = useSearchStore((state) => state.selected);

  const total = result?.total ?? null;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hasNext = result
    ? pages === null
      ? result.items.length === PAGE_SIZE
      : page + 1 < pages || result.totalCapped
    : false;
  const countText = !result
    ? 'Search to list accounts'
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
        <Tooltip title="Export these results to CSV">
          <span>
            <Button
              size="small"
              startIcon={<FileDownloadOutlinedIcon />}
              disabled={!result || result.items.length === 0}
              onClick={() =>
                result && downloadText(`deskside-${store}-accounts-page-${page + 1}.csv`, accountsToCsv(result.items))
              }
            >
              CSV
            </Button>
          </span>
        </Tooltip>
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
      {loading && <LinearProgress aria-label="Searching" />}
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
