import { useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Button,
  Dialog,
  DialogActions,
  FormControlLabel,
  Radio,
  RadioGroup,
  DialogContent,
  DialogTitle,
  IconButton,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
} from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import type { ConnectionInput, ConnectionTestResult, ConnectionView, Environment } from '@shared/domain/connection';
import { messageOf } from '../../lib/errors';
import { useConnectionStore } from './connection-store';

const empty: ConnectionInput = {
  name: '',
  baseUrl: 'https://',
  clientId: '',
  clientSecret: '',
  environment: 'staging',
};

/** Connection profiles: add, edit, test before saving, remove. Secrets go to the main side and never come back. */
export function ConnectionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const connections = useConnectionStore((state) => state.connections);
  const save = useConnectionStore((state) => state.save);
  const test = useConnectionStore((state) => state.test);
  const remove = useConnectionStore((state) => state.remove);
  const [draft, setDraft] = useState<ConnectionInput | null>(null);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  const edit = (connection: ConnectionView | null) => {
    setResult(null);
    setError(null);
    setFieldErrors({});
    setDraft(
      connection
        ? {
            id: connection.id,
            name: connection.name,
            baseUrl: connection.baseUrl,
            clientId: connection.clientId,
            ...(connection.audience ? { audience: connection.audience } : {}),
            environment: connection.environment,
          }
        : { ...empty },
    );
  };
  const input = (): ConnectionInput => {
    const { clientSecret, ...rest } = draft!;
    return clientSecret ? { ...rest, clientSecret } : rest;
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(messageOf(caught));
      setFieldErrors((caught as { envelope?: { fieldErrors?: Record<string, string[]> } }).envelope?.fieldErrors ?? {});
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof ConnectionInput) => ({
    error: Boolean(fieldErrors[name]),
    helperText: fieldErrors[name]?.join(', '),
  });

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="connections-title">
      <DialogTitle id="connections-title">Connections</DialogTitle>
      <DialogContent>
        {!draft && (
          <List dense>
            {connections.map((connection) => (
              <ListItem
                key={connection.id}
                secondaryAction={
                  !connection.embedded && (
                    <>
                      <Tooltip title="Edit">
                        <IconButton aria-label={`Edit ${connection.name}`} onClick={() => edit(connection)}>
                          <EditOutlinedIcon />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title="Remove">
                        <IconButton
                          aria-label={`Remove ${connection.name}`}
                          onClick={() => void run(() => remove(connection.id))}
                        >
                          <DeleteOutlineIcon />
                        </IconButton>
                      </Tooltip>
                    </>
                  )
                }
              >
                <ListItemText
                  primary={`${connection.name} (${connection.environment})`}
                  secondary={`${connection.baseUrl} · ${connection.clientId}`}
                />
              </ListItem>
            ))}
          </List>
        )}
        {draft && (
          <Stack
            spacing={2}
            sx={{ mt: 1 }}
            component="form"
            aria-label="Connection"
            onSubmit={(event) => event.preventDefault()}
          >
            <TextField
              label="Name"
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              required
              {...field('name')}
            />
            <TextField
              label="Tenant URL"
              value={draft.baseUrl}
              onChange={(event) => setDraft({ ...draft, baseUrl: event.target.value })}
              required
              {...field('baseUrl')}
            />
            <TextField
              label="Client id"
              value={draft.clientId}
              onChange={(event) => setDraft({ ...draft, clientId: event.target.value })}
              required
              {...field('clientId')}
            />
            <TextField
              label={draft.id ? 'Client secret (leave empty to keep)' : 'Client secret'}
              type="password"
              autoComplete="off"
              value={draft.clientSecret ?? ''}
              onChange={(event) => setDraft({ ...draft, clientSecret: event.target.value })}
              {...field('clientSecret')}
            />
            <TextField
              select
              label="Environment"
              value={draft.environment}
              onChange={(event) => setDraft({ ...draft, environment: event.target.value as Environment })}
            >
              <MenuItem value="production">Production</MenuItem>
              <MenuItem value="staging">Staging</MenuItem>
              <MenuItem value="sandbox">Sandbox</MenuItem>
            </TextField>
            <Accordion disableGutters variant="outlined" defaultExpanded={Boolean(draft.audience)}>
              <AccordionSummary>Advanced</AccordionSummary>
              <AccordionDetails>
                <TextField
                  fullWidth
                  label="Token audience"
                  placeholder={draft.baseUrl}
                  value={draft.audience ?? ''}
                  onChange={(event) => setDraft({ ...draft, audience: event.target.value })}
                  {...field('audience')}
                  helperText={
                    fieldErrors.audience?.join(', ') ??
                    'Leave empty to use the tenant URL, as Strivacity tenants expect.'
                  }
                />
              </AccordionDetails>
            </Accordion>
            {fieldErrors.secretStorage && (
              <RadioGroup
                aria-label="Where to keep the secret"
                value={draft.secretStorage ?? ''}
                onChange={(event) =>
                  setDraft({ ...draft, secretStorage: event.target.value as 'session' | 'plainText' })
                }
              >
                <FormControlLabel
                  value="session"
                  control={<Radio />}
                  label="Keep it for this session only (enter it again after a restart)"
                />
                <FormControlLabel
                  value="plainText"
                  control={<Radio />}
                  label="Store it with the plain-text backend (anyone who can read your user files can recover it)"
                />
              </RadioGroup>
            )}
            {result && <Alert severity={result.ok ? 'success' : 'error'}>{result.message}</Alert>}
          </Stack>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {!draft && <Button onClick={() => edit(null)}>Add connection</Button>}
        {draft && (
          <>
            <Button onClick={() => setDraft(null)}>Back</Button>
            <Button disabled={busy} onClick={() => void run(async () => setResult(await test(input())))}>
              Test
            </Button>
            <Button
              variant="contained"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await save(input());
                  setDraft(null);
                })
              }
            >
              Save
            </Button>
          </>
        )}
        {!draft && <Button onClick={onClose}>Close</Button>}
      </DialogActions>
    </Dialog>
  );
}
