// Responsiveness at scale: no main-thread task of 50 ms or more (Long Tasks API) while an
// endless loop or 100,000 goroutines run as fast as possible, and frame times with 1,000
// live goroutines. The numbers go to artifacts/performance.json and the test output.
import { writeFile, mkdir } from 'node:fs/promises';
import { test, expect } from '../harness/fixtures.mjs';
import { artifactsDir } from '../harness/fixtures.mjs';
import { Playground, program, MAX_SPEED } from '../pages/playground.mjs';

const results = {};

test.describe.configure({ mode: 'serial' });
// Playwright's trace recorder snapshots the DOM on the main thread: it would be measured too.
test.use({ trace: 'off' });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
});

test.afterAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(`${artifactsDir}/performance.json`, JSON.stringify(results, null, 2));
  console.log(`performance: ${JSON.stringify(results)}`);
});

/** Runs `src` as fast as possible for `ms` (or to its end) and returns the long tasks seen. */
async function longTasksWhileRunning(page, src, ms) {
  const app = new Playground(page);
  await app.open();
  await app.load(src);
  await app.setSpeed(MAX_SPEED);
  await page.evaluate(() => { window.__longTasks = []; });
  await app.run();
  const started = Date.now();
  while (Date.now() - started < ms) {
    await page.waitForTimeout(250);
    const status = await app.runStatus.textContent();
    if (!/running/.test(status)) break;
  }
  // Step back and seek far in the recorded run: snapshots, in slices.
  if (/running/.test(await app.runStatus.textContent())) await app.pause();
  const end = await app.step();
  await app.stepBackButton.click();
  await expect.poll(() => app.step()).toBeLessThan(end);
  await app.seek.fill(String(Math.floor(end / 3)));
  await expect.poll(() => app.step(), { timeout: 20_000 }).toBe(Math.floor(end / 3));
  return { steps: end, longTasks: await page.evaluate(() => window.__longTasks) };
}

test('an endless loop never blocks the page for 50 ms', async ({ page }) => {
  test.setTimeout(60_000);
  const r = await longTasksWhileRunning(page, program('tests/e2e/programs/spin_forever.go'), 4000);
  results.spinForever = { steps: r.steps, longTasksMs: r.longTasks, worstLongTaskMs: Math.max(0, ...r.longTasks) };
  expect(r.steps).toBeGreaterThan(1_000_000);
  expect(r.longTasks).toEqual([]);
});

test('100,000 goroutines never block the page for 50 ms', async ({ page }) => {
  test.setTimeout(120_000);
  const r = await longTasksWhileRunning(page, program('tests/e2e/programs/goroutines_100k.go'), 8000);
  const live = await page.getByTestId('memory-goroutines').textContent();
  results.goroutines100k = {
    steps: r.steps,
    liveAtPause: live,
    longTasksMs: r.longTasks,
    worstLongTaskMs: Math.max(0, ...r.longTasks),
  };
  expect(r.steps).toBeGreaterThan(100_000);
  expect(r.longTasks).toEqual([]);
});

test('1,000 live goroutines animate at 60 fps', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new Playground(page);
  await app.open();
  await app.load(program('tests/e2e/programs/goroutines_1000.go'));
  await app.setSpeed(MAX_SPEED);
  await app.run();
  // Wait until all 1,000 exist, then measure three seconds of frames.
  await expect
    .poll(async () => Number((await page.getByTestId('memory-goroutines').textContent()).replace(/\D/g, '')), {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(1000);
  await page.evaluate(() => { window.__longTasks = []; });
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const times = [];
        const start = performance.now();
        const tick = (t) => {
          times.push(t);
          if (t - start < 3000) requestAnimationFrame(tick);
          else resolve(times);
        };
        requestAnimationFrame(tick);
      }),
  );
  const live = await page.getByTestId('memory-goroutines').textContent();
  const running = await app.runStatus.textContent();
  await app.pause().catch(() => {});
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const pct = (p) => gaps[Math.min(gaps.length - 1, Math.floor((gaps.length * p) / 100))];
  const stats = {
    frames: gaps.length,
    meanMs: +(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(2),
    p50Ms: +pct(50).toFixed(2),
    p95Ms: +pct(95).toFixed(2),
    p99Ms: +pct(99).toFixed(2),
    maxMs: +gaps[gaps.length - 1].toFixed(2),
    over20Ms: gaps.filter((g) => g > 20).length,
    liveAtEnd: live,
    stillRunning: running,
    longTasksMs: await page.evaluate(() => window.__longTasks),
  };
  results.frames1000 = stats;
  expect(stats.frames).toBeGreaterThan(150);
  expect(stats.p50Ms).toBeLessThan(20);
  expect(stats.longTasksMs).toEqual([]);
});
