import { expect, type Page } from '@playwright/test';

/** Adds a connection through the connections dialog (tested first) and switches to it. */
export async function addConnection(
  page: Page,
  connection: { name: string; url: string; clientId: string; clientSecret: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Connection' }).click();
  await page.getByRole('menuitem', { name: 'Manage connections…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connections' });
  await dialog.getByRole('button', { name: 'Add connection' }).click();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(connection.name);
  await dialog.getByLabel('Tenant URL').fill(connection.url);
  await dialog.getByLabel('Client id').fill(connection.clientId);
  await dialog.getByLabel('Client secret').fill(connection.clientSecret);
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByText(/^Connected:/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Connection' }).click();
  await page.getByRole('menuitem', { name: new RegExp(connection.name) }).click();
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText(connection.name);
  await expect(page.getByTestId('connectivity')).toHaveText('online');
}

/** Connects to a test platform as its supervisor demo client (every permission), through the dialog. */
export function connectAsSupervisor(page: Page, name: string, platform: { url: string }): Promise<void> {
  return addConnection(page, {
    name,
    url: platform.url,
    clientId: 'deskside-supervisor',
    clientSecret: 'supervisor-demo-secret',
  });
}

/** The account view's tabs, as their labels read. */
export const accountTabs = [
  'Attributes',
  'Activity',
  'Groups',
  'Roles',
  'Authenticators',
  'Sessions',
  'Verification',
  'Consents',
] as const;
