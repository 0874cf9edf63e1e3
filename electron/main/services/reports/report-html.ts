/**
 * The account report as a self-contained, printable HTML page and as JSON, both from one document
 * (report-model.ts). No script, no remote resource (its own CSP says so too), every value escaped. Print styles
 * fit A4 and Letter: table headers repeat on every page, no row is split, and each page's footer carries the
 * account's name and the page number.
 */
import type { AccountReportDocument } from '@shared/domain/account-report';
import { buildReportDocument, type AccountReport, type ReportClock } from './report-model';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Account data is untrusted text: every value goes through here before it meets markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => entities[char]!);
}

const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : escapeHtml(value));
type Moment = AccountReportDocument['header']['generatedAt'];
const when = (moment: Moment, relative = false) =>
  moment
    ? `${escapeHtml(moment.display)}${relative ? ` <span class="age">(${escapeHtml(moment.relative)})</span>` : ''}`
    : '—';
/** Browser and system as read from the user agent, the raw string beneath; an unrecognised one as it is. */
const device = (agent: { raw: string | null; browser: string; system: string }) => {
  const recognised = !/^Unknown/.test(agent.browser) || !/^Unknown/.test(agent.system);
  if (!recognised) return agent.raw ? `<span class="raw">${escapeHtml(agent.raw)}</span>` : '—';
  return `${escapeHtml(`${agent.browser} on ${agent.system}`)}${agent.raw ? `<div class="raw">${escapeHtml(agent.raw)}</div>` : ''}`;
};

function table(id: string, title: string, count: number, headers: string[], rows: string[][], none: string): string {
  const body =
    rows.length === 0
      ? `<tr><td colspan="${headers.length}" class="empty">${escapeHtml(none)}</td></tr>`
      : rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<section id="${id}"><h2>${escapeHtml(title)} <span class="count">(${count})</span></h2><table class="${id}"><thead><tr>${headers
    .map((header) => `<th>${escapeHtml(header)}</th>`)
    .join('')}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function pairs(rows: Array<[string, string]>): string {
  return `<table class="pairs"><tbody>${rows
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`)
    .join('')}</tbody></table>`;
}

/** Complex lists as small tables of their fields (by the child attributes' display names). */
function attributeCell(attribute: AccountReportDocument['attributes']['items'][number]): string {
  if (!attribute.rows || attribute.rows.length === 0) return text(attribute.display);
  const headers = attribute.rows[0]!.map((field) => field.displayName);
  return `<table class="sub"><thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${attribute.rows
    .map((row) => `<tr>${row.map((field) => `<td>${text(field.display)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderReportHtml(document: AccountReportDocument): string {
  const { header, summary } = document;
  const account = header.account;
  const identifiers = [account.email, account.username, account.phone].filter(Boolean).join(' · ');
  // Inside a CSS string inside <style>: only letters, digits and a few marks, so no value can end either.
  const footerName = account.name.replace(/[^\p{L}\p{N} .,'@_-]/gu, ' ').slice(0, 80);
  const sections = [
    `<section id="summary"><h2>Summary</h2>${pairs([
      [
        'Status',
        summary.status
          .map((status) => `<b>${escapeHtml(status.label)}</b>: ${escapeHtml(status.meaning)}`)
          .join('<br>'),
      ],
      ['Created', when(summary.created, true)],
      [
        'Last login',
        summary.lastLogin
          ? `${when(summary.lastLogin, true)}${summary.lastLoginPlace ? `, ${escapeHtml(summary.lastLoginPlace)}` : ''}`
          : 'never',
      ],
      ['Number of logins', text(summary.numberOfLogins ?? 'not provided')],
      ['Password lock', escapeHtml(summary.passwordLock)],
      ['Passcode lock', escapeHtml(summary.passcodeLock)],
      [
        'Sign-in check',
        summary.signIn.healthy
          ? escapeHtml(summary.signIn.healthy)
          : summary.signIn.verdicts
              .map(
                (verdict) =>
                  `<b>${verdict.severity === 'blocks' ? 'Blocks' : 'Warns'}</b>: ${escapeHtml(verdict.text)}${
                    verdict.fix ? ` (fix: ${escapeHtml(verdict.fix)})` : ''
                  }`,
              )
              .join('<br>'),
      ],
    ])}</section>`,
    table(
      'attributes',
      'Attributes',
      document.attributes.count,
      ['Attribute', 'Value'],
      document.attributes.items.map((attribute) => [escapeHtml(attribute.displayName), attributeCell(attribute)]),
      'none',
    ),
    table(
      'activity',
      'Activity',
      document.activity.count,
      ['Time', 'Event', 'Outcome', 'Application / client', 'Actor', 'IP', 'Place', 'Browser and system'],
      document.activity.items.map((event) => [
        when(event.at),
        `${escapeHtml(event.name)}<div class="raw">${escapeHtml(event.type)}</div>`,
        escapeHtml(event.outcome),
        text(event.application),
        text(event.actor),
        text(event.ip),
        text(event.place),
        device(event.userAgent),
      ]),
      'none',
    ),
    table(
      'notifications',
      'Notification history',
      document.notifications.count,
      ['Time', 'Message', 'Channel', 'Sent to', 'Policy', 'Client', 'Delivered'],
      document.notifications.items.map((item) => [
        when(item.at),
        escapeHtml(item.template),
        escapeHtml(item.channel),
        escapeHtml(item.target),
        text(item.policy),
        text(item.client),
        escapeHtml(item.delivered.display),
      ]),
      'none',
    ),
    table(
      'groups',
      'Groups',
      document.groups.count,
      ['Group'],
      document.groups.items.map((group) => [escapeHtml(group.name)]),
      'none',
    ),
    table(
      'roles',
      'Roles',
      document.roles.count,
      ['Role', 'Organization'],
      document.roles.items.map((role) => [escapeHtml(role.role), escapeHtml(role.organization)]),
      'none',
    ),
    table(
      'authenticators',
      'Authenticators',
      document.authenticators.count,
      ['Type', 'Target', 'Created', 'Last used'],
      document.authenticators.items.map((item) => [
        escapeHtml(item.type),
        text(item.target),
        when(item.created),
        when(item.lastUsed, true),
      ]),
      'none',
    ),
    table(
      'sessions',
      'Sessions',
      document.sessions.count,
      ['Browser and system', 'Device', 'Place', 'IP', 'Last login'],
      document.sessions.items.map((session) => [
        device(session.userAgent),
        text(session.device),
        text(session.place),
        text(session.ip),
        when(session.lastLogin, true),
      ]),
      'none',
    ),
    table(
      'verification',
      'Identity verification',
      document.identityVerification.count,
      ['Policy', 'Verified', 'Attempts', 'Revoked'],
      document.identityVerification.items.map((item) => [
        escapeHtml(item.policy),
        when(item.proofed),
        escapeHtml(item.attempts),
        when(item.invalidated),
      ]),
      'none',
    ),
    table(
      'consents',
      'Consents',
      document.consents.count,
      ['Consent', 'Version', 'State', 'Agreed', 'Opted out'],
      document.consents.items.map((item) => [
        escapeHtml(item.consent),
        text(item.currentVersion === null ? item.version : `${item.version ?? '?'} of ${item.currentVersion}`),
        escapeHtml(item.state.display),
        when(item.agreed),
        when(item.optedOut),
      ]),
      'none',
    ),
  ];
  const production = header.connection.production ? ' <span class="production">PRODUCTION</span>' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Account report: ${escapeHtml(account.name)}</title>
<style>
  body { font: 12px/1.45 system-ui, sans-serif; color: #111; margin: 24px; }
  h1 { font-size: 20px; margin: 0 0 2px; } h2 { font-size: 15px; margin: 22px 0 6px; }
  .identifiers, .meta { color: #444; margin: 0 0 4px; } .notice { border-left: 3px solid #b45309; padding: 4px 8px; background: #fffbeb; margin: 10px 0; }
  .production { color: #fff; background: #b91c1c; padding: 0 6px; border-radius: 3px; font-weight: 600; }
  .count, .age, .raw { color: #555; font-weight: normal; } .raw { font-size: 10px; overflow-wrap: anywhere; }
  table { border-collapse: collapse; width: 100%; table-layout: auto; }
  th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: auto; }
  thead th { background: #f1f3f5; white-space: nowrap; } .pairs th { width: 170px; background: #f8f9fa; }
  table.sub { margin: 0; } table.sub th, table.sub td { font-size: 11px; }
  .activity td:first-child, .notifications td:first-child { white-space: nowrap; }
  .empty { color: #666; font-style: italic; }
  @page { margin: 14mm 12mm 16mm; @bottom-left { content: "Account report: ${footerName}"; font: 9px system-ui, sans-serif; color: #555; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9px system-ui, sans-serif; color: #555; } }
  @media print {
    body { margin: 0; font-size: 10.5px; }
    thead { display: table-header-group; }
    tr, .pairs tr { break-inside: avoid; page-break-inside: avoid; }
    h2 { break-after: avoid; page-break-after: avoid; }
    .notice { background: none; }
  }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(account.name)}${production}</h1>
<p class="identifiers">${text(identifiers)} · account ${escapeHtml(account.id)} · identity store ${escapeHtml(header.identityStore)}</p>
<p class="meta">Connection ${escapeHtml(header.connection.name)} (${escapeHtml(header.connection.environment)}, ${escapeHtml(
    header.connection.baseUrl,
  )}). Generated ${when(header.generatedAt)} by ${escapeHtml(header.generatedBy)}${
    header.caseReference ? ` for case ${escapeHtml(header.caseReference)}` : ''
  }. Data ${header.data.source === 'live' ? 'fetched from the platform' : 'from the offline cache, fetched'} ${when(
    header.data.fetchedAt,
    true,
  )}. All times ${escapeHtml(header.timeZone.name)}, ${escapeHtml(header.timeZone.offset)}.</p>
<p class="notice">${escapeHtml(document.contents)}</p>
</header>
${sections.join('\n')}
</body>
</html>
`;
}

/** The report's HTML, in the agent's time zone. */
export function buildReportHtml(report: AccountReport, clock: ReportClock = defaultClock()): string {
  return renderReportHtml(buildReportDocument(report, clock));
}

/** The report as JSON in its documented shape (schemaVersion, shared/domain/account-report.schema.json). */
export function buildReportJson(report: AccountReport, clock: ReportClock = defaultClock()): string {
  return reportJson(buildReportDocument(report, clock));
}

export function reportJson(document: AccountReportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** This machine's time zone, now. */
export function defaultClock(): ReportClock {
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', now: Date.now() };
}
