import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './web-host';

test('the shell loads with its top bar, navigation, main area and status bar', async ({ page, webHost }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(webHost.url);
  await expect(page.getByRole('heading', { name: 'Deskside', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByTestId('status-host')).toHaveText(/Web host · Deskside \d+\.\d+\.\d+/);
  expect(errors).toEqual([]);
});

test('the About dialog shows the version the main side reported', async ({ page, webHost, request }) => {
  const answer = await request.post(`${webHost.origin}/api/app:info`, {
    headers: { 'X-Deskside-Token': webHost.token },
    data: '',
  });
  const info = (await answer.json()) as { ok: true; value: { version: string; dataDir: string } };
  expect(info.ok).toBe(true);
  await page.goto(webHost.url);
  await page.getByRole('button', { name: 'About Deskside' }).click();
  const dialog = page.getByRole('dialog', { name: 'About Deskside' });
  await expect(dialog.getByTestId('about-version')).toHaveText(info.value.version);
  await expect(dialog.getByTestId('about-data-folder')).toHaveText(webHost.dataDir);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a theme choice persists across a reload and in the settings file', async ({ page, webHost }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(webHost.url);
  const shell = page.locator('[data-theme-mode]');
  await expect(shell).toHaveAttribute('data-theme-mode', 'light');
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('menuitem', { name: 'Theme: Dark' }).click();
  await expect(shell).toHaveAttribute('data-theme-mode', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 20, 24)');

  await page.reload();
  await expect(shell).toHaveAttribute('data-theme-mode', 'dark');
  const saved = JSON.parse(readFileSync(join(webHost.dataDir, 'settings.json'), 'utf8')) as { theme: string };
  expect(saved.theme).toBe('dark');

  // Back to following the OS: the OS says dark now, so the shell is dark without a stored choice.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('menuitem', { name: 'Theme: Follow the system' }).click();
  await expect(shell).toHaveAttribute('data-theme-mode', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(shell).toHaveAttribute('data-theme-mode', 'light');
});

test('the token leaves the address bar at once and lasts through a reload; a tab without it is told what to do', async ({
  page,
  webHost,
  browser,
}) => {
  await page.goto(webHost.url);
  // The status bar's cache line comes from a call: it shows only when the call was authorised.
  await expect(page.getByText(/^Cache: \d+ accounts$/)).toBeVisible();
  expect(page.url()).toBe(`${webHost.origin}/`);
  await page.reload();
  await expect(page.getByText(/^Cache: \d+ accounts$/)).toBeVisible();
  expect(page.url()).not.toContain(webHost.token);

  // Another browser (no open Deskside tab to ask): the shell loads, explains itself, and calls nothing.
  const stranger = await browser.newPage();
  try {
    const refused: number[] = [];
    stranger.on('response', (response) => {
      if (response.url().includes('/api/')) refused.push(response.status());
    });
    await stranger.goto(`${webHost.origin}/account/consumers/any-id`);
    await expect(stranger.getByRole('heading', { name: 'Open this link from Deskside' })).toBeVisible();
    expect(refused).toEqual([]);
  } finally {
    await stranger.close();
  }
});

test('an event pushed before the event stream opened is not lost: the page reads the state again once it opens', async ({
  page,
  webHost,
  request,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/events', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(webHost.url);
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText('Connecting');
  // The embedded sandbox comes online while the page's stream is held: its "online" event reaches no page.
  const state = async () => {
    const answer = await request.post(`${webHost.origin}/api/connections:status`, {
      headers: { 'X-Deskside-Token': webHost.token },
      data: '',
    });
    return ((await answer.json()) as { value: { connectivity: { state: string } } }).value.connectivity.state;
  };
  await expect.poll(state, { timeout: 60_000 }).toBe('online');
  release();
  await expect(page.getByTestId('connectivity')).toHaveText('online');
  await expect(page.getByRole('button', { name: 'Connection' })).toContainText('Local sandbox');
});
