import { statusLabels, type AccountSummary } from './account';

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) neutralised so a spreadsheet never runs
 * account data as a formula.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const columns: Array<[string, (account: AccountSummary) => unknown]> = [
  ['id', (a) => a.id],
  ['store', (a) => a.store],
  ['name', (a) => a.displayName],
  ['username', (a) => a.username],
  ['email', (a) => a.email],
  ['phone', (a) => a.phone],
  ['status', (a) => statusLabels(a).join('; ')],
  ['organization', (a) => a.organization],
  ['lastLoginAt', (a) => a.lastLoginAt],
  ['createdAt', (a) => a.createdAt],
];

export function accountsToCsv(accounts: AccountSummary[]): string {
  const lines = [
    columns.map(([name]) => name).join(','),
    ...accounts.map((account) => columns.map(([, get]) => csvCell(get(account))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
