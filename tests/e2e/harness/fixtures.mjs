// The test API for spec files: Playwright's `test` and `expect`, plus a server for the
// built page and a screenshot helper.
//
//   import { test, expect } from '../harness/fixtures.mjs';
//   test('...', async ({ page, artifact }) => { await page.goto('/'); await artifact('name'); });
//
// The server (one per worker) serves dist/ on an ephemeral port and becomes `baseURL`,
// so `page.goto('/')` opens the built page. Screenshots go to tests/e2e/artifacts/.

import { test as base, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distDir, serve } from './serve.mjs';

export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

export const test = base.extend({
  server: [
    async ({}, use) => {
      if (!existsSync(path.join(distDir, 'index.html'))) {
        throw new Error(`no build in ${distDir}: run \`trunk build --release\` (or \`cargo xtask test\`) first`);
      }
      const server = await serve({ port: 0 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ server }, use) => {
    await use(server.url);
  },

  /** `await artifact('name')` saves a full-page screenshot to artifacts/name.png and returns its path. */
  artifact: async ({ page }, use) => {
    await use(async (name) => {
      await mkdir(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    });
  },
});

export { expect };
