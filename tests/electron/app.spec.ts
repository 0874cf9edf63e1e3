import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the scripts; it has no type declarations.
import { findElectronBinary } from '../../scripts/lib/electron-binary.mjs';

const electronBinary = (findElectronBinary as () => string | null)();

test.skip(!electronBinary, 'skipped: no Electron binary on this machine (node_modules/electron/dist is empty)');

test('the desktop app opens its window with the shell and the About dialog', async () => {
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: ['.'],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Deskside', level: 1 })).toBeVisible();
  const isolated = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
  expect(isolated).toBe(true);
  await window.getByRole('button', { name: 'About Deskside' }).click();
  await expect(window.getByTestId('about-host')).toHaveText('Desktop app');
  await app.close();
});
