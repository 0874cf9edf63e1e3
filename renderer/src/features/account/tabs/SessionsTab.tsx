import { useState } from 'react';
import type { DeviceSession } from '@shared/domain/profile';
import { parseUserAgent, placeName } from '@shared/domain/user-agent';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ago, dateTime } from '../../../lib/format';
import { useAccountViewStore } from '../account-view-store';
import { GatedButton } from '../gate';
import { useChange } from '../use-change';
import { SimpleTable } from './SimpleTable';
import { TabFrame } from './TabFrame';

export function SessionsTab() {
  const { profile } = useAccountViewStore((state) => state.loaded)!;
  const change = useChange();
  const [ending, setEnding] = useState<DeviceSession | 'all' | null>(null);
  const close = () => {
    change.reset();
    setEnding(null);
  };
  return (
    <TabFrame
      title="Sessions"
      empty={profile.sessions.length === 0}
      emptyText="No open sessions."
      actions={
        <GatedButton
          gate="deleteSessions"
          variant="outlined"
          size="small"
          color="error"
          disabled={profile.sessions.length === 0}
          onClick={() => setEnding('all')}
        >
          Terminate all
        </GatedButton>
      }
    >
      <SimpleTable
        label="Sessions"
        columns={['Browser', 'System', 'Device', 'Location', 'IP', 'Last login', '']}
        rows={profile.sessions}
        rowKey={(session) => session.id}
        cells={(session) => {
          const agent = parseUserAgent(session.userAgent);
          return [
            agent.browser,
            agent.os,
            session.device || '—',
            placeName(session.location),
            session.ip || '—',
            `${dateTime(session.lastLoginAt)} (${ago(session.lastLoginAt)})`,
            <GatedButton key="end" gate="deleteSession" size="small" color="error" onClick={() => setEnding(session)}>
              Terminate
            </GatedButton>,
          ];
        }}
      />
      <ConfirmDialog
        open={ending !== null}
        title={ending === 'all' ? 'Terminate every session?' : 'Terminate this session?'}
        confirmLabel="Terminate"
        destructive
        busy={change.busy}
        error={change.error}
        onConfirm={() =>
          void change
            .run(
              ending === 'all' || ending === null
                ? { kind: 'deleteSessions' }
                : { kind: 'deleteSession', sessionId: ending.id },
              ending === 'all' ? 'Terminated every session.' : 'Terminated the session.',
            )
            .then((ok) => ok && setEnding(null))
        }
        onClose={close}
      >
        {ending === 'all'
          ? `The customer is signed out on every device (${profile.sessions.length} sessions).`
          : 'The customer is signed out on this device.'}
      </ConfirmDialog>
    </TabFrame>
  );
}
