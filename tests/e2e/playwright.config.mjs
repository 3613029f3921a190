// Playwright configuration: spec files in specs/, Debian's Chromium, one worker (2 cores).
import { defineConfig } from '@playwright/test';
import { launchOptions } from './harness/chromium.mjs';

export default defineConfig({
  testDir: 'specs',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
