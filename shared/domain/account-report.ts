import { z } from 'zod';

/**
 * The account report's documented shape (`schemaVersion` 1): what the JSON export holds and the HTML report shows,
 * section by section in the console's order. Every value comes raw (as the platform has it; timestamps as ISO
 * 8601 with the agent's offset) and displayed (as the console shows it: display names, the agent's time zone,
 * browser and system read from a user agent). Its JSON Schema is `shared/domain/account-report.schema.json`.
 */
export const REPORT_SCHEMA_VERSION = 1;

/** An ISO 8601 timestamp with the agent's offset, and how it reads in the agent's time zone. */
const Moment = z
  .object({
    raw: z.string().describe('ISO 8601 with offset, e.g. 2026-12-02T23:38:33.448+01:00'),
    display: z.string(),
    relative: z.string().describe('e.g. "3 days ago"'),
  })
  .nullable();

const Shown = z.object({ raw: z.unknown(), display: z.string() });

const Section = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number().int(), items: z.array(item) }).describe('count is 0 and items empty where none');

export const AttributeValue = z.object({
  key: z.string().describe('Dotted key in the account data, e.g. name.givenName'),
  displayName: z.string(),
  type: z.string(),
  raw: z.unknown(),
  display: z.string().describe('Select and checkbox values by their display names; lists joined'),
  /** Complex lists: one row per item, each child by its display name. */
  rows: z.array(z.array(z.object({ displayName: z.string(), raw: z.unknown(), display: z.string() }))).optional(),
});

export const UserAgent = z.object({ raw: z.string().nullable(), browser: z.string(), system: z.string() });

export const AccountReportDocument = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  contents: z.string().describe('What the report contains, and that it is personal data'),
  header: z.object({
    account: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      username: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    identityStore: z.string(),
    connection: z.object({
      name: z.string(),
      environment: z.string(),
      production: z.boolean(),
      baseUrl: z.string(),
      clientId: z.string(),
    }),
    generatedAt: Moment,
    generatedBy: z.string().describe("The agent's display name from settings, else the operating system's user"),
    caseReference: z.string().nullable(),
    timeZone: z.object({ name: z.string(), offset: z.string().describe('e.g. UTC+01:00') }),
    data: z.object({ source: z.enum(['live', 'cache']), fetchedAt: Moment }),
  }),
  summary: z.object({
    status: z.array(z.object({ label: z.string(), meaning: z.string() })),
    created: Moment,
    lastLogin: Moment,
    lastLoginPlace: z.string().nullable(),
    numberOfLogins: z.number().int().nullable(),
    passwordLock: z.string(),
    passcodeLock: z.string(),
    signIn: z
      .object({
        healthy: z.string().nullable().describe('One line when nothing stops the customer from signing in'),
        verdicts: z.array(
          z.object({
            rule: z.string(),
            severity: z.enum(['blocks', 'warns']),
            text: z.string(),
            fix: z.string().nullable().describe('The action that fixes it, as the console offers it'),
          }),
        ),
      })
      .describe('The sign-in check, as the overview panel shows it'),
  }),
  attributes: Section(AttributeValue),
  activity: Section(
    z.object({
      id: z.string(),
      at: Moment,
      name: z.string(),
      type: z.string(),
      outcome: z.string(),
      application: z.string().nullable(),
      actor: z.string().nullable(),
      ip: z.string().nullable(),
      place: z.string().nullable(),
      userAgent: UserAgent,
    }),
  ),
  notifications: Section(
    z.object({
      id: z.string(),
      at: Moment,
      template: z.string(),
      channel: z.string(),
      target: z.string(),
      policy: z.string().nullable(),
      client: z.string().nullable(),
      delivered: Shown,
    }),
  ),
  groups: Section(z.object({ id: z.string(), name: z.string() })),
  roles: Section(
    z.object({ roleId: z.string(), role: z.string(), organizationId: z.string(), organization: z.string() }),
  ),
  authenticators: Section(
    z.object({
      id: z.string(),
      type: z.string(),
      target: z.string().nullable(),
      created: Moment,
      lastUsed: Moment,
    }),
  ),
  sessions: Section(
    z.object({
      id: z.string(),
      userAgent: UserAgent,
      device: z.string().nullable(),
      place: z.string().nullable(),
      ip: z.string().nullable(),
      lastLogin: Moment,
    }),
  ),
  identityVerification: Section(
    z.object({
      id: z.string(),
      policy: z.string(),
      attempts: z.number().int(),
      proofed: Moment,
      invalidated: Moment,
    }),
  ),
  consents: Section(
    z.object({
      id: z.string(),
      consent: z.string(),
      version: z.number().int().nullable(),
      currentVersion: z.number().int().nullable(),
      state: Shown,
      agreed: Moment,
      optedOut: Moment,
    }),
  ),
});
export type AccountReportDocument = z.infer<typeof AccountReportDocument>;
