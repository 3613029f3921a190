// The compare view (issue 7, lesson 1 of issue 6): the CPU-bound lesson program run with
// GOMAXPROCS=1 and 4 side by side. Both runs print the four tasks, in different total
// simulated time (about 48 ms against 12 ms); one playhead moves both runs; clicking a
// side's timeline moves both; playing moves both together; closing returns to the normal view. While the two runs
// compute (about a hundred million simulated steps together), no main-thread task may
// reach 50 ms. Screenshots in English and Portuguese go to artifacts/.
import { test, expect } from '../harness/fixtures.mjs';
import { watchLongTasks, takeLongTasks, overloaded, loadAverage } from '../harness/longtasks.mjs';
import { Playground, program } from '../pages/playground.mjs';

const CPU_BOUND = 'web/lessons/01-concurrency-parallelism/cpu_bound.go';

// Playwright's trace recorder snapshots the DOM on the main thread: it would be measured too.
test.use({ trace: 'off', viewport: { width: 1440, height: 1000 } });

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
});

/** Opens the page with the lesson program, the race detector off (as the lesson runs it). */
async function openLesson(page) {
  const app = new Playground(page);
  await app.open();
  await app.load(program(CPU_BOUND));
  await app.raceToggle.uncheck();
  await expect(app.runStatus).toHaveText(/ready|pronto/);
  return app;
}

test('GOMAXPROCS 1 vs 4: same output, about four times sooner, one playhead, no long task', async ({ page, artifact }) => {
  test.setTimeout(240_000);
  const app = await openLesson(page);
  await app.setProcs(1);
  await takeLongTasks(page);
  await app.compare().click();
  await expect(app.compare('view')).toBeVisible();
  // The normal view is gone while comparing.
  await expect(app.editor).toHaveCount(0);
  await expect(app.compare('dimension')).toHaveValue('procs');
  await expect(app.compare('value-left')).toHaveValue('1');
  await expect(app.compare('value-right')).toHaveValue('4');
  await expect(app.compare('left').getByRole('heading', { level: 3 })).toHaveText('GOMAXPROCS=1');
  await expect(app.compare('right').getByRole('heading', { level: 3 })).toHaveText('GOMAXPROCS=4');
  const started = Date.now();
  await app.compareDone(200_000);
  const computeMs = Date.now() - started;
  const longTasks = await takeLongTasks(page);
  // The runs' own time per frame (the page's timing hook), for telling a slow page from a
  // busy machine.
  const work = await page.evaluate(() =>
    window.__goschedTiming.splice(0).filter(([k]) => k === 'compare-work').map(([, v]) => v),
  );
  work.sort((a, b) => a - b);
  const workMax = +(work.at(-1) ?? 0).toFixed(1);
  const workP95 = +(work[Math.floor(work.length * 0.95)] ?? 0).toFixed(1);
  const load = loadAverage();
  const note = `both runs computed in ${computeMs} ms over ${work.length} frames (work per frame p95 ${workP95} ms, max ${workMax} ms), load ${load}, long tasks ${JSON.stringify(longTasks)}`;
  test.info().annotations.push({ type: 'compute', description: note });
  console.log(`compare: ${note}`);
  if (overloaded()) {
    test.info().annotations.push({ type: 'not asserted', description: `load average ${load}: long tasks reported, not asserted` });
  } else {
    expect(longTasks, `long tasks (load ${load})`).toEqual([]);
  }

  // Different total simulated time: about 48 ms against about 12 ms.
  const left = await app.compareNs('time-left');
  const right = await app.compareNs('time-right');
  expect(left).toBeGreaterThan(40e6);
  expect(left).toBeLessThan(56e6);
  expect(right).toBeGreaterThan(10e6);
  expect(right).toBeLessThan(14e6);
  expect(left / right).toBeGreaterThan(3.5);
  await expect(app.compare('time-left')).toContainText('ms');
  await expect(app.compare('summary')).toContainText(/GOMAXPROCS=4 finished in .* sooner than GOMAXPROCS=1/);
  // The tasks finish in another order, and the total time printed differs.
  await expect(app.compare('summary')).toContainText('The outputs differ.');

  // Outputs: four tasks and the total time each.
  for (const side of ['left', 'right']) {
    const out = app.compare(`output-${side}`);
    for (const task of [1, 2, 3, 4]) await expect(out).toContainText(`task ${task} done: 8999994`);
    await expect(out).toContainText('total time:');
    await expect(app.compare(`races-${side}`)).toHaveText('detector off');
  }
  // One P runs task 4 first and finishes it last; four Ps finish task 4 first.
  await expect(app.compare('output-right')).toContainText(/^task 4 done/);

  // At the end of both: each side's playhead at its own end.
  expect(await app.compareNs('now-left')).toBe(left);
  expect(await app.compareNs('now-right')).toBe(right);
  await artifact('compare-en');

  // The shared playhead: 6 ms moves both runs to about 6 ms.
  await app.compare('seek').fill(String(6_000_000));
  await expect.poll(() => app.compareNs('now-left')).toBeGreaterThan(5_000_000);
  await expect.poll(() => app.compareNs('now-right')).toBeGreaterThan(5_000_000);
  for (const side of ['left', 'right']) {
    // Within half a millisecond (the runs are sampled every few thousand steps).
    const now = await app.compareNs(`now-${side}`);
    expect(Math.abs(now - 6_000_000)).toBeLessThan(500_000);
  }
  // While both run, the left has one goroutine on its one P, the right four on four Ps.
  await expect(app.compare('left').locator('.clane')).toHaveCount(1);
  await expect(app.compare('right').locator('.clane')).toHaveCount(4);
  await expect(app.compare('right').locator('.cchip')).toHaveCount(4);
  await expect(app.compare('left').locator('.cchip')).toHaveCount(1);

  // Seeking on one side's timeline moves both: a click at 3/4 of the left timeline is
  // about 36 ms, past the right run's end (it stays at its end).
  const box = await app.compare('timeline-left').boundingBox();
  await app.compare('timeline-left').click({ position: { x: box.width * 0.75, y: 4 } });
  await expect.poll(() => app.compareNs('now-left')).toBeGreaterThan(30e6);
  const head = await app.compareNs('head');
  expect(Math.abs(head - left * 0.75)).toBeLessThan(left * 0.02);
  // The run replays forward over a few frames to get there.
  await expect.poll(async () => Math.abs(head - (await app.compareNs('now-left')))).toBeLessThan(500_000);
  await expect.poll(() => app.compareNs('now-right')).toBe(right);
  await expect(app.compare('left').locator('.cchip')).toHaveCount(1);
  await artifact('compare-en-seek');
  const seekTasks = await takeLongTasks(page);
  console.log(`compare: long tasks while seeking ${JSON.stringify(seekTasks)}`);

  // Playing moves both playheads together.
  await app.compare('seek').fill('0');
  await expect.poll(() => app.compareNs('now-left')).toBeLessThan(500_000);
  await app.compare('play').click();
  await expect(app.compare('play')).toHaveText('Pause');
  await expect.poll(() => app.compareNs('now-right'), { timeout: 30_000 }).toBeGreaterThan(3e6);
  await app.compare('play').click();
  await expect(app.compare('play')).toHaveText('Play both');
  const paused = await app.compareNs('head');
  expect(paused).toBeGreaterThan(3e6);
  expect(paused).toBeLessThan(left);
  await expect.poll(async () => Math.abs((await app.compareNs('now-left')) - paused)).toBeLessThan(500_000);
  await expect
    .poll(async () => Math.abs((await app.compareNs('now-right')) - Math.min(paused, right)))
    .toBeLessThan(500_000);

  // Closing returns to the normal view, with the program and settings as they were.
  await app.compare('close').click();
  await expect(app.compare('view')).toHaveCount(0);
  await expect(app.editor).toBeVisible();
  expect(await app.source()).toBe(program(CPU_BOUND));
  await expect(app.procs).toHaveValue('1');
  await expect(app.pCard(0)).toBeVisible();
});

test('the chooser compares preemption modes, and Escape closes the view', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Playground(page);
  await app.open();
  await app.openCompare();
  // The default program on 1 and 4 Ps (the page's GOMAXPROCS is 4).
  await expect(app.compare('value-left')).toHaveValue('1');
  await app.compare('dimension').selectOption('preempt');
  await expect(app.compare('value-left')).toHaveValue('async');
  await expect(app.compare('value-right')).toHaveValue('cooperative');
  await expect(app.compare('right').getByRole('heading', { level: 3 })).toHaveText('cooperative preemption');
  await app.compareDone();
  await expect(app.compare('output-left')).toContainText('all workers done');
  await expect(app.compare('output-right')).toContainText('all workers done');
  await app.compare('dimension').selectOption('seed');
  await app.compare('value-right').fill('7');
  await app.compare('value-right').blur();
  await expect(app.compare('right').getByRole('heading', { level: 3 })).toHaveText('seed 7');
  await app.compareDone();
  await page.keyboard.press('Escape');
  await expect(app.compare('view')).toHaveCount(0);
  await expect(app.editor).toBeVisible();
});

test('a share link opens the split view it was made in', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const app = new Playground(page);
  await app.open();
  await app.openCompare();
  await app.compare('dimension').selectOption('preempt');
  await app.compareDone();
  const url = await app.share();
  expect(url).toMatch(/#v1\./);

  const fresh = await (await browser.newContext()).newPage();
  const other = new Playground(fresh);
  await fresh.goto(url);
  await expect(other.compare('view')).toBeVisible();
  await expect(other.compare('dimension')).toHaveValue('preempt');
  await expect(other.compare('value-left')).toHaveValue('async');
  await expect(other.compare('value-right')).toHaveValue('cooperative');
  await other.compareDone();
  // The same two runs: the same total simulated time on each side.
  for (const side of ['left', 'right']) {
    expect(await other.compareNs(`time-${side}`)).toBe(await app.compareNs(`time-${side}`));
  }
  // Closing it and sharing again makes a link without the split view.
  await other.compare('close').click();
  await expect(other.compare('view')).toHaveCount(0);
  const plain = await other.share();
  const third = await (await browser.newContext()).newPage();
  const again = new Playground(third);
  await again.openAt(plain);
  await expect(again.editor).toBeVisible();
  await expect(again.compare('view')).toHaveCount(0);
  await fresh.context().close();
  await third.context().close();
});

test('closing the split view while its runs compute raises no error', async ({ page }) => {
  // The compare loop had a frame requested when its view closed: the browser then called a
  // dropped closure ("closure invoked recursively or after being dropped"), 5 times in 5.
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const app = await openLesson(page);
  for (let i = 0; i < 5; i++) {
    await app.compare().click();
    await app.compare('view').waitFor();
    await page.waitForTimeout(150);
    await page.keyboard.press('Escape');
    await expect(app.compare('view')).toHaveCount(0);
    await page.waitForTimeout(300);
  }
  expect(errors).toEqual([]);
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('a comparação fala português', async ({ page, artifact }) => {
    test.setTimeout(240_000);
    const app = await openLesson(page);
    await expect(app.compare()).toHaveText('Comparar');
    await app.openCompare(200_000);
    await expect(app.compare('summary')).toContainText(/GOMAXPROCS=4 terminou em .* mais rápido que GOMAXPROCS=1/);
    await expect(app.compare('summary')).toContainText('As saídas são diferentes.');
    await expect(app.compare('races-left')).toHaveText('detector desligado');
    await expect(app.compare('view')).toContainText('Tempo simulado total');
    await app.compare('seek').fill(String(6_000_000));
    await expect.poll(() => app.compareNs('now-right')).toBeGreaterThan(5_000_000);
    await artifact('compare-pt-BR');
    // On a phone the two sides stack, and nothing sticks out sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await artifact('compare-pt-BR-phone');
    await app.compare('close').click();
    await expect(app.editor).toBeVisible();
  });
});
