import { Chip } from '@mui/material';
import type { ConsentState } from '@shared/domain/profile';
import { dateTime } from '../../../lib/format';
import { useAccountViewStore } from '../account-view-store';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

const stateLabel: Record<ConsentState, { label: string; color: 'success' | 'warning' | 'default' }> = {
  agreed: { label: 'agreed', color: 'success' },
  outdated: { label: 'outdated version', color: 'warning' },
  superseded: { label: 'superseded', color: 'default' },
  revoked: { label: 'revoked', color: 'default' },
};

export function ConsentsTab() {
  const { profile } = useAccountViewStore((state) => state.loaded)!;
  return (
    <TabFrame title="Consents" empty={profile.consents.length === 0} emptyText="No consents given.">
      <SimpleTable
        label="Consents"
        columns={['Consent', 'Version', 'Agreed', 'Opted out', 'State']}
        rows={profile.consents}
        rowKey={(consent) => consent.id}
        cells={(consent) => [
          consent.name,
          consent.currentVersion !== null && consent.currentVersion !== consent.version
            ? `${consent.version} (current: ${consent.currentVersion})`
            : String(consent.version),
          dateTime(consent.agreedAt),
          dateTime(consent.optedOutAt),
          <Chip
            key="state"
            size="small"
            label={
              consent.state === 'superseded' && consent.supersededBy !== null
                ? `superseded by version ${consent.supersededBy}`
                : stateLabel[consent.state].label
            }
            color={stateLabel[consent.state].color}
          />,
        ]}
      />
    </TabFrame>
  );
}
