// The page's Content-Security-Policy: it is set, the page loads and runs under it with no
// violation (the harness checks that after every test), and it does block what it should
// (inline script, scripts and images from elsewhere, plugins), so the check can fail.
import { test, expect, takeCspViolations } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';

test('the page sets a strict policy and runs a program under it', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]),
  );
  expect(directives['default-src']).toBe("'self'");
  expect(directives['script-src']).toBe("'self' 'wasm-unsafe-eval'");
  expect(directives['object-src']).toBe("'none'");
  expect(directives['base-uri']).toBe("'none'");
  // Embeds are framed by any course site.
  expect(directives['frame-ancestors']).toBeUndefined();
  // No inline script in the built page: only the loader from the page's origin.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || `inline:${s.textContent.slice(0, 40)}`));
  expect(scripts).toEqual([expect.stringMatching(/\/boot\.js$/)]);
  await app.load(program('tests/programs/deadlock/unbuffered_recv.go'));
  await app.runToEnd();
  await expect(app.console).toContainText('exit status 2');
});

test('the policy blocks inline script, foreign scripts and images, and plugins', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const f = document.createElement('script');
    f.src = 'https://example.invalid/x.js';
    document.body.append(f);
    const i = document.createElement('img');
    i.src = 'https://example.invalid/x.png';
    document.body.append(i);
    const o = document.createElement('object');
    o.data = '/favicon.svg';
    document.body.append(o);
  });
  await expect.poll(async () => (await page.evaluate(() => window.__cspViolations.length))).toBeGreaterThanOrEqual(4);
  expect(await page.evaluate(() => window.__inline)).toBeUndefined();
  // Chromium also logs each violation to the console; let those arrive before clearing.
  await page.waitForTimeout(300);
  const seen = (await takeCspViolations(page)).join('\n');
  expect(seen).toMatch(/script-src(-elem)? blocked inline/);
  expect(seen).toMatch(/script-src(-elem)? blocked https:\/\/example\.invalid\/x\.js/);
  expect(seen).toMatch(/img-src blocked https:\/\/example\.invalid\/x\.png/);
  expect(seen).toMatch(/object-src blocked/);
});
