import { useMemo, useState, type ReactNode } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Divider,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import PushPinIcon from '@mui/icons-material/PushPin';
import PushPinOutlinedIcon from '@mui/icons-material/PushPinOutlined';
import SearchIcon from '@mui/icons-material/Search';
import { loginDateFields, type AccountFilter, type DateField } from '@shared/domain/search';
import { useConnectionStore } from '../connections/connection-store';
import { useSettingsStore } from '../settings/settings-store';
import { datePresets as presets, dateFields, filterParts } from './filter-summary';
import { guessFilter } from './quick-search';
import { useSearchStore } from './search-store';
import { useCurrentStore } from '../identity-store/current-store';
import { SaveSearchButton } from '../saved-searches/SaveSearchButton';

interface Field {
  id: string;
  label: string;
  render: () => ReactNode;
}

/**
 * Every listAccounts filter, combined with AND, with a quick search box that guesses the identifier kind. Any
 * field can be pinned to the top; pins are kept per connection and store.
 */
export function SearchPanel() {
  const store = useCurrentStore((state) => state.name);
  const filter = useSearchStore((state) => state.filter);
  const catalog = useCurrentStore((state) => state.catalog);
  const { schema, groups, organizations, roles } = catalog;
  const patchFilter = useSearchStore((state) => state.patchFilter);
  const setFilter = useSearchStore((state) => state.setFilter);
  const run = useSearchStore((state) => state.run);
  const connectionId = useConnectionStore((state) => state.status?.active?.id ?? '');
  const pinnedAll = useSettingsStore((state) => state.settings?.pinnedSearchFields);
  const updateSettings = useSettingsStore((state) => state.update);
  const [quick, setQuick] = useState('');
  const pinKey = `${connectionId}/${store ?? ''}`;
  const pinned = useMemo(() => pinnedAll?.[pinKey] ?? [], [pinnedAll, pinKey]);

  const togglePin = (id: string) => {
    const next = pinned.includes(id) ? pinned.filter((field) => field !== id) : [...pinned, id];
    void updateSettings({ pinnedSearchFields: { ...(pinnedAll ?? {}), [pinKey]: next } });
  };
  const text = (key: 'loginIdentifier' | 'id' | 'username' | 'email', label: string): Field => ({
    id: key,
    label,
    render: () => (
      <TextField
        size="small"
        fullWidth
        label={label}
        value={filter[key] ?? ''}
        onChange={(event) => patchFilter({ [key]: event.target.value })}
      />
    ),
  });
  const setAttribute = (key: string, value: string) =>
    patchFilter({ attributes: { ...(filter.attributes ?? {}), [key]: value } });
  const setDates = (field: DateField, range: { from?: string; to?: string } | undefined) => {
    const dates = { ...(filter.dates ?? {}) };
    if (range) dates[field] = range;
    else delete dates[field];
    patchFilter({ dates });
  };

  const fields: Field[] = [
    text('loginIdentifier', 'Login identifier (or @domain)'),
    text('email', 'Email'),
    text('username', 'Username'),
    text('id', 'Account id'),
    ...schema
      .filter((attribute) => attribute.searchable)
      .map<Field>((attribute) => ({
        id: `attribute:${attribute.key}`,
        label: attribute.displayName,
        render: () =>
          attribute.options.length > 0 ? (
            <TextField
              select
              size="small"
              fullWidth
              label={attribute.displayName}
              value={filter.attributes?.[attribute.key] ?? ''}
              onChange={(event) => setAttribute(attribute.key, event.target.value)}
            >
              <MenuItem value="">Any</MenuItem>
              {attribute.options.map((option) => (
                <MenuItem key={option.value} value={option.value}>
                  {option.label}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField
              size="small"
              fullWidth
              label={attribute.displayName}
              value={filter.attributes?.[attribute.key] ?? ''}
              onChange={(event) => setAttribute(attribute.key, event.target.value)}
            />
          ),
      })),
    {
      id: 'status',
      label: 'Status',
      render: () => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Status"
            sx={{ minWidth: 130 }}
            value={filter.enabled === undefined ? '' : String(filter.enabled)}
            onChange={(event) =>
              patchFilter({ enabled: event.target.value === '' ? undefined : event.target.value === 'true' })
            }
          >
            <MenuItem value="">Any</MenuItem>
            <MenuItem value="true">Enabled</MenuItem>
            <MenuItem value="false">Disabled</MenuItem>
          </TextField>
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                checked={filter.neverLoggedIn === true}
                onChange={(event) => {
                  // The Admin API refuses last-login bounds beside neverLoggedIn=true: checking it clears them.
                  const dates = Object.fromEntries(
                    Object.entries(filter.dates ?? {}).filter(
                      ([name]) => !event.target.checked || !loginDateFields.includes(name as DateField),
                    ),
                  );
                  patchFilter({
                    neverLoggedIn: event.target.checked ? true : undefined,
                    dates: Object.keys(dates).length > 0 ? dates : undefined,
                  });
                }}
              />
            }
            label="Never logged in"
          />
        </Stack>
      ),
    },
    ...dateFields.map<Field>(([field, label]) => ({
      id: `date:${field}`,
      label,
      render: () => {
        const range = filter.dates?.[field];
        const preset =
          presets.find(([, value]) => value.from === range?.from && value.to === range?.to)?.[0] ??
          (range ? 'custom' : '');
        return (
          <Stack spacing={1}>
            <TextField
              select
              size="small"
              fullWidth
              label={label}
              value={preset}
              disabled={filter.neverLoggedIn === true && loginDateFields.includes(field)}
              helperText={
                filter.neverLoggedIn === true && loginDateFields.includes(field)
                  ? 'Not with “Never logged in”'
                  : undefined
              }
              onChange={(event) => {
                const chosen = presets.find(([name]) => name === event.target.value)?.[1];
                setDates(
                  field,
                  event.target.value === 'custom' ? { from: new Date().toISOString().slice(0, 10) } : chosen,
                );
              }}
            >
              <MenuItem value="">Any time</MenuItem>
              {presets.map(([name]) => (
                <MenuItem key={name} value={name}>
                  {name}
                </MenuItem>
              ))}
              <MenuItem value="custom">Between dates…</MenuItem>
            </TextField>
            {preset === 'custom' && (
              <Stack direction="row" spacing={1}>
                <TextField
                  size="small"
                  type="date"
                  label="From"
                  slotProps={{ inputLabel: { shrink: true } }}
                  value={range?.from?.slice(0, 10) ?? ''}
                  onChange={(event) => setDates(field, { ...range, from: event.target.value || undefined })}
                />
                <TextField
                  size="small"
                  type="date"
                  label="To"
                  slotProps={{ inputLabel: { shrink: true } }}
                  value={range?.to?.slice(0, 10) ?? ''}
                  onChange={(event) => setDates(field, { ...range, to: event.target.value || undefined })}
                />
              </Stack>
            )}
          </Stack>
        );
      },
    })),
    {
      id: 'organization',
      label: 'Organization',
      render: () => (
        <Stack spacing={0.5}>
          <TextField
            select
            size="small"
            fullWidth
            label="Organization"
            value={filter.organization ?? filter.organizationScope ?? ''}
            disabled={organizations.length === 0}
            onChange={(event) =>
              patchFilter({ organization: event.target.value || undefined, organizationScope: undefined })
            }
          >
            <MenuItem value="">Any</MenuItem>
            {organizations.map((organization) => (
              <MenuItem key={organization.id} value={organization.id}>
                {organization.name}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                checked={Boolean(filter.organizationScope)}
                disabled={!filter.organization && !filter.organizationScope}
                onChange={(event) => {
                  const id = filter.organization ?? filter.organizationScope;
                  patchFilter(
                    event.target.checked
                      ? { organizationScope: id, organization: undefined }
                      : { organization: id, organizationScope: undefined },
                  );
                }}
              />
            }
            label="Include sub-organizations"
          />
        </Stack>
      ),
    },
    {
      id: 'groups',
      label: 'Groups',
      render: () => (
        <Membership
          label="Groups"
          options={groups.map((group) => ({ id: group.id, label: group.name }))}
          value={filter.groups?.ids ?? []}
          mode={filter.groups?.mode ?? 'include'}
          onChange={(ids, mode) => patchFilter({ groups: { ids, mode } })}
        />
      ),
    },
    {
      id: 'roles',
      label: 'Roles',
      render: () => (
        <Membership
          label="Roles (organization: role)"
          options={organizations.flatMap((organization) =>
            roles.map((role) => ({ id: `${organization.id}:${role.id}`, label: `${organization.name}: ${role.name}` })),
          )}
          value={(filter.roles?.pairs ?? []).map((pair) => `${pair.organization}:${pair.role}`)}
          mode={filter.roles?.mode ?? 'include'}
          onChange={(ids, mode) =>
            patchFilter({
              roles: {
                pairs: ids.map((id) => {
                  const [organization = '', role = ''] = id.split(':');
                  return { organization, role };
                }),
                mode,
              },
            })
          }
        />
      ),
    },
  ];

  // The fields holding a value, marked so the agent sees at a glance what narrows the search.
  const active = new Set(
    filterParts(filter, catalog).map((part) =>
      part.id === 'enabled' || part.id === 'neverLoggedIn' ? 'status' : part.id,
    ),
  );
  const ordered = [
    ...fields.filter((field) => pinned.includes(field.id)),
    ...fields.filter((field) => !pinned.includes(field.id)),
  ];
  const submitQuick = () => {
    const guess = guessFilter(quick);
    if (!guess) return;
    setFilter(guess.filter as AccountFilter);
    void run(0);
  };

  return (
    <Stack spacing={1.5} component="section" aria-label="Search">
      <TextField
        size="small"
        fullWidth
        placeholder="Email, username, phone, id or @domain"
        label="Quick search"
        value={quick}
        onChange={(event) => setQuick(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submitQuick();
          }
        }}
        helperText={quick.trim() ? `Searches by ${guessFilter(quick)?.kind}` : ' '}
        slotProps={{ htmlInput: { 'data-testid': 'quick-search' } }}
      />
      <Divider>
        <Typography variant="caption" color="text.secondary">
          Filters
        </Typography>
      </Divider>
      {/* A form, so Enter in any field runs the search. */}
      <Stack
        component="form"
        spacing={1.5}
        aria-label="Filters"
        onSubmit={(event) => {
          event.preventDefault();
          if (store) void run(0);
        }}
      >
        {ordered.map((field) => (
          <Box
            key={field.id}
            sx={{
              display: 'flex',
              alignItems: 'flex-start',
              gap: 0.5,
              pl: 1,
              borderLeft: 3,
              borderColor: active.has(field.id) ? 'primary.main' : 'transparent',
            }}
            data-field={field.id}
            data-pinned={pinned.includes(field.id) || undefined}
            data-active={active.has(field.id) || undefined}
          >
            <Box sx={{ flex: 1, minWidth: 0 }}>{field.render()}</Box>
            <Tooltip title={pinned.includes(field.id) ? `Unpin ${field.label}` : `Pin ${field.label} to the top`}>
              <IconButton
                size="small"
                aria-label={pinned.includes(field.id) ? `Unpin ${field.label}` : `Pin ${field.label}`}
                onClick={() => togglePin(field.id)}
              >
                {pinned.includes(field.id) ? (
                  <PushPinIcon fontSize="small" />
                ) : (
                  <PushPinOutlinedIcon fontSize="small" />
                )}
              </IconButton>
            </Tooltip>
          </Box>
        ))}
        {/* Always in reach, however long the list of filters. */}
        <Stack
          direction="row"
          spacing={1}
          sx={{ position: 'sticky', bottom: 0, py: 1.5, bgcolor: 'background.paper', zIndex: 1 }}
          data-testid="search-actions"
        >
          <Button type="submit" variant="contained" startIcon={<SearchIcon />} disabled={!store}>
            Search
          </Button>
          <Button onClick={() => setFilter({})}>Clear</Button>
          <SaveSearchButton />
        </Stack>
      </Stack>
    </Stack>
  );
}

function Membership(props: {
  label: string;
  options: Array<{ id: string; label: string }>;
  value: string[];
  mode: 'include' | 'exclude';
  onChange: (ids: string[], mode: 'include' | 'exclude') => void;
}) {
  const selected = props.options.filter((option) => props.value.includes(option.id));
  return (
    <Stack spacing={0.5}>
      <Autocomplete
        multiple
        size="small"
        options={props.options}
        value={selected}
        getOptionLabel={(option) => option.label}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onChange={(_event, value) =>
          props.onChange(
            value.map((option) => option.id),
            props.mode,
          )
        }
        renderInput={(params) => <TextField {...params} label={props.label} />}
      />
      <ToggleButtonGroup
        size="small"
        exclusive
        value={props.mode}
        onChange={(_event, mode: 'include' | 'exclude' | null) => mode && props.onChange(props.value, mode)}
        aria-label={`${props.label} mode`}
      >
        <ToggleButton value="include">Member of any</ToggleButton>
        <ToggleButton value="exclude">Member of none</ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  );
}
