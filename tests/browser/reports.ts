import { expect, type Page } from '@playwright/test';

/** Exports the open account's report through its dialog and returns the saved file's path. */
export async function exportReport(
  page: Page,
  options: { format?: 'HTML' | 'JSON'; caseReference?: string; author?: string; includeName?: boolean } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Export account report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export account report' });
  if (options.format === 'JSON') await dialog.getByRole('radio', { name: /^JSON/ }).check();
  if (options.caseReference) await dialog.getByLabel('Ticket or case reference (optional)').fill(options.caseReference);
  if (options.author !== undefined) await dialog.getByLabel("Your name, as the report's author").fill(options.author);
  if (options.includeName) await dialog.getByRole('checkbox', { name: /customer's name in the file name/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const notice = page.getByTestId('account-notice');
  await expect(notice).toContainText('Saved');
  return (await notice.textContent())!.replace(/^.*Saved\s+/, '').trim();
}
