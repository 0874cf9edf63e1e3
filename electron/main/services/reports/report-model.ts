/**
 * The account report's content, built once and rendered twice (HTML and JSON): dates in the agent's time zone,
 * select and checkbox values by their display names, complex lists as rows of named fields, browser and system
 * read from user agents, places as "City, Country". Pure, so every rule is unit-tested.
 */
import { displayValue, shownAttributes, valueAt } from '@shared/domain/attribute-values';
import { signInCheck } from '@shared/domain/sign-in-check';
import { statusLabels, statusMeanings } from '@shared/domain/account';
import {
  AccountReportDocument,
  REPORT_SCHEMA_VERSION,
  type AccountReportDocument as Document,
} from '@shared/domain/account-report';
import type { AttributeDefinition } from '@shared/domain/identity-store';
import type { AccountProfile, AccountEvent, StoreCatalog } from '@shared/domain/profile';
import { ago } from '@shared/domain/relative-time';
import { parseUserAgent, placeName } from '@shared/domain/user-agent';

export interface AccountReport {
  generatedAt: string;
  connection: { name: string; baseUrl: string; environment: string; clientId: string };
  /** Who exported it: the agent's display name from settings, else the operating system's user. */
  agent: string;
  source: 'live' | 'cache';
  fetchedAt: string;
  profile: AccountProfile;
  catalog: StoreCatalog;
  /** Every cached event of the account, newest first. */
  events: AccountEvent[];
  /** A ticket or case the agent typed when exporting. */
  caseReference?: string | null;
  /** Why the latest sign-ins failed, when the platform said (for the sign-in check). */
  lastFailureReason?: string | null;
}

export interface ReportClock {
  /** An IANA time zone (the agent's). */
  timeZone: string;
  now: number;
}

/** Formatters are costly to make and a report of 10,000 events asks for 20,000 readings: one per zone and kind. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'offset' | 'parts', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === 'offset'
        ? new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        : new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
            timeZoneName: 'longOffset',
          });
    formatters.set(key, made);
  }
  return made;
}

/** "UTC+01:00" for a time zone at an instant. */
export function utcOffset(timeZone: string, at: number): string {
  const part = formatter('offset', timeZone)
    .formatToParts(new Date(at))
    .find((item) => item.type === 'timeZoneName')?.value;
  const offset = part?.replace('GMT', '') || '+00:00';
  return `UTC${offset}`;
}

/** An instant as ISO 8601 in a time zone: 2026-12-02T23:38:33.448+01:00. */
export function isoInZone(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter('parts', timeZone)
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  const millis = String(new Date(at).getUTCMilliseconds()).padStart(3, '0');
  // The offset comes with the other parts: one formatting per instant (a report formats thousands).
  const offset = parts.timeZoneName?.replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${millis}${offset}`;
}

function moments(clock: ReportClock) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: clock.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso: string | null | undefined) => {
    if (!iso) return null;
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return null;
    return { raw: isoInZone(at, clock.timeZone), display: format.format(at), relative: ago(iso, clock.now) };
  };
}

/** The sign-in check as the overview shows it, in the report's time zone. */
function reportSignIn(report: AccountReport, clock: ReportClock, moment: ReturnType<typeof moments>) {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: clock.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const check = signInCheck({
    profile: report.profile,
    lastFailureReason: report.lastFailureReason ?? null,
    format: { day: (iso) => day.format(Date.parse(iso)), time: (iso) => moment(iso)?.display ?? iso },
    now: clock.now,
  });
  return {
    healthy: check.healthy,
    verdicts: check.verdicts.map(({ rule, severity, text, fix }) => ({
      rule,
      severity,
      text,
      fix: fix?.label ?? null,
    })),
  };
}

function attributeValue(attribute: AttributeDefinition, data: Record<string, unknown>) {
  const raw = valueAt(data, attribute.key) ?? null;
  const base = { key: attribute.key, displayName: attribute.displayName, type: attribute.type, raw };
  if (attribute.type !== 'COMPLEX_LIST' || !Array.isArray(raw))
    return { ...base, display: displayValue(attribute, raw) };
  const children = attribute.children ?? [];
  const rows = raw.map((item) => {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const known = children.map((child) => ({
      displayName: child.displayName,
      raw: record[child.name] ?? null,
      display: displayValue(child, record[child.name]),
    }));
    // Fields the schema does not name stay, under their own key.
    const extra = Object.keys(record)
      .filter((key) => !children.some((child) => child.name === key))
      .map((key) => ({
        displayName: key,
        raw: record[key],
        display: displayValue({ type: 'STRING', options: [] }, record[key]),
      }));
    return [...known, ...extra];
  });
  return { ...base, display: rows.length === 0 ? 'none' : `${rows.length} item${rows.length === 1 ? '' : 's'}`, rows };
}

const section = <T>(items: T[]) => ({ count: items.length, items });
const userAgent = (raw: string | null | undefined) => {
  const parsed = parseUserAgent(raw);
  return { raw: raw || null, browser: parsed.browser, system: parsed.os };
};
const place = (location: { city: string | null; country: string | null } | null) =>
  location ? placeName(location) : null;
const lockText = (state: AccountProfile['passwordLock'], moment: ReturnType<typeof moments>) =>
  state.locked === null
    ? 'not provided'
    : state.locked
      ? state.until
        ? `locked until ${moment(state.until)?.display ?? state.until}`
        : 'locked until an agent lifts it'
      : 'not locked';

/** The report's whole content, checked against its documented schema. */
export function buildReportDocument(report: AccountReport, clock: ReportClock): Document {
  const { profile, catalog } = report;
  const summary = profile.summary;
  const moment = moments(clock);
  const consentState: Record<string, string> = {
    agreed: 'Agreed',
    outdated: 'Agreed to an older version',
    superseded: 'Superseded by a newer version',
    revoked: 'Opted out',
  };
  const document: Document = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    contents:
      'This report holds personal data of one customer account: identifiers, profile attributes visible in the ' +
      'admin console, activity and notifications, groups, roles, authenticators, sessions, identity verification ' +
      'and consents. Handle it under your data protection rules and share it only with those who need it.',
    header: {
      account: {
        id: summary.id,
        name: summary.displayName,
        email: summary.email,
        username: summary.username,
        phone: summary.phone,
      },
      identityStore: summary.store,
      connection: { ...report.connection, production: report.connection.environment === 'production' },
      generatedAt: moment(report.generatedAt),
      generatedBy: report.agent,
      caseReference: report.caseReference?.trim() || null,
      timeZone: { name: clock.timeZone, offset: utcOffset(clock.timeZone, clock.now) },
      data: { source: report.source, fetchedAt: moment(report.fetchedAt) },
    },
    summary: {
      status: statusLabels(summary).map((label) => ({ label, meaning: statusMeanings[label] })),
      created: moment(summary.createdAt),
      lastLogin: moment(profile.lastLogin?.at),
      lastLoginPlace: place(profile.lastLogin?.location ?? null),
      numberOfLogins: profile.numberOfLogins,
      passwordLock: lockText(profile.passwordLock, moment),
      passcodeLock: lockText(profile.passcodeLock, moment),
      signIn: reportSignIn(report, clock, moment),
    },
    // Only what the admin console shows: hidden attributes never leave the platform through a report.
    attributes: section(
      shownAttributes(catalog.schema).map((attribute) => attributeValue(attribute, profile.attributes)),
    ),
    activity: section(
      report.events.map((event) => ({
        id: event.id,
        at: moment(event.at),
        name: event.name,
        type: event.type,
        outcome: event.outcome,
        application: [event.application, event.client].filter(Boolean).join(' / ') || null,
        actor: event.actor,
        ip: event.ip,
        place: place(event.location),
        userAgent: userAgent(event.userAgent),
      })),
    ),
    notifications: section(
      profile.notifications.map((item) => ({
        id: item.id,
        at: moment(item.at),
        template: item.template,
        channel: item.channel,
        target: item.target,
        policy: item.policyName,
        client: item.clientName,
        delivered: { raw: item.success, display: item.success === null ? 'not provided' : item.success ? 'Yes' : 'No' },
      })),
    ),
    groups: section(profile.groups.map((group) => ({ id: group.id, name: group.name }))),
    roles: section(
      profile.roles.map((role) => ({
        roleId: role.roleId,
        role: role.roleName,
        organizationId: role.organizationId,
        organization: role.organizationName,
      })),
    ),
    authenticators: section(
      profile.authenticators.map((item) => ({
        id: item.id,
        type: item.type,
        target: item.target,
        created: moment(item.createdAt),
        lastUsed: moment(item.lastUsedAt),
      })),
    ),
    sessions: section(
      profile.sessions.map((session) => ({
        id: session.id,
        userAgent: userAgent(session.userAgent),
        device: session.device || null,
        place: place(session.location),
        ip: session.ip || null,
        lastLogin: moment(session.lastLoginAt),
      })),
    ),
    identityVerification: section(
      profile.proofings.map((item) => ({
        id: item.id,
        policy: item.policyName,
        attempts: item.attempts,
        proofed: moment(item.proofedAt),
        invalidated: moment(item.invalidatedAt),
      })),
    ),
    consents: section(
      profile.consents.map((item) => ({
        id: item.id,
        consent: item.name,
        version: item.version,
        currentVersion: item.currentVersion,
        state: {
          raw: item.state,
          display:
            item.state === 'superseded' && item.supersededBy !== null
              ? `Superseded by version ${item.supersededBy}`
              : (consentState[item.state] ?? item.state),
        },
        agreed: moment(item.agreedAt),
        optedOut: moment(item.optedOutAt),
      })),
    ),
  };
  return AccountReportDocument.parse(document);
}
