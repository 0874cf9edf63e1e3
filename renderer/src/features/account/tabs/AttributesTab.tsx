import { useMemo, useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/LockOutlined';
import { attributeProblem, displayValue, shownAttributes, valueAt } from '@shared/domain/attribute-values';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAccountViewStore } from '../account-view-store';
import { GatedButton, useGate } from '../gate';
import { NotifyClientField } from '../NotifyClientField';
import { useChange } from '../use-change';
import { AttributeField } from './AttributeField';
import { TabFrame } from './TabFrame';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The store's schema decides what shows (displayOnAdminConsole) and what can be edited (editableOnAdminConsole).
 * Changes are checked field by field as the agent types, reviewed before saving, and the platform's own field
 * errors come back onto their fields.
 */
export function AttributesTab() {
  const { profile, catalog } = useAccountViewStore((state) => state.loaded)!;
  const change = useChange();
  const reason = useGate()('updateAttributes');
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [reviewing, setReviewing] = useState(false);
  const [client, setClient] = useState('');
  const attributes = useMemo(() => shownAttributes(catalog.schema), [catalog.schema]);
  const changed = attributes.filter(
    (attribute) => attribute.key in draft && !same(draft[attribute.key], valueAt(profile.attributes, attribute.key)),
  );
  const problems = Object.fromEntries(
    changed
      .map((attribute) => [attribute.key, attributeProblem(attribute, draft[attribute.key])] as const)
      .filter(([, problem]) => problem !== null),
  ) as Record<string, string>;
  const errorOf = (key: string) => problems[key] ?? change.fieldErrors[key]?.join('; ');
  const save = async () => {
    const changes = Object.fromEntries(changed.map((attribute) => [attribute.key, draft[attribute.key]]));
    const ok = await change.run(
      { kind: 'updateAttributes', changes, ...(client ? { notifyClientId: client } : {}) },
      `Saved ${changed.length} attribute${changed.length === 1 ? '' : 's'}.`,
    );
    setReviewing(false);
    if (ok) setDraft({});
  };
  return (
    <TabFrame
      title="Attributes"
      empty={attributes.length === 0}
      emptyText="This identity store shows no attributes in the admin console."
      actions={
        <>
          <Button size="small" disabled={changed.length === 0} onClick={() => (setDraft({}), change.reset())}>
            Discard changes
          </Button>
          <GatedButton
            gate="updateAttributes"
            size="small"
            variant="contained"
            disabled={changed.length === 0 || Object.keys(problems).length > 0}
            onClick={() => {
              setClient('');
              setReviewing(true);
            }}
          >
            Review {changed.length || ''} change{changed.length === 1 ? '' : 's'}
          </GatedButton>
        </>
      }
    >
      {change.error && Object.keys(change.fieldErrors).length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The platform refused the changes: see the marked fields.
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 2 }}>
        {attributes.map((attribute) => {
          const current = attribute.key in draft ? draft[attribute.key] : valueAt(profile.attributes, attribute.key);
          const wide = attribute.type === 'COMPLEX_LIST';
          if (!attribute.editable)
            return (
              <Box
                key={attribute.key}
                sx={wide ? { gridColumn: '1 / -1' } : undefined}
                data-readonly-attribute={attribute.key}
              >
                <Typography variant="caption" color="text.secondary" component="div">
                  {attribute.displayName}{' '}
                  <LockIcon sx={{ fontSize: 12 }} titleAccess="Not editable in the admin console" />
                </Typography>
                <Typography sx={{ wordBreak: 'break-word' }}>{displayValue(attribute, current, '(empty)')}</Typography>
              </Box>
            );
          return (
            <Box key={attribute.key} sx={wide ? { gridColumn: '1 / -1' } : undefined}>
              <AttributeField
                definition={attribute}
                attribute={attribute}
                value={current}
                disabled={Boolean(reason)}
                error={errorOf(attribute.key)}
                onChange={(value) => setDraft((previous) => ({ ...previous, [attribute.key]: value }))}
              />
            </Box>
          );
        })}
      </Box>
      <ConfirmDialog
        open={reviewing}
        title="Review the changes"
        confirmLabel="Save"
        busy={change.busy}
        error={change.error}
        extra={<NotifyClientField value={client} onChange={setClient} />}
        onConfirm={() => void save()}
        onClose={() => setReviewing(false)}
      >
        <Table size="small" aria-label="Changes">
          <TableHead>
            <TableRow>
              <TableCell>Attribute</TableCell>
              <TableCell>Before</TableCell>
              <TableCell>After</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changed.map((attribute) => (
              <TableRow key={attribute.key}>
                <TableCell>{attribute.displayName}</TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>
                  {displayValue(attribute, valueAt(profile.attributes, attribute.key), '(empty)')}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>
                  {displayValue(attribute, draft[attribute.key], '(empty)')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack sx={{ mt: 1 }} />
      </ConfirmDialog>
    </TabFrame>
  );
}
