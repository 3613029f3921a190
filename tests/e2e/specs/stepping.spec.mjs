// Stepping, stepping back, seeking and the keyboard shortcuts.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground } from '../pages/playground.mjs';

test('step back returns to the previous state', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  for (let i = 0; i < 8; i++) await app.stepOnce();
  const step = await app.step();
  const places = await app.tokenPlaces();
  const stats = await app.stats.textContent();
  const log = await app.eventLog.textContent();

  await app.stepOnce();
  expect(await app.step()).toBeGreaterThan(step);
  await app.stepBackButton.click();
  await expect.poll(() => app.step()).toBe(step);
  await expect(app.stats).toHaveText(stats);
  await expect(app.eventLog).toHaveText(log);
  expect(await app.tokenPlaces()).toEqual(places);
});

test('the event log names what the scheduler did, and a step is narrated', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.stepOnce();
  await expect(app.eventLog.locator('li').first()).toContainText(/P0/);
  await expect(page.getByTestId('narration')).not.toBeEmpty();
});

test('keyboard shortcuts: → steps, ← steps back, space runs and pauses, r resets, ? helps', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => app.step()).toBeGreaterThan(0);
  await expect(app.runStatus).toHaveText('paused');
  const one = await app.step();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => app.step()).toBeGreaterThan(one);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => app.step()).toBe(one);

  await page.keyboard.press(' ');
  await expect(app.runStatus).toHaveText(/running|finished/);
  await page.keyboard.press(' ');
  await expect(app.runStatus).not.toHaveText('running');

  await page.keyboard.press('r');
  await expect.poll(() => app.step()).toBe(0);
  await expect(app.runStatus).toHaveText('ready');

  await page.keyboard.press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await expect(page.getByTestId('help')).toContainText('step back one event');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toHaveCount(0);

  // Typing in the editor does not trigger shortcuts: a space and a ? are just text.
  await app.editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// ok? ');
  await expect(app.editor).toHaveValue(/\/\/ ok\? $/);
  await expect(page.getByTestId('help')).toHaveCount(0);
  await expect(app.runStatus).toHaveText('ready');
});

test('seeking with the slider and clicking the timeline move the run', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.runToEnd();
  const end = await app.step();
  expect(end).toBeGreaterThan(50);
  await app.seek.fill(String(Math.floor(end / 2)));
  await expect.poll(() => app.step()).toBe(Math.floor(end / 2));
  await expect(app.runStatus).toHaveText('paused');
  const box = await app.timeline.boundingBox();
  await app.timeline.click({ position: { x: box.width * 0.1, y: box.height / 2 } });
  await expect.poll(() => app.step()).toBeLessThan(Math.floor(end / 2));
  // The click lands where it was made: the playhead (placed by simulated time) moves to
  // about a quarter of the lanes' width, not to a quarter of the page's.
  await expect(app.runStatus).toHaveText('paused');
  await app.timeline.click({ position: { x: box.width * 0.25, y: box.height / 2 } });
  const head = app.timeline.locator('.tl__head');
  await expect.poll(async () => parseFloat(await head.evaluate((e) => e.style.left))).toBeGreaterThan(20);
  expect(parseFloat(await head.evaluate((e) => e.style.left))).toBeLessThan(35);
});

test('changing GOMAXPROCS, preemption, seed or the race detector starts over', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.stepOnce();
  await app.setProcs(2);
  await expect(app.pCards).toHaveCount(2);
  await expect.poll(() => app.step()).toBe(0);
  await app.preempt.selectOption('cooperative');
  await expect(app.runStatus).toHaveText('ready');
  await app.seed.fill('42');
  await app.seed.press('Enter');
  await expect(app.seed).toHaveValue('42');
  await page.getByTestId('new-seed').click();
  await expect(app.seed).not.toHaveValue('42');
  await app.raceToggle.uncheck();
  await app.runToEnd();
  await expect(app.raceReport).toContainText('The race detector is off.');
});
