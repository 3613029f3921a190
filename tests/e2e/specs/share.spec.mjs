// Scenario links: Share → open the link in a fresh page → the same run, paused at the same
// step; broken and hostile links; edits surviving a reload; blocked storage; the language
// switch.
import { deflateRawSync } from 'node:zlib';
import { test, expect } from '../harness/fixtures.mjs';
import { Playground } from '../pages/playground.mjs';

/** A `#v1.` link for a scenario's text form (settings lines, a blank line, the program). */
function link(text) {
  return '#v1.' + deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64url');
}

test('share → a fresh page opens the same code, settings, paused step and goroutine', async ({ browser, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Playground(page);
  await app.open();
  const src = (await app.source()).replace('for i := 1; i <= 3; i++', 'for i := 1; i <= 4; i++');
  await app.load(src);
  await app.setProcs(2);
  await app.preempt.selectOption('cooperative');
  await app.seed.fill('4242');
  await app.seed.press('Enter');
  await app.raceToggle.uncheck();
  await app.setSpeed(5);
  await expect(app.runStatus).toHaveText(/ready/);
  for (let i = 0; i < 12; i++) await app.stepOnce();
  const step = await app.step();
  const places = await app.tokenPlaces();
  await app.token(1).click();
  await expect(app.token(1)).toHaveAttribute('aria-pressed', 'true');

  const url = await app.share();
  expect(page.url()).toBe(url);
  await app.shareCopy.click();
  await expect(app.shareStatus).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const fresh = await (await browser.newContext()).newPage();
  const other = new Playground(fresh);
  await other.openAt(url);
  await expect(other.editor).toHaveValue(src);
  await expect(other.procs).toHaveValue('2');
  await expect(other.preempt).toHaveValue('cooperative');
  await expect(other.seed).toHaveValue('4242');
  await expect(other.raceToggle).not.toBeChecked();
  await expect(other.speed).toHaveValue('5');
  await expect.poll(() => other.step()).toBe(step);
  await expect(other.runStatus).toHaveText(/paused/);
  expect(await other.tokenPlaces()).toEqual(places);
  await expect(other.token(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(other.linkError).toHaveCount(0);
  await fresh.context().close();
});
