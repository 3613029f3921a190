// The test API for spec files: Playwright's `test` and `expect`, plus a server for the
// built page and a screenshot helper, and a check that runs around every test: the page
// reported no Content-Security-Policy violation (see `cspViolations`).
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

  /**
   * Every test runs under the page's Content-Security-Policy (index.html) and fails if the
   * page reported a violation: a `securitypolicyviolation` event (collected from before the
   * page's first script) or a console message about the policy. A test that provokes
   * violations on purpose reads and clears them with `takeCspViolations(page)`.
   */
  cspViolations: [
    async ({ page }, use) => {
      const console = [];
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      page.on('console', (m) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) console.push(m.text());
      });
      page.__cspConsole = console;
      await use(console);
      const events = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      expect([...events, ...console], 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],

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

/** Returns and clears the CSP violations the page reported so far (events and console). */
export async function takeCspViolations(page) {
  const events = await page.evaluate(() => window.__cspViolations.splice(0));
  const console = (page.__cspConsole ?? []).splice(0);
  return [...events, ...console];
}

export { expect };
