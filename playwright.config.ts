import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/browser/chromium';

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    {
      name: 'browser',
      testDir: 'tests/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: chromiumLaunchOptions,
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
