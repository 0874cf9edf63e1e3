import { useState } from 'react';
import DeleteIcon from '@mui/icons-material/Delete';
import type { NamedEntity } from '@shared/domain/identity-store';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { GroupRemovalWarning } from '../../../components/GroupRemovalWarning';
import { PickerDialog } from '../../../components/PickerDialog';
import { useAccountViewStore } from '../account-view-store';
import { GatedButton, GatedIconButton } from '../gate';
import { useChange } from '../use-change';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

export function GroupsTab() {
  const { profile, catalog } = useAccountViewStore((state) => state.loaded)!;
  const change = useChange();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<NamedEntity | null>(null);
  const available = catalog.groups.filter((group) => !profile.groups.some((member) => member.id === group.id));
  return (
    <TabFrame
      title="Groups"
      empty={profile.groups.length === 0}
      emptyText="Not a member of any group."
      actions={
        <GatedButton gate="addGroups" variant="contained" size="small" onClick={() => setAdding(true)}>
          Add to group
        </GatedButton>
      }
    >
      <SimpleTable
        label="Group memberships"
        columns={['Group', '']}
        rows={profile.groups}
        rowKey={(group) => group.id}
        cells={(group) => [
          group.name,
          <GatedIconButton
            key="remove"
            gate="removeGroup"
            label={`Remove from ${group.name}`}
            onClick={() => setRemoving(group)}
          >
            <DeleteIcon fontSize="small" />
          </GatedIconButton>,
        ]}
      />
      <PickerDialog
        open={adding}
        title="Add to a group"
        label="Group"
        options={available}
        getLabel={(group) => group.name}
        confirmLabel="Add"
        confirmDisabled={change.busy}
        error={change.error}
        onConfirm={(group) =>
          void change
            .run({ kind: 'addGroups', groupIds: [group.id] }, `Added to ${group.name}.`)
            .then((ok) => ok && setAdding(false))
        }
        onClose={() => setAdding(false)}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Remove from the group?"
        confirmLabel="Remove"
        destructive
        busy={change.busy}
        error={change.error}
        extra={<GroupRemovalWarning />}
        onConfirm={() =>
          removing &&
          void change
            .run({ kind: 'removeGroup', groupId: removing.id }, `Removed from ${removing.name}.`)
            .then((ok) => ok && setRemoving(null))
        }
        onClose={() => {
          change.reset();
          setRemoving(null);
        }}
      >
        The account leaves <strong>{removing?.name}</strong>.
      </ConfirmDialog>
    </TabFrame>
  );
}
