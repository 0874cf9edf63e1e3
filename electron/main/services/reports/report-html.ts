import { shownAttributes, valueAt } from '@shared/domain/attribute-values';
import type { AccountEvent, AccountProfile, StoreCatalog } from '@shared/domain/profile';
import { parseUserAgent, placeName } from '@shared/domain/user-agent';
import { statusLabels } from '@shared/domain/account';

export interface AccountReport {
  generatedAt: string;
  connection: { name: string; baseUrl: string; environment: string; clientId: string };
  agent: string;
  source: 'live' | 'cache';
  fetchedAt: string;
  profile: AccountProfile;
  catalog: StoreCatalog;
  /** Every cached event of the account, newest first. */
  events: AccountEvent[];
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Account data is untrusted text: every value goes through here before it meets markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => entities[char]!);
}

const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : escapeHtml(value));

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) return value.map(escapeHtml).join('<br>');
    return value
      .map(
        (item) =>
          `<div class="item">${Object.entries(item as Record<string, unknown>)
            .map(([key, child]) => `${escapeHtml(key)}: ${text(child)}`)
            .join('<br>')}</div>`,
      )
      .join('');
  }
  if (typeof value === 'object') return escapeHtml(JSON.stringify(value));
  return escapeHtml(value);
}

function table(caption: string, headers: string[], rows: string[][], empty: string): string {
  const body =
    rows.length === 0
      ? `<tr><td colspan="${headers.length}" class="empty">${escapeHtml(empty)}</td></tr>`
      : rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<section><h2>${escapeHtml(caption)}</h2><table><thead><tr>${headers
    .map((header) => `<th>${escapeHtml(header)}</th>`)
    .join('')}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function pairs(caption: string, rows: Array<[string, string]>): string {
  return `<section><h2>${escapeHtml(caption)}</h2><table class="pairs"><tbody>${rows
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`)
    .join('')}</tbody></table></section>`;
}

/**
 * A self-contained, print-friendly HTML report of one account: every tab, when and by whom it was made, and
 * from which connection. No script, no remote resource (the CSP says so too), every value escaped.
 */
export function buildReportHtml(report: AccountReport): string {
  const { profile, catalog } = report;
  const summary = profile.summary;
  const lock = (state: AccountProfile['passwordLock']) =>
    state.locked === null
      ? 'not provided'
      : state.locked
        ? `locked${state.until ? ` until ${escapeHtml(state.until)}` : ''}`
        : 'not locked';
  const sections = [
    pairs('Overview', [
      ['Display name', text(summary.displayName)],
      ['Status', escapeHtml(statusLabels(summary).join(', '))],
      ['Email', text(summary.email)],
      ['Username', text(summary.username)],
      ['Phone', text(summary.phone)],
      ['Identity store', text(summary.store)],
      ['Organization', text(summary.organization)],
      ['Created', text(summary.createdAt)],
      ['Last login', text(profile.lastLogin?.at)],
      ['Number of logins', text(profile.numberOfLogins)],
      ['Password lock', lock(profile.passwordLock)],
      ['Passcode lock', lock(profile.passcodeLock)],
      ['Account id', text(summary.id)],
    ]),
    table(
      'Attributes',
      ['Attribute', 'Value'],
      shownAttributes(catalog.schema).map((attribute) => [
        escapeHtml(attribute.displayName),
        formatValue(valueAt(profile.attributes, attribute.key)),
      ]),
      'This identity store shows no attributes.',
    ),
    table(
      `Activity (${report.events.length} events)`,
      ['Time', 'Event', 'Type', 'Outcome', 'Application / client', 'Actor', 'IP', 'Location', 'User agent'],
      report.events.map((event) => [
        text(event.at),
        text(event.name),
        text(event.type),
        text(event.outcome),
        text([event.application, event.client].filter(Boolean).join(' / ')),
        text(event.actor),
        text(event.ip),
        text(placeName(event.location)),
        text(event.userAgent),
      ]),
      'No events.',
    ),
    table(
      'Notifications',
      ['Time', 'Template', 'Target', 'Policy', 'Client', 'Delivered'],
      profile.notifications.map((item) => [
        text(item.at),
        text(item.template),
        text(item.target),
        text(item.policyName),
        text(item.clientName),
        item.success ? 'Yes' : 'No',
      ]),
      'No notifications.',
    ),
    table(
      'Groups',
      ['Group'],
      profile.groups.map((group) => [text(group.name)]),
      'Not a member of any group.',
    ),
    table(
      'Roles',
      ['Role', 'Organization'],
      profile.roles.map((role) => [text(role.roleName), text(role.organizationName)]),
      'No roles.',
    ),
    table(
      'Authenticators',
      ['Type', 'Target', 'Created', 'Last used'],
      profile.authenticators.map((item) => [
        text(item.type),
        text(item.target),
        text(item.createdAt),
        text(item.lastUsedAt),
      ]),
      'No authenticators.',
    ),
    table(
      'Sessions',
      ['Browser', 'System', 'Device', 'Location', 'IP', 'Last login'],
      profile.sessions.map((session) => {
        const agent = parseUserAgent(session.userAgent);
        return [
          text(agent.browser),
          text(agent.os),
          text(session.device),
          text(placeName(session.location)),
          text(session.ip),
          text(session.lastLoginAt),
        ];
      }),
      'No sessions.',
    ),
    table(
      'Identity verification',
      ['Policy', 'Proofed at', 'Attempts', 'Invalidated at'],
      profile.proofings.map((item) => [
        text(item.policyName),
        text(item.proofedAt),
        text(item.attempts),
        text(item.invalidatedAt),
      ]),
      'No identity verification.',
    ),
    table(
      'Consents',
      ['Consent', 'Version', 'Agreed', 'Opted out', 'State'],
      profile.consents.map((item) => [
        text(item.name),
        text(item.currentVersion === null ? item.version : `${item.version} of ${item.currentVersion}`),
        text(item.agreedAt),
        text(item.optedOutAt),
        text(item.state),
      ]),
      'No consents.',
    ),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Account report: ${escapeHtml(summary.displayName)}</title>
<style>
  body { font: 13px/1.45 system-ui, sans-serif; color: #111; margin: 24px; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 24px 0 6px; }
  .meta { color: #444; margin: 0 0 16px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  thead th { background: #f1f3f5; } .pairs th { width: 200px; background: #f8f9fa; }
  .empty { color: #666; font-style: italic; } .item + .item { margin-top: 4px; border-top: 1px dotted #ccc; }
  @media print { body { margin: 0; } section { break-inside: auto; } thead { display: table-header-group; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Account report: ${escapeHtml(summary.displayName)}</h1>
<p class="meta">Generated ${escapeHtml(report.generatedAt)} by ${escapeHtml(report.agent)} through ${escapeHtml(
    report.connection.name,
  )} (${escapeHtml(report.connection.environment)}, ${escapeHtml(report.connection.baseUrl)}, client ${escapeHtml(
    report.connection.clientId,
  )}). Data ${report.source === 'live' ? 'fetched' : 'from the offline cache, fetched'} ${escapeHtml(report.fetchedAt)}.</p>
${sections.join('\n')}
</body>
</html>
`;
}

/** The same report as JSON, for other tools. */
export function buildReportJson(report: AccountReport): string {
  return `${JSON.stringify(
    {
      report: {
        generatedAt: report.generatedAt,
        agent: report.agent,
        connection: report.connection,
        source: report.source,
        fetchedAt: report.fetchedAt,
      },
      account: report.profile,
      events: report.events,
      catalog: { schema: report.catalog.schema },
    },
    null,
    2,
  )}\n`;
}
