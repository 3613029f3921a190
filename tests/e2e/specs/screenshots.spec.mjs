// Screenshots of the light and dark themes at desktop and phone widths, saved as test
// artifacts (tests/e2e/artifacts/), with a run in progress so every panel has content.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';

const SIZES = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 375, height: 812 },
};

for (const scheme of ['light', 'dark']) {
  for (const [name, viewport] of Object.entries(SIZES)) {
    test(`screenshot: ${scheme} theme, ${name} (${viewport.width} px)`, async ({ page, artifact }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const app = new Playground(page);
      await app.open();
      await app.load(program('tests/programs/course/counter_racy.go'));
      await app.setSpeed('6');
      await app.run();
      await expect(page.locator('[data-race="true"]').first()).toBeVisible({ timeout: 20_000 });
      await app.pause();
      // Nothing may stick out sideways at this width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await artifact(`${scheme}-${name}`);
    });
  }
}

test('the theme toggle overrides the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const app = new Playground(page);
  await app.open();
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  const toggle = page.getByTestId('theme-toggle');
  await toggle.click(); // system -> light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click(); // light -> dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).not.toBe(light);
  await toggle.click(); // dark -> system
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'auto');
  expect(await bg()).toBe(light);
});
