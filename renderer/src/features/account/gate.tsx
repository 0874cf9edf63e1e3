import type { ReactNode } from 'react';
import { Button, IconButton, Tooltip, type ButtonProps } from '@mui/material';
import type { ConsoleAction } from '@shared/domain/console-actions';
import { refusal, useConnectionStore } from '../connections/connection-store';
import { useAccountViewStore } from './account-view-store';

export type GateName = ConsoleAction;

/** Why an action cannot run now (offline, cached copy, missing permission), or null when it can. */
export function useGate(): (gate: GateName) => string | null {
  const status = useConnectionStore((state) => state.status);
  const source = useAccountViewStore((state) => state.loaded?.source);
  return (gate) => {
    if (status?.connectivity.state === 'offline' || source === 'cache')
      return 'Offline: changes are disabled until the platform answers again.';
    return refusal(status, gate);
  };
}

type GatedButtonProps = Omit<ButtonProps, 'disabled'> & { gate: GateName; disabled?: boolean; title?: string };

/** A button that is shown disabled, with the reason in its tooltip, when the action is not allowed now. */
export function GatedButton({ gate, disabled, title, children, ...props }: GatedButtonProps) {
  const reason = useGate()(gate);
  return (
    <Tooltip title={reason ?? title ?? ''} describeChild>
      <span data-disabled-reason={reason ?? undefined} style={{ display: 'inline-flex' }}>
        <Button {...props} disabled={Boolean(reason) || disabled}>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}

/** The icon-only variant, for row actions. */
export function GatedIconButton(props: {
  gate: GateName;
  label: string;
  onClick(): void;
  children: ReactNode;
  disabled?: boolean;
}) {
  const reason = useGate()(props.gate);
  return (
    <Tooltip title={reason ?? props.label} describeChild>
      <span data-disabled-reason={reason ?? undefined} style={{ display: 'inline-flex' }}>
        <IconButton
          size="small"
          aria-label={props.label}
          disabled={Boolean(reason) || props.disabled}
          onClick={props.onClick}
        >
          {props.children}
        </IconButton>
      </span>
    </Tooltip>
  );
}
