// Issue 7 on the page: the explorer finds the lost update in the counter and the
// lock-order deadlock within a bounded number of schedules and loads the schedule paused
// just before the decisive step; "be the scheduler" drives a goroutine pair into a data
// race with clicks (and undo goes back); the wait-for graph shows the cycle of a
// deadlock; exploring never blocks the main thread for 50 ms (Long Tasks API), and the
// search speed (schedules per second) goes to artifacts/explore.json.
import os from 'node:os';
import { writeFile, mkdir } from 'node:fs/promises';
import { test, expect, artifactsDir } from '../harness/fixtures.mjs';
import { watchLongTasks, takeLongTasks, loadAverage } from '../harness/longtasks.mjs';
import { Playground, program } from '../pages/playground.mjs';

const COUNTER = program('tests/programs/explore/counter_assert.go');
const LOCK_ORDER = program('tests/programs/explore/lock_order.go');
/** Two goroutines that each add one to a shared counter. */
const PAIR = `package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
`;
/** The schedules a search may take before the test fails (the page's limit is 2,000). */
const BOUND = 500;
const results = {};

test.afterAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(`${artifactsDir}/explore.json`, JSON.stringify(results, null, 2));
  console.log(`explore: ${JSON.stringify(results)}`);
});

/** The number of schedules in "Found after N schedules" (either language). */
async function schedulesTried(app) {
  const text = await app.exploreStatus.locator('.explore__line').innerText();
  const m = text.match(/(\d[\d.,]*) (schedules|escalonamentos)/);
  expect(m, text).not.toBeNull();
  return Number(m[1].replace(/[.,]/g, ''));
}

/** The step the finding names ("just before step N"). */
async function decisiveStep(app) {
  const text = await app.exploreFinding.innerText();
  const m = text.match(/step (\d+)|passo (\d+)/);
  expect(m, text).not.toBeNull();
  return Number(m[1] ?? m[2]);
}

test('explore finds the lost update in the counter and pauses just before it', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(COUNTER);
  await app.setProcs(1);
  await app.explore('panic', 'bounded');
  await expect(app.exploreStatus).toContainText(/Found after/, { timeout: 60_000 });
  const tried = await schedulesTried(app);
  expect(tried).toBeLessThanOrEqual(BOUND);
  // The outcomes with their counts: the good runs print 2000.
  await expect(app.exploreStatus).toContainText(/counter: 2000[^\n]*: [\d,]+ runs?/);
  await expect(app.exploreFinding).toContainText('lost update: counter is');
  // Loaded paused just before the decisive step.
  const decisive = await decisiveStep(app);
  await expect(app.runStatus).toHaveText(/paused/);
  await expect.poll(() => app.step()).toBe(decisive - 1);
  await expect(app.scheduleLoaded).toHaveAttribute('data-schedule', /^[A-Za-z0-9_-]+$/);
  await artifact('explore-lost-update');
  // Playing on shows the panic.
  await app.runToEnd();
  await expect(app.console).toContainText('panic: lost update: counter is');
  results.lostUpdate = { schedules: tried, decisiveStep: decisive };
});

test('a found schedule replays from its link: the same lost update at the same step', async ({ browser, page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(COUNTER);
  await app.setProcs(1);
  await app.explore('panic', 'bounded');
  await expect(app.exploreStatus).toContainText(/Found after/, { timeout: 60_000 });
  const decisive = await decisiveStep(app);
  await expect.poll(() => app.step()).toBe(decisive - 1);
  const code = await app.scheduleLoaded.getAttribute('data-schedule');
  const places = await app.tokenPlaces();
  const url = await app.share();

  const fresh = await (await browser.newContext()).newPage();
  const other = new Playground(fresh);
  await other.openAt(url);
  await expect(other.editor).toHaveValue(COUNTER);
  await expect(other.scheduleLoaded).toHaveAttribute('data-schedule', code);
  await expect.poll(() => other.step()).toBe(decisive - 1);
  await expect(other.runStatus).toHaveText(/paused/);
  expect(await other.tokenPlaces()).toEqual(places);
  // Both play on to the same lost update.
  await app.runToEnd();
  await other.runToEnd();
  const lost = /panic: lost update: counter is \d+/;
  await expect(other.console).toContainText(lost);
  expect((await other.console.innerText()).match(lost)[0]).toBe((await app.console.innerText()).match(lost)[0]);
  await fresh.context().close();
});

test('explore finds the data race in the counter', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(COUNTER);
  await app.explore('race', 'random');
  await expect(app.exploreStatus).toContainText(/Found after/, { timeout: 60_000 });
  expect(await schedulesTried(app)).toBeLessThanOrEqual(BOUND);
  await expect(app.exploreFinding).toContainText(/A data race on counter/);
  // Both accesses' line is marked in the editor.
  const line = COUNTER.split('\n').findIndex((l) => l.includes('counter++')) + 1;
  await expect(page.locator('.code-line').nth(line - 1)).toHaveClass(/code-line--marked/);
  await app.stepOnce();
  await expect(app.raceReport.locator('.race')).not.toHaveCount(0);
});

test('explore finds the lock-order deadlock, and the wait-for graph shows the cycle', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(LOCK_ORDER);
  await app.setProcs(1);
  await app.explore('deadlock', 'random');
  await expect(app.exploreStatus).toContainText(/Found after/, { timeout: 60_000 });
  const tried = await schedulesTried(app);
  expect(tried).toBeLessThanOrEqual(BOUND);
  await expect(app.exploreFinding).toContainText(/deadlock/i);
  await app.runToEnd();
  await expect(app.console).toContainText('all goroutines are asleep - deadlock!');
  await expect(app.waitFor).toBeVisible();
  await expect(app.waitFor.getByTestId('wait-for-cycle')).toContainText(/G\d+ → G\d+ → G\d+/);
  await artifact('explore-deadlock-wait-for');
  results.lockOrder = { schedules: tried };
});

test('be the scheduler: clicks drive a goroutine pair into a data race, undo goes back', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(PAIR);
  await app.setProcs(1);
  await app.beScheduler.click();
  await expect(app.beScheduler).toHaveAttribute('aria-pressed', 'true');
  await expect(app.seatDecision).toBeVisible();
  await expect(app.seatGoalState).toHaveAttribute('data-reached', 'false');
  const first = await app.seatDecision.getAttribute('data-index');
  // Preempt the first goroutine that can be preempted, then let everything go on.
  await page.getByTestId('seat-preempt').click();
  await expect(app.seatDecision.or(page.getByTestId('seat-ended'))).toBeVisible();
  await page.getByTestId('seat-undo').click();
  await expect(app.seatDecision).toHaveAttribute('data-index', first);
  let clicks = 0;
  let preempted = false;
  while ((await app.seatGoalState.getAttribute('data-reached')) !== 'true') {
    expect(clicks++, 'clicks before the race').toBeLessThan(40);
    const preempt = page.getByTestId('seat-preempt');
    if (!preempted && (await preempt.count()) > 0 && (await app.seatDecision.getAttribute('data-g')) !== '1') {
      await preempt.click();
      preempted = true;
    } else {
      await page.getByTestId('seat-continue').click();
    }
  }
  await expect(app.seatGoalState).toContainText('Goal reached');
  await expect(app.runStatus).toHaveText(/paused|finished/);
  await expect(app.raceReport.locator('.race')).not.toHaveCount(0);
  await artifact('be-the-scheduler-race');
  // Leaving the mode goes back to the seed's run.
  await app.beScheduler.click();
  await expect(app.scheduleLoaded).toHaveCount(0);
});

test('be the scheduler: a preemption between the read and the write of counter++ loses an update', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(PAIR);
  await app.setProcs(1);
  await app.beScheduler.click();
  await app.seatGoal.selectOption('critical');
  const line = String(PAIR.split('\n').findIndex((l) => l.includes('counter++')) + 1);
  const decision = async () => [await app.seatDecision.getAttribute('data-g'), await app.seatDecision.getAttribute('data-line')];
  // Go on until a goroutine other than main stands at counter++ (about to read it)...
  let clicks = 0;
  for (;;) {
    expect(clicks++, 'decisions before counter++').toBeLessThan(30);
    const [g, l] = await decision();
    if (g !== '1' && l === line) break;
    await page.getByTestId('seat-continue').click();
  }
  const [reader] = await decision();
  // ...let it read, then preempt it before it writes: the other goroutine runs counter++.
  await page.getByTestId('seat-continue').click();
  await expect(app.seatDecision).toHaveAttribute('data-g', reader);
  await expect(app.seatDecision).toHaveAttribute('data-line', line);
  await expect(app.token(Number(reader))).toHaveCSS('outline-style', 'solid');
  await page.getByTestId('seat-preempt').click();
  // Both goroutines are now in counter++ at once.
  await expect(app.seatGoalState).toHaveAttribute('data-reached', 'true', { timeout: 5_000 }).catch(async () => {
    for (let i = 0; i < 5 && (await app.seatGoalState.getAttribute('data-reached')) !== 'true'; i++) {
      await page.getByTestId('seat-continue').click();
    }
    await expect(app.seatGoalState).toHaveAttribute('data-reached', 'true');
  });
  await artifact('be-the-scheduler-critical');
  // Play the rest: one update is lost, the program prints 1.
  while ((await page.getByTestId('seat-ended').count()) === 0) {
    expect(clicks++, 'decisions to the end').toBeLessThan(80);
    await page.getByTestId('seat-skip').click();
  }
  await expect(app.console).toContainText(/^1$/m);
});

/** A select with two ready cases (and one on a nil channel, which is never live). */
const SELECT = program('tests/programs/explore/select_two_ready.go');
/** The line of `src` that holds `text`. */
const lineOf = (src, text) => String(src.split('\n').findIndex((l) => l.includes(text)) + 1);

/** Clicks "goes on" until a decision of `kind` stands (switch points go on). */
async function onTo(page, app, kind) {
  for (let clicks = 0; (await app.seatDecision.getAttribute('data-kind')) !== kind; clicks++) {
    expect(clicks, `decisions before a ${kind} decision`).toBeLessThan(60);
    await page.getByTestId('seat-continue').click();
  }
}

test('be the scheduler: the user picks which ready case a select takes', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(SELECT);
  await app.setProcs(1);
  await app.beScheduler.click();
  await onTo(page, app, 'select');
  // The decision stands at the select's line; only the two ready cases are offered.
  await expect(app.seatDecision).toHaveAttribute('data-line', lineOf(SELECT, 'select {'));
  await expect(app.seatDecision.locator('[data-testid^="seat-case-"]')).toHaveCount(2);
  await expect(page.getByTestId('seat-case-1')).toContainText(`line ${lineOf(SELECT, '<-a:')}`);
  await expect(page.getByTestId('seat-case-2')).toContainText(`line ${lineOf(SELECT, '<-b:')}`);
  await expect(page.getByTestId('seat-case-0')).toHaveCount(0);
  await artifact('be-the-scheduler-select');
  const index = await app.seatDecision.getAttribute('data-index');
  for (const [testid, out] of [['seat-case-2', 'from b'], ['seat-case-1', 'from a']]) {
    await page.getByTestId(testid).click();
    await expect(page.getByTestId('seat-ended')).toBeVisible();
    await expect(app.console).toContainText(new RegExp(`^${out}$`, 'm'));
    // The event log says which case won, and why it could have been the other.
    const line = lineOf(SELECT, out === 'from a' ? '<-a:' : '<-b:');
    await expect(page.getByTestId('event-log')).toContainText(`G1's select took the case on line ${line}: 2 cases were ready, and Go picks one at random`);
    await expect(app.console).not.toContainText(out === 'from a' ? 'from b' : 'from a');
    await page.getByTestId('seat-undo').click();
    await expect(app.seatDecision).toHaveAttribute('data-index', index);
  }
});

/** Three workers each start six goroutines and spin: on four Ps an idle P finds several to rob. */
const FAN = program('tests/programs/explore/steal_fan.go');

test('be the scheduler: the user picks which P an idle P steals from', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(FAN);
  await app.setProcs(4);
  await app.beScheduler.click();
  await onTo(page, app, 'steal');
  const victims = app.seatDecision.locator('[data-testid^="seat-steal-"]');
  expect(await victims.count()).toBeGreaterThanOrEqual(2);
  await artifact('be-the-scheduler-steal');
  // Rob the last P offered: the stage's event log then shows that P robbed.
  const testid = await victims.last().getAttribute('data-testid');
  const victim = testid.replace('seat-steal-', '');
  const thief = (await app.seatDecision.locator('p').first().innerText()).match(/P(\d+)/)[1];
  await victims.last().click();
  await expect(app.seatDecision.or(page.getByTestId('seat-ended'))).toBeVisible();
  // The event log (newest first): the thief's latest steal robbed that P.
  const steals = page.locator('.log__item--steal').filter({ hasText: `P${thief} stole` });
  await expect(steals.first()).toContainText(new RegExp(`from P${victim}\\b`));
});

test('exploring never blocks the main thread for 50 ms, and measures schedules per second', async ({ page, artifact }) => {
  test.setTimeout(120_000);
  await watchLongTasks(page);
  const app = new Playground(page);
  await app.open();
  await app.load(COUNTER);
  await app.setProcs(1);
  await takeLongTasks(page);
  // Nothing to find: the search runs all its schedules.
  await app.explore('deadlock', 'random');
  await expect(app.exploreStatus).toContainText(/Not found after/, { timeout: 100_000 });
  const text = await app.exploreStatus.locator('.explore__line').innerText();
  const m = text.match(/([\d,]+) schedules \(([\d.]+)(ms|s)?.*?, ([\d,]+) schedules\/s\)/);
  expect(m, text).not.toBeNull();
  const longTasks = await takeLongTasks(page);
  // The search's own time per task (wall clock, so it includes time the OS gave others).
  const tasks = (await page.evaluate(() => window.__goschedTiming.filter(([k]) => k === 'explore').map(([, v]) => v))).sort((a, b) => a - b);
  const at = (p) => +tasks[Math.min(tasks.length - 1, Math.floor((tasks.length * p) / 100))].toFixed(1);
  const load = loadAverage();
  results.search = {
    text,
    schedulesPerSecond: Number(m[4].replace(/,/g, '')),
    taskMs: { n: tasks.length, p50: at(50), p95: at(95), max: at(100) },
    longTasks,
    load,
  };
  await artifact('explore-exhausted');
  if (load >= os.cpus().length) {
    test.info().annotations.push({ type: 'not asserted', description: `load ${load}: long tasks ${JSON.stringify(longTasks)}` });
  } else {
    expect(longTasks).toEqual([]);
  }
});

test('a search can be cancelled', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(COUNTER);
  await app.explore('deadlock', 'pct');
  await expect(app.exploreCancel).toBeVisible();
  await app.exploreCancel.click();
  await expect(app.exploreStatus).toContainText(/Cancelled after/);
  await expect(app.exploreButton).toBeEnabled();
});

test('a partial deadlock: the wait-for graph names the two goroutines left blocked forever', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  const src = program('tests/programs/explore/partial_deadlock.go');
  await app.load(src);
  await app.runToEnd();
  await expect(app.console).toContainText('main done');
  await expect(app.waitFor).toBeVisible();
  await expect(app.waitFor.locator('.waitfor__item')).toHaveCount(2);
  const lines = src.split('\n');
  const recv = lines.findIndex((l) => l.includes('v := <-pong')) + 1;
  await expect(app.waitFor).toContainText(`line ${recv}`);
  await expect(app.waitFor.getByTestId('wait-for-cycle')).toContainText(/G\d+ → G\d+ → G\d+/);
  await artifact('wait-for-partial-deadlock');
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('the explorer, be the scheduler and the wait-for graph speak pt-BR', async ({ page, artifact }) => {
    const app = new Playground(page);
    await app.open();
    await app.load(LOCK_ORDER);
    await app.setProcs(1);
    await expect(app.exploreButton).toHaveText('Explorar');
    await expect(app.beScheduler).toHaveText('Seja o escalonador');
    await app.explore('deadlock', 'bounded');
    await expect(app.exploreStatus).toContainText(/Encontrado após \d+ escalonamentos/, { timeout: 60_000 });
    await expect(app.exploreStatus).toContainText(/execuç(ão|ões)/);
    await expect(app.exploreFinding).toContainText('Um deadlock: todas as goroutines estão dormindo');
    await app.runToEnd();
    await expect(app.waitFor).toContainText('Bloqueadas para sempre');
    await expect(app.waitFor.getByTestId('wait-for-cycle')).toContainText(/^Ciclo: G\d+ → G\d+ → G\d+$/);
    await artifact('explore-pt-BR');
  });
});
