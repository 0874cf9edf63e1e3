import { create } from 'zustand';
import { DesksideError } from '@shared/contracts';
import type { ProfileAction, ProfileView } from '@shared/domain/profile';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';

export const profileTabs = [
  'attributes',
  'activity',
  'groups',
  'roles',
  'authenticators',
  'sessions',
  'verification',
  'consents',
] as const;
export type ProfileTab = (typeof profileTabs)[number];

/** The dialogs the sign-in check's fixes open: the Authenticators tab's two, and the email's in the overview. */
export type RequestedDialog = 'passwordReset' | 'addAuthenticator' | 'confirmEmail';

/** The outcome of one change, for the dialog that asked for it. */
export interface ActionOutcome {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

interface AccountViewState {
  target: { store: string; accountId: string } | null;
  loaded: ProfileView | null;
  loading: boolean;
  error: string | null;
  tab: ProfileTab;
  /** The kind of change being sent, so its button can show progress and others wait. */
  busy: string | null;
  /** What the last change did, for the status line ("Saved", or why it failed). */
  notice: { severity: 'success' | 'error'; text: string } | null;
  open(store: string, accountId: string): Promise<void>;
  refresh(): Promise<void>;
  close(): void;
  setTab(tab: ProfileTab): void;
  /** A dialog another part of the view asked for (the sign-in check's "Send a password reset"). */
  requested: RequestedDialog | null;
  request(dialog: RequestedDialog): void;
  act(action: ProfileAction, done: string): Promise<ActionOutcome>;
  dismissNotice(): void;
}

const failure = (error: unknown): ActionOutcome => ({
  ok: false,
  message: messageOf(error),
  ...(error instanceof DesksideError && error.envelope.fieldErrors ? { fieldErrors: error.envelope.fieldErrors } : {}),
});

/** The account being viewed, with every tab's data. */
export const useAccountViewStore = create<AccountViewState>((set, get) => ({
  target: null,
  loaded: null,
  loading: false,
  error: null,
  tab: 'attributes',
  busy: null,
  notice: null,
  async open(store, accountId) {
    set({ target: { store, accountId }, loaded: null, error: null, notice: null });
    // Opening records the account among the recent ones (main side; the recent list hears of it).
    await get().refresh();
  },
  async refresh() {
    const target = get().target;
    if (!target) return;
    set({ loading: true, error: null });
    try {
      const loaded = await deskside.profiles.open(target);
      if (get().target === target) set({ loaded, loading: false });
    } catch (error) {
      if (get().target === target) set({ loading: false, error: messageOf(error) });
    }
  },
  close: () => set({ target: null, loaded: null, error: null, notice: null }),
  setTab: (tab) => set({ tab }),
  requested: null,
  // The authenticator dialogs live on their tab; the identifier one in the overview, always in view.
  request: (dialog) =>
    set(dialog === 'confirmEmail' ? { requested: dialog } : { requested: dialog, tab: 'authenticators' }),
  async act(action, done) {
    const target = get().target;
    if (!target) return { ok: false, message: 'No account is open.' };
    set({ busy: action.kind, notice: null });
    try {
      const loaded = await deskside.profiles.act({ ...target, action });
      if (get().target === target) set({ loaded, busy: null, notice: { severity: 'success', text: done } });
      return { ok: true };
    } catch (error) {
      const outcome = failure(error);
      set({ busy: null, notice: { severity: 'error', text: outcome.message ?? 'The change failed.' } });
      return outcome;
    }
  },
  dismissNotice: () => set({ notice: null }),
}));
