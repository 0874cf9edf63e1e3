import { useCallback, useState } from 'react';
import type { ProfileAction } from '@shared/domain/profile';
import { useAccountViewStore } from './account-view-store';

/** One dialog's change: run it, and keep why it failed (message and field errors) for the dialog to show. */
export function useChange() {
  const act = useAccountViewStore((state) => state.act);
  const busy = useAccountViewStore((state) => state.busy);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);
  const run = useCallback(
    async (action: ProfileAction, done: string) => {
      reset();
      const outcome = await act(action, done);
      if (!outcome.ok) {
        setError(outcome.message ?? 'The change failed.');
        setFieldErrors(outcome.fieldErrors ?? {});
      }
      return outcome.ok;
    },
    [act, reset],
  );
  return { run, busy: Boolean(busy), error, fieldErrors, reset };
}
