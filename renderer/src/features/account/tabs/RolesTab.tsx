import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { NamedEntity } from '@shared/domain/identity-store';
import type { RoleAssignment } from '@shared/domain/profile';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAccountViewStore } from '../account-view-store';
import { GatedButton, GatedIconButton } from '../gate';
import { useChange } from '../use-change';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

/** Role and organization pairs; a role can be given for any organization of the store, member or not. */
export function RolesTab() {
  const { profile, catalog } = useAccountViewStore((state) => state.loaded)!;
  const change = useChange();
  const [assigning, setAssigning] = useState(false);
  const [role, setRole] = useState<NamedEntity | null>(null);
  const [organization, setOrganization] = useState<NamedEntity | null>(null);
  const [removing, setRemoving] = useState<RoleAssignment | null>(null);
  const startAssign = () => {
    change.reset();
    setRole(null);
    setOrganization(catalog.organizations.find((item) => item.id === profile.summary.organization) ?? null);
    setAssigning(true);
  };
  return (
    <TabFrame
      title="Roles"
      empty={profile.roles.length === 0}
      emptyText="No roles in any organization."
      actions={
        <GatedButton gate="assignRoles" variant="contained" size="small" onClick={startAssign}>
          Assign role
        </GatedButton>
      }
    >
      <SimpleTable
        label="Roles"
        columns={['Role', 'Organization', '']}
        rows={profile.roles}
        rowKey={(item) => `${item.organizationId}/${item.roleId}`}
        cells={(item) => [
          item.roleName,
          item.organizationName,
          <GatedIconButton
            key="remove"
            gate="removeRole"
            label={`Remove ${item.roleName} in ${item.organizationName}`}
            onClick={() => setRemoving(item)}
          >
            <DeleteIcon fontSize="small" />
          </GatedIconButton>,
        ]}
      />
      <Dialog
        open={assigning}
        onClose={() => setAssigning(false)}
        fullWidth
        maxWidth="xs"
        aria-labelledby="assign-role-title"
      >
        <DialogTitle id="assign-role-title">Assign a role</DialogTitle>
        <DialogContent>
          <Autocomplete
            autoHighlight
            options={catalog.roles}
            getOptionLabel={(option) => option.name}
            value={role}
            onChange={(_event, value) => setRole(value)}
            renderInput={(params) => <TextField {...params} autoFocus margin="dense" label="Role" />}
          />
          <Autocomplete
            autoHighlight
            options={catalog.organizations}
            getOptionLabel={(option) => option.name}
            value={organization}
            onChange={(_event, value) => setOrganization(value)}
            renderInput={(params) => (
              <TextField {...params} margin="dense" label="Organization" helperText="Any organization of the store" />
            )}
          />
          {change.error && <Alert severity="error">{change.error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAssigning(false)}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!role || !organization || change.busy}
            onClick={() =>
              role &&
              organization &&
              void change
                .run(
                  { kind: 'assignRoles', organizationId: organization.id, roleIds: [role.id] },
                  `Assigned ${role.name} in ${organization.name}.`,
                )
                .then((ok) => ok && setAssigning(false))
            }
          >
            Assign
          </Button>
        </DialogActions>
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title="Remove the role?"
        confirmLabel="Remove"
        destructive
        busy={change.busy}
        error={change.error}
        onConfirm={() =>
          removing &&
          void change
            .run(
              { kind: 'removeRole', organizationId: removing.organizationId, roleId: removing.roleId },
              `Removed ${removing.roleName}.`,
            )
            .then((ok) => ok && setRemoving(null))
        }
        onClose={() => {
          change.reset();
          setRemoving(null);
        }}
      >
        The account loses <strong>{removing?.roleName}</strong> in <strong>{removing?.organizationName}</strong>.
      </ConfirmDialog>
    </TabFrame>
  );
}
