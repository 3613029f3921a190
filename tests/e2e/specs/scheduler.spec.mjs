// The scheduler stage: P cards, their slots and tokens, for different GOMAXPROCS.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground, program, MAX_SPEED } from '../pages/playground.mjs';

const SPINNERS = program('tests/e2e/programs/four_spinners.go');

/** Runs fast until every P in `cards` runs a goroutine, then pauses. */
async function runUntilBusy(app, procs) {
  await app.setSpeed(MAX_SPEED);
  await app.run();
  await expect
    .poll(async () => app.page.locator('[data-testid$="-running"] [data-state="running"]').count(), {
      timeout: 15_000,
    })
    .toBe(procs);
  await app.pause();
}

test('four goroutines on GOMAXPROCS=4 keep four P cards busy, each token in its slot', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.setProcs(4);
  await app.load(SPINNERS);
  await expect(app.pCards).toHaveCount(4);
  await runUntilBusy(app, 4);
  // The pause may land between two slices; the P cards must agree with the tokens.
  const running = new Set();
  for (let n = 0; n < 4; n++) {
    await expect(app.pCard(n)).toHaveClass(/pcard--busy/);
    const token = app.slot(n, 'running').locator('[data-testid^="g-"]');
    await expect(token).toHaveCount(1);
    await expect(token).toHaveAttribute('data-state', 'running');
    await expect(token).toHaveAttribute('data-where', `p${n}-running`);
    running.add(await token.getAttribute('data-testid'));
  }
  // Four different goroutines (G6..G9), none of them main, which waits on the WaitGroup.
  expect(running.size).toBe(4);
  expect(running.has('g-1')).toBe(false);
  await expect(app.token(1)).toHaveAttribute('data-state', 'waiting');
  await artifact('four-procs-busy');
});

test('GOMAXPROCS=1 shows one P: one goroutine runs, the others wait in its queues', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.setProcs(1);
  await app.load(SPINNERS);
  await expect(app.pCards).toHaveCount(1);
  await runUntilBusy(app, 1);
  await expect(app.pCard(1)).toHaveCount(0);
  const running = app.slot(0, 'running').locator('[data-testid^="g-"]');
  await expect(running).toHaveCount(1);
  await expect(running).toHaveAttribute('data-where', 'p0-running');
  // The other workers are runnable in P0's runnext, local queue or the global queue.
  const waiting = page.locator('[data-testid^="g-"][data-state="runnable"]');
  expect(await waiting.count()).toBeGreaterThanOrEqual(3);
  for (const t of await waiting.all()) {
    expect(await t.getAttribute('data-where')).toMatch(/^(p0-runnext|p0-runq|global-runq)$/);
  }
});

test('tokens carry their state and place everywhere, and clicking one highlights its line', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  // Step until worker goroutines exist.
  for (let i = 0; i < 12; i++) await app.stepOnce();
  const places = await app.tokenPlaces();
  expect(places.length).toBeGreaterThan(1);
  for (const p of places) {
    expect(p).toMatch(/^g-\d+:(runnable|running|waiting|syscall|dead):\S+$/);
  }
  await app.token(1).click();
  await expect(page.locator('.code-line--selected')).toHaveCount(1);
  await expect(app.token(1)).toHaveAttribute('aria-pressed', 'true');
});
