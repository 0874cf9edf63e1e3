import { z } from 'zod';
import {
  AuditPage,
  EventDetail,
  EventPage,
  EventQuery,
  NotificationDetail,
  NotificationOption,
  ProfileAction,
  ProfileView,
} from '../domain/profile';
import { defineContract, NoInput } from './define';
import { AccountRef, StoreName } from '../domain/account';

const Saved = z.object({ path: z.string().nullable() });
/** A ticket or case reference the agent types when exporting a report. */
const CaseReference = z.string().trim().max(120).optional();

export const profileContracts = {
  /** The whole account for the overview and the tabs: live, or cached with its age when offline. */
  open: defineContract({ channel: 'profiles:open', input: AccountRef, output: ProfileView }),
  events: defineContract({
    channel: 'profiles:events',
    input: EventQuery,
    output: EventPage.extend({ source: z.enum(['live', 'cache']) }),
  }),
  event: defineContract({
    channel: 'profiles:event',
    input: z.strictObject({ eventId: z.string().min(1).max(128) }),
    output: EventDetail,
  }),
  notification: defineContract({
    channel: 'profiles:notification',
    input: z.strictObject({ store: StoreName, notificationId: z.string().min(1).max(128) }),
    output: NotificationDetail,
  }),
  /** The clients the platform's rules allow notifying this account through, with the branding and policy. */
  notificationOptions: defineContract({
    channel: 'profiles:notification-options',
    input: AccountRef,
    output: z.array(NotificationOption),
  }),
  /** One change; answers the account as it is afterwards. */
  act: defineContract({
    channel: 'profiles:act',
    input: AccountRef.extend({ action: ProfileAction }),
    output: ProfileView,
  }),
  /** Irreversible: the agent types the account's first identifier (email, else username, else id). */
  deleteAccount: defineContract({
    channel: 'profiles:delete-account',
    input: AccountRef.extend({ confirmation: z.string().max(320) }),
    output: z.null(),
  }),
  /** The labels the platform gives events (`success:login`, `failure:login`, ...), for the activity filter. */
  eventLabels: defineContract({
    channel: 'profiles:event-labels',
    input: z.object({}).strict(),
    output: z.array(z.string()),
  }),
  /** Who changed this account: the platform's administrative audit, newest first. */
  audit: defineContract({
    channel: 'profiles:audit',
    input: AccountRef.extend({
      page: z.number().int().min(0).max(10_000),
      size: z.number().int().min(1).max(100),
    }),
    output: AuditPage,
  }),
  /**
   * Sign in as the customer through an application client, for a reason the journal keeps. The desktop app opens
   * the one-time link in the system browser and answers no URL; the web host answers it for the browser to open.
   */
  impersonate: defineContract({
    channel: 'profiles:impersonate',
    input: AccountRef.extend({ clientId: z.string().min(1).max(128), reason: z.string().max(512) }),
    output: z.object({ opened: z.boolean(), url: z.string().nullable() }),
  }),
  /** The platform's own "download account information", saved where the agent chooses. */
  download: defineContract({
    channel: 'profiles:download',
    input: AccountRef.extend({ fileType: z.enum(['html', 'json']) }),
    output: Saved,
  }),
  /** Deskside's account report from the cached profile (refreshed first when online). */
  exportReport: defineContract({
    channel: 'profiles:export-report',
    input: AccountRef.extend({
      format: z.enum(['html', 'json', 'pdf']),
      caseReference: CaseReference,
      /** The customer's name in the file name (by default only the account id and the date). */
      includeName: z.boolean().optional(),
    }),
    output: Saved.extend({ events: z.number().int() }),
  }),
  /** The report's HTML, for the browser's own print dialog where there is no PDF printer (the web host). */
  reportHtml: defineContract({
    channel: 'profiles:report-html',
    input: AccountRef.extend({ caseReference: CaseReference }),
    output: z.string(),
  }),
  reportFormats: defineContract({
    channel: 'profiles:report-formats',
    input: NoInput,
    output: z.array(z.enum(['html', 'json', 'pdf'])),
  }),
};
