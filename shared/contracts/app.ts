import { AppInfo } from '../domain/app-info';
import { z } from 'zod';
import { defineContract, defineEvent, NoInput } from './define';

export const appContracts = {
  info: defineContract({ channel: 'app:info', input: NoInput, output: AppInfo }),
};

export const appEvents = {
  /** The application menu's "About Deskside". */
  showAbout: defineEvent({ channel: 'app:show-about', payload: z.object({}) }),
  /** A deskside://account/<store>/<accountId> link was opened (from a ticket system). */
  openAccount: defineEvent({
    channel: 'app:open-account',
    payload: z.object({ store: z.string(), accountId: z.string() }),
  }),
};
