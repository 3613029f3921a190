// The trace download: "Download trace" in the timeline's header saves the run as Chrome
// trace-event JSON (gosched-trace.json, the format of `gosched run --trace`): slices on
// every P's track, goroutines named as the page names them (G6 …), up to the step shown
// while paused and the whole run once finished; the label in pt-BR; and a large run
// (about 1.2 million events, 400,000 records) exported without a main-thread task of 50 ms.
import { test, expect } from '../harness/fixtures.mjs';
import { watchLongTasks, takeLongTasks, overloaded, loadAverage } from '../harness/longtasks.mjs';
import { Playground, program, MAX_SPEED } from '../pages/playground.mjs';

// Playwright's trace recorder snapshots the DOM on the main thread: the large run's tasks
// would measure it too.
test.use({ trace: 'off' });

/** The slices (`ph: X`) of process `pid` (1: Ps, 2: Ms), by track (thread id). */
function slicesByTrack(trace, pid) {
  const out = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || e.pid !== pid) continue;
    if (!out.has(e.tid)) out.set(e.tid, []);
    out.get(e.tid).push(e);
  }
  return out;
}

/** The name each track of process `pid` was given (`P0`, `M1`, …), by thread id. */
function trackNames(trace, pid) {
  const out = new Map();
  for (const e of trace.traceEvents) {
    if (e.ph === 'M' && e.pid === pid && e.name === 'thread_name') out.set(e.tid, e.args.name);
  }
  return out;
}

test('the default program: the whole run, a named track per P with slices, goroutines named as on the page', async ({ page, artifact }) => {
  await page.addInitScript(() => { window.__goschedTiming = []; });
  const app = new Playground(page);
  await app.open();
  await expect(app.exportButton).toHaveText('Download trace');
  await app.runToEnd();
  await expect(app.exportScope).toHaveText('whole run');
  const procs = Number(await app.procs.inputValue());
  const { name, text, trace } = await app.downloadTrace();
  expect(name).toBe('gosched-trace.json');
  expect(trace.displayTimeUnit).toBe('ns');
  await expect(app.exportStatus).toHaveText(/^Saved gosched-trace\.json \(\d+(\.\d)? (B|KiB|MiB)\)$/);
  await artifact('export-finished');
  const ms = (await page.evaluate(() => window.__goschedTiming)).filter(([k]) => k === 'export').map(([, v]) => v);
  console.log(`export (default program): ${JSON.stringify({ records: trace.traceEvents.length, bytes: text.length, ms })}`);

  // This short run keeps P0 busy (the other Ps' threads would take longer to wake than it
  // lasts): every P that ran has a track named after it, with slices.
  const names = trackNames(trace, 1);
  const slices = slicesByTrack(trace, 1);
  expect(slices.has(0)).toBe(true);
  expect([...names.keys()].sort()).toEqual([...slices.keys()].sort());
  for (const p of slices.keys()) {
    expect(p).toBeLessThan(procs);
    expect(names.get(p)).toBe(`P${p}`);
  }
  // Every slice is named `G<id> <function>`, the id the page shows on its token.
  const all = [...slices.values()].flat();
  for (const s of all) {
    expect(s.name).toMatch(/^G\d+ \S+$/);
    expect(s.name.split(' ')[0]).toBe(`G${s.args.goroutine}`);
  }
  const funcs = new Set(all.map((s) => s.name.replace(/^G\d+ /, '')));
  expect(funcs).toEqual(new Set(['main.main', 'main.worker', 'runtime.runfinq']));
  // Three workers (G6, G7, G8: user goroutines start at 6) each ran and finished.
  for (const g of [6, 7, 8]) {
    expect(all.some((s) => s.args.goroutine === g && s.args.ended === 'finished'), `G${g} finished`).toBe(true);
  }
  // On each track, slices are in time order and do not overlap.
  for (const list of slices.values()) {
    for (let i = 1; i < list.length; i++) expect(list[i].ts).toBeGreaterThanOrEqual(list[i - 1].ts + list[i - 1].dur - 1e-6);
  }
  // The Ms have their tracks too.
  expect(slicesByTrack(trace, 2).size).toBeGreaterThan(0);
  expect(text.length).toBeGreaterThan(500);
});

test('four spinners paused mid-run: a track per P, each ending with the goroutine the page shows running there', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(program('tests/e2e/programs/four_spinners.go'));
  await app.setProcs(4);
  await app.setSpeed(MAX_SPEED);
  await app.run();
  const runSlot = (p) => app.slot(p, 'running').locator('[data-testid^="g-"]');
  await expect.poll(async () => {
    let n = 0;
    for (let p = 0; p < 4; p++) n += await runSlot(p).count();
    return n;
  }).toBe(4);
  await app.pause();
  const step = await app.step();
  await expect(app.exportScope).toHaveText(`up to step ${step.toLocaleString('en-US')}`);
  // What the page shows running on each P now, and the token's label.
  const running = new Map();
  for (let p = 0; p < 4; p++) {
    const id = (await runSlot(p).getAttribute('data-testid')).slice(2);
    expect(await runSlot(p).textContent()).toContain(`G${id}`);
    running.set(p, Number(id));
  }
  const { trace } = await app.downloadTrace();
  await artifact('export-paused');
  const names = trackNames(trace, 1);
  const slices = slicesByTrack(trace, 1);
  for (const [p, g] of running) {
    expect(names.get(p)).toBe(`P${p}`);
    const last = slices.get(p).at(-1);
    expect(last.args, `P${p}'s last slice`).toEqual({ goroutine: g, ended: 'running' });
    expect(last.name).toBe(`G${g} main.main.func1`);
  }
  // Stepping on exports more: the trace ends at the step shown.
  await app.stepOnce();
  const later = (await app.downloadTrace()).trace;
  expect(later.traceEvents.length).toBeGreaterThanOrEqual(trace.traceEvents.length);
});

test('the button and its scope in pt-BR', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await app.lang.selectOption('pt-BR');
  await expect(app.exportButton).toHaveText('Baixar trace');
  await expect(app.exportScope).toHaveText('até o passo 0');
  await expect(app.exportButton).toHaveAttribute('title', /Chrome trace-event/);
  await app.runToEnd();
  await expect(app.exportScope).toHaveText('execução inteira');
  const { trace } = await app.downloadTrace();
  expect(trace.traceEvents.length).toBeGreaterThan(10);
  await expect(app.exportStatus).toHaveText(/^gosched-trace\.json salvo \(\d+(,\d)? (B|KiB|MiB)\)$/);
  await artifact('export-pt-br');
});

test('a large run exports in tasks under 50 ms', async ({ page }) => {
  test.setTimeout(240_000);
  await watchLongTasks(page);
  const app = new Playground(page);
  await app.open();
  await app.load(program('tests/e2e/programs/export_large.go'));
  await app.runToEnd(180_000);
  await page.evaluate(() => { window.__longTasks = []; window.__goschedTiming = []; });
  const { text, trace } = await app.downloadTrace(120_000);
  const t = await page.evaluate(() => window.__goschedTiming.splice(0));
  const longTasks = await takeLongTasks(page);
  const of = (k) => t.filter(([n]) => n === k).map(([, v]) => v);
  const tasks = of('export-task');
  const result = {
    records: trace.traceEvents.length,
    bytes: text.length,
    exportMs: Math.round(of('export')[0]),
    tasks: tasks.length,
    longestTaskMs: +Math.max(...tasks).toFixed(1),
    saveMs: +of('export-save')[0].toFixed(1),
    longTasks,
    load: loadAverage(),
  };
  console.log(`export: ${JSON.stringify(result)}`);
  test.info().annotations.push({ type: 'export', description: JSON.stringify(result) });
  expect(result.records).toBeGreaterThan(300_000);
  expect(slicesByTrack(trace, 1).size).toBe(Number(await app.procs.inputValue()));
  if (!overloaded()) {
    expect(result.longestTaskMs, 'longest export task').toBeLessThan(50);
    expect(result.saveMs, 'saving the Blob').toBeLessThan(50);
    expect(longTasks, 'long tasks while exporting').toEqual([]);
  }
});
