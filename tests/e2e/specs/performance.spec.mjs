// Responsiveness at scale: no main-thread task of 50 ms or more (Long Tasks API) while an
// endless loop or 100,000 goroutines run as fast as possible (and while stepping back and
// seeking in the long run they made), and frame times with 1,000 live goroutines, both
// animated (25 events/s, tokens slide) and flat out. The numbers go to
// artifacts/performance.json and the test output.
//
// Long tasks and frame times measure wall-clock time, so a machine busy with other work
// (these tests run on 2 shared cores) makes them longer for reasons the page does not
// control. The bounds (no long task of 50 ms; the page's own time per frame, from
// `window.__goschedTiming`: simulation, building the frame, drawing it) are checked when
// the load average is below the number of cores, and otherwise reported with the load as
// test annotations; the measured numbers are always written out.
import os from 'node:os';
import { writeFile, mkdir } from 'node:fs/promises';
import { test, expect } from '../harness/fixtures.mjs';
import { watchLongTasks, takeLongTasks, overloaded, loadAverage } from '../harness/longtasks.mjs';
import { artifactsDir } from '../harness/fixtures.mjs';
import { Playground, program, MAX_SPEED } from '../pages/playground.mjs';

const results = { cores: os.cpus().length, loadAverage: [] };

test.describe.configure({ mode: 'serial' });
// Playwright's trace recorder snapshots the DOM on the main thread: it would be measured too.
test.use({ trace: 'off' });

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
});

test.afterAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(`${artifactsDir}/performance.json`, JSON.stringify(results, null, 2));
  console.log(`performance: ${JSON.stringify(results, null, 2)}`);
});

const pct = (sorted, p) => +sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))].toFixed(1);

/** The page's own time per frame: simulation, building the frame, drawing it. */
async function pageTimings(page) {
  const t = await page.evaluate(() => window.__goschedTiming.splice(0));
  const by = {};
  for (const [k, v] of t) (by[k] ??= []).push(v);
  const out = {};
  for (const [k, vs] of Object.entries(by)) {
    vs.sort((a, b) => a - b);
    out[k] = { n: vs.length, p50: pct(vs, 50), p95: pct(vs, 95), max: pct(vs, 100) };
  }
  return out;
}

/** Checks `value < bound` when the machine is not overloaded; otherwise reports it. */
function checkBound(name, value, bound) {
  if (overloaded()) {
    test.info().annotations.push({
      type: 'not asserted',
      description: `${name} = ${value} (bound ${bound}): load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`,
    });
  } else {
    expect(value, name).toBeLessThan(bound);
  }
}

function checkLongTasks(name, longTasks) {
  const load = loadAverage();
  results.loadAverage.push([name, load]);
  if (overloaded()) {
    test.info().annotations.push({
      type: 'not asserted',
      description: `load average ${load} on ${os.cpus().length} cores: long tasks reported, not asserted (${JSON.stringify(longTasks)})`,
    });
  } else {
    expect(longTasks, `long tasks (load ${load})`).toEqual([]);
  }
}

/** Runs `src` flat out for `ms` (or to its end), then steps back and seeks to a third. */
async function longTasksWhileRunning(page, src, ms) {
  const app = new Playground(page);
  await app.open();
  await app.load(src);
  await app.setSpeed(MAX_SPEED);
  await page.evaluate(() => { window.__longTasks = []; window.__goschedTiming = []; });
  await app.run();
  const started = Date.now();
  while (Date.now() - started < ms) {
    await page.waitForTimeout(250);
    if (!/running/.test(await app.runStatus.textContent())) break;
  }
  await app.pause();
  const running = await takeLongTasks(page);
  const timings = await pageTimings(page);
  const end = await app.step();
  await app.stepBackButton.click();
  await expect.poll(() => app.step(), { timeout: 30_000 }).toBeLessThan(end);
  await app.seek.fill(String(Math.floor(end / 3)));
  await expect.poll(() => app.step(), { timeout: 30_000 }).toBe(Math.floor(end / 3));
  const seeking = await takeLongTasks(page);
  return { steps: end, running, seeking, timings };
}

test('an endless loop never blocks the page for 50 ms', async ({ page }) => {
  test.setTimeout(90_000);
  const r = await longTasksWhileRunning(page, program('tests/e2e/programs/spin_forever.go'), 4000);
  results.spinForever = r;
  expect(r.steps).toBeGreaterThan(1_000_000);
  checkBound('spinForever work max', r.timings.work.max, 50);
  checkLongTasks('spinForever', [...r.running, ...r.seeking]);
});

test('100,000 goroutines never block the page for 50 ms', async ({ page }) => {
  test.setTimeout(120_000);
  const r = await longTasksWhileRunning(page, program('tests/e2e/programs/goroutines_100k.go'), 8000);
  r.liveAtPause = await page.getByTestId('memory-goroutines').textContent();
  results.goroutines100k = r;
  expect(r.steps).toBeGreaterThan(100_000);
  for (const k of ['work', 'frame', 'render']) checkBound(`goroutines100k ${k} p95`, r.timings[k].p95, 50);
  checkLongTasks('goroutines100k', [...r.running, ...r.seeking]);
});

/** Frame intervals over three seconds of `requestAnimationFrame`. */
async function frameTimes(page) {
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
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  return {
    frames: gaps.length,
    meanMs: +(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(1),
    p50Ms: pct(gaps, 50),
    p95Ms: pct(gaps, 95),
    maxMs: pct(gaps, 100),
    over20Ms: gaps.filter((g) => g > 20).length,
  };
}

test('1,000 live goroutines: frame times, animated and flat out', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Playground(page);
  await app.open();
  await app.load(program('tests/e2e/programs/goroutines_1000.go'));
  await app.setSpeed(MAX_SPEED);
  await app.run();
  const live = async () => Number((await page.getByTestId('memory-goroutines').textContent()).replace(/\D/g, ''));
  await expect.poll(live, { timeout: 30_000 }).toBeGreaterThanOrEqual(1000);
  await app.pause();
  results.frames1000 = {};
  // Animated, tokens slide at 60 fps; flat out nothing animates, and drawing yields to the
  // simulation, so 30 fps is the bound there.
  for (const [name, speed, bound] of [['animated25PerSecond', '4', 20], ['flatOut', MAX_SPEED, 34]]) {
    await app.setSpeed(speed);
    await app.run();
    await page.waitForTimeout(500);
    await page.evaluate(() => { window.__longTasks = []; window.__goschedTiming = []; });
    const frames = await frameTimes(page);
    frames.live = await live();
    frames.timings = await pageTimings(page);
    frames.longTasksMs = await takeLongTasks(page);
    results.frames1000[name] = frames;
    await app.pause();
    expect(frames.live).toBeGreaterThanOrEqual(1000);
    // Frames come as often as the machine allows: on an overloaded one, reported only.
    if (overloaded()) test.info().annotations.push({ type: 'not asserted', description: `frames1000 ${name}: ${frames.frames} frames in 3 s` });
    else expect(frames.frames).toBeGreaterThan(30);
    checkBound(`frames1000 ${name} render p50`, frames.timings.render.p50, 20);
    checkBound(`frames1000 ${name} frame interval p50`, frames.p50Ms, bound);
  }
  results.loadAverage.push(['frames1000', loadAverage()]);
});
