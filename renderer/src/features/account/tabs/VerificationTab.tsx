import { useState } from 'react';
import { Stack } from '@mui/material';
import { proofingStepsInWords } from '@shared/domain/identity-store';
import type { Proofing } from '@shared/domain/profile';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PickerDialog } from '../../../components/PickerDialog';
import { dateTime } from '../../../lib/format';
import { useAccountViewStore } from '../account-view-store';
import { GatedButton } from '../gate';
import { useChange } from '../use-change';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

export function VerificationTab() {
  const { profile, catalog } = useAccountViewStore((state) => state.loaded)!;
  const change = useChange();
  const [verifying, setVerifying] = useState(false);
  const [revoking, setRevoking] = useState<Proofing | null>(null);
  return (
    <TabFrame
      title="Identity verification"
      empty={profile.proofings.length === 0}
      emptyText="The account has not been through identity verification."
      actions={
        <GatedButton
          gate="verifyManually"
          variant="contained"
          size="small"
          onClick={() => {
            change.reset();
            setVerifying(true);
          }}
        >
          Verify manually
        </GatedButton>
      }
    >
      <SimpleTable
        label="Identity verification"
        columns={['Policy', 'Proofed at', 'Attempts', 'Invalidated at', '']}
        rows={profile.proofings}
        rowKey={(proofing) => proofing.id}
        cells={(proofing) => [
          proofing.policyName,
          dateTime(proofing.proofedAt),
          String(proofing.attempts),
          dateTime(proofing.invalidatedAt),
          <Stack key="actions" direction="row" spacing={1}>
            {proofing.proofedAt && !proofing.invalidatedAt && (
              <GatedButton gate="revokeProofing" size="small" color="error" onClick={() => setRevoking(proofing)}>
                Revoke
              </GatedButton>
            )}
            {proofing.attempts > 0 && (
              <GatedButton
                gate="clearProofingAttempts"
                size="small"
                disabled={change.busy}
                onClick={() =>
                  void change.run(
                    { kind: 'clearProofingAttempts', proofingId: proofing.id },
                    `Cleared the failed attempts of ${proofing.policyName}.`,
                  )
                }
              >
                Clear failed attempts
              </GatedButton>
            )}
          </Stack>,
        ]}
      />
      <PickerDialog
        open={verifying}
        title="Verify the identity manually"
        label="Identity verification policy"
        options={catalog.proofingPolicies}
        getLabel={(policy) => policy.name}
        getDescription={(policy) => proofingStepsInWords(policy) || 'The policy lists no steps.'}
        confirmLabel="Mark as verified"
        confirmDisabled={change.busy}
        error={change.error}
        onConfirm={(policy) =>
          void change
            .run({ kind: 'verifyManually', policyId: policy.id }, `Verified under ${policy.name}.`)
            .then((ok) => ok && setVerifying(false))
        }
        onClose={() => setVerifying(false)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke the verification?"
        confirmLabel="Revoke"
        destructive
        busy={change.busy}
        error={change.error}
        onConfirm={() =>
          revoking &&
          void change
            .run({ kind: 'revokeProofing', proofingId: revoking.id }, `Revoked ${revoking.policyName}.`)
            .then((ok) => ok && setRevoking(null))
        }
        onClose={() => {
          change.reset();
          setRevoking(null);
        }}
      >
        The verification under <strong>{revoking?.policyName}</strong> is invalidated; the customer must verify again
        where it is required.
      </ConfirmDialog>
    </TabFrame>
  );
}
