// Runaway programs on the page: an endless loop, an endless goroutine spawn, endless output,
// endless recursion and huge allocations. Each either ends with the clear message naming
// its limit (README.md's limits table) or keeps running; either way no main-thread task
// takes 50 ms or more (Long Tasks API) and the controls answer: Pause stops the run within
// a second, typing in the editor loads the edited program, Reset goes back to step 0.
//
// Long tasks measure wall-clock time, so, as in performance.spec.mjs, the 50 ms bound is
// asserted when the load average is below the number of cores and otherwise reported as an
// annotation with the numbers; the controls' one-second bound is then stretched to three
// (the time each control took is always reported).
import os from 'node:os';
import { test, expect } from '../harness/fixtures.mjs';
import { watchLongTasks, takeLongTasks, overloaded, loadAverage } from '../harness/longtasks.mjs';
import { Playground, MAX_SPEED } from '../pages/playground.mjs';

// Playwright's trace recorder snapshots the DOM on the main thread: it would be measured too.
test.use({ trace: 'off' });

/** How long a control may take to answer: a second, or three on an overloaded machine. */
const controlMs = () => (overloaded() ? 3000 : 1000);

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
});

function checkLongTasks(name, longTasks) {
  const load = loadAverage();
  test.info().annotations.push({ type: 'long tasks', description: `${name}: ${JSON.stringify(longTasks)} (load ${load})` });
  if (overloaded()) {
    test.info().annotations.push({
      type: 'not asserted',
      description: `load average ${load} on ${os.cpus().length} cores: long tasks reported, not asserted`,
    });
  } else {
    expect(longTasks, `${name}: main-thread tasks of 50 ms or more (load ${load})`).toEqual([]);
  }
}

const go = (body, imports = []) =>
  `package main\n\n${imports.length ? `import (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\n` : ''}${body}`;

const PROGRAMS = {
  loop: go('func main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n'),
  spawn: go('func main() {\n\tfor {\n\t\tgo func() { select {} }()\n\t}\n}\n'),
  output: go('func main() {\n\tfor {\n\t\tfmt.Println("x")\n\t}\n}\n', ['fmt']),
  recursion: go('func f(n int) int {\n\treturn f(n+1) + 1\n}\n\nfunc main() {\n\tfmt.Println(f(0))\n}\n', ['fmt']),
  makeslice: go('func main() {\n\ts := make([]int, 1<<40)\n\tfmt.Println(len(s))\n}\n', ['fmt']),
  memory: go('func main() {\n\ts := make([]int, 1<<27-1)\n\tfmt.Println(len(s))\n}\n', ['fmt']),
};

/** Loads `src`, runs it flat out, and returns the long tasks seen until `until()` holds. */
async function runFlatOut(page, app, src, until, timeout) {
  await app.load(src);
  await app.setSpeed(MAX_SPEED);
  await page.evaluate(() => { window.__longTasks = []; });
  await app.run();
  await expect.poll(until, { timeout, intervals: [250] }).toBe(true);
  return takeLongTasks(page);
}

/** Pause, edit and Reset each answer within a second while `src` runs flat out. */
async function expectControlsAnswer(page, app) {
  const CONTROL_MS = controlMs();
  const running = /running|executando/;
  // Pause.
  await app.run();
  await expect(app.runStatus).toHaveText(running);
  let t = Date.now();
  await app.pauseButton.click();
  await expect(app.runStatus).not.toHaveText(running, { timeout: CONTROL_MS });
  const pauseMs = Date.now() - t;
  // Reset.
  await app.run();
  await expect(app.runStatus).toHaveText(running);
  t = Date.now();
  await app.resetButton.click();
  await expect.poll(() => app.step(), { timeout: CONTROL_MS }).toBe(0);
  await expect(app.runStatus).toHaveText(/ready|pronto/, { timeout: CONTROL_MS });
  const resetMs = Date.now() - t;
  // Edit: typing while it runs loads the edited program.
  await app.run();
  await expect(app.runStatus).toHaveText(running);
  t = Date.now();
  await app.editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// edited');
  await expect(app.editor).toHaveValue(/\/\/ edited$/, { timeout: CONTROL_MS });
  await expect(app.runStatus).toHaveText(/ready|pronto/, { timeout: CONTROL_MS });
  const editMs = Date.now() - t;
  test.info().annotations.push({ type: 'controls', description: `pause ${pauseMs} ms, reset ${resetMs} ms, edit ${editMs} ms (bound ${CONTROL_MS} ms, load ${os.loadavg()[0].toFixed(2)})` });
}

for (const [name, seconds] of [['spawn', 6]]) {
  test('an endless goroutine spawn keeps running and the page answers', async ({ page }) => {
    test.setTimeout(90_000);
    const app = new Playground(page);
    await app.open();
    const started = Date.now();
    const longTasks = await runFlatOut(page, app, PROGRAMS[name], async () => Date.now() - started > seconds * 1000, seconds * 1000 + 5000);
    const live = Number((await page.getByTestId('memory-goroutines').textContent()).replace(/\D/g, ''));
    test.info().annotations.push({ type: 'goroutines', description: `${live} after ${seconds} s` });
    expect(live).toBeGreaterThan(10_000);
    checkLongTasks(name, longTasks);
    if (/finished|terminou/.test(await app.runStatus.textContent())) {
      // A fast machine reaches the page's goroutine limit within the time: it ends there.
      await expect(app.runStatus).toHaveText('finished, exit status 2');
      await expect(app.console).toContainText(
        'gosched: goroutine limit reached: the program created more than 150000 goroutines. Raise it with --max-goroutines.',
      );
      expect(live).toBeGreaterThan(140_000);
    } else {
      // Still running, and moving.
      const step = await app.step();
      await expect.poll(() => app.step()).toBeGreaterThan(step);
      await app.pause();
    }
    await expectControlsAnswer(page, app);
  });
}

test('an endless loop ends at the step limit, and the page answers while it runs', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Playground(page);
  await app.open();
  const longTasks = await runFlatOut(page, app, PROGRAMS.loop, async () => /finished|terminou/.test(await app.runStatus.textContent()), 90_000);
  await expect(app.runStatus).toHaveText('finished, exit status 124');
  await expect(app.console).toHaveText(
    'gosched: step limit reached: the program ran 200000000 steps without finishing (an endless loop, or a very long run). Raise it with --max-steps.\nexit status 124\n',
  );
  expect(await app.step()).toBeGreaterThanOrEqual(200_000_000);
  checkLongTasks('loop', longTasks);
  await expectControlsAnswer(page, app);
});

test('endless output ends at the output limit, and the console keeps its last lines', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new Playground(page);
  await app.open();
  const longTasks = await runFlatOut(page, app, PROGRAMS.output, async () => /finished|terminou/.test(await app.runStatus.textContent()), 60_000);
  await expect(app.runStatus).toHaveText('finished, exit status 2');
  const out = await app.console.textContent();
  expect(out).toMatch(/x\ngosched: output limit reached: the program printed more than 1024 KiB\. Raise it with --max-output\.\nexit status 2\n$/);
  // 1 MiB of "x\n" is 524,288 lines; the console shows the last 2,000 and counts the rest.
  expect(out.split('\n').length - 1).toBe(2000);
  await expect(page.getByTestId('console-hidden')).toHaveText(
    `Only the end of the output is shown (lines hidden above: ${(524_288 + 2 - 2000).toLocaleString('en-US')}).`,
  );
  checkLongTasks('output', longTasks);
  await expectControlsAnswer(page, app);
});

for (const [name, messages] of [
  ['recursion', ['runtime: goroutine stack exceeds 16777216-byte limit\nfatal error: stack overflow', 'main.f(...)', '...additional frames elided...']],
  ['makeslice', ['panic: runtime error: makeslice: len out of range\n\ngoroutine 1 [running]:']],
  ['memory', ['gosched: memory limit reached: more than 1024 MiB live after garbage collection. Raise it with --max-memory.']],
]) {
  test(`${name}: the run ends with its limit's message`, async ({ page }) => {
    test.setTimeout(60_000);
    const app = new Playground(page);
    await app.open();
    const longTasks = await runFlatOut(page, app, PROGRAMS[name], async () => /finished|terminou/.test(await app.runStatus.textContent()), 30_000);
    await expect(app.runStatus).toHaveText('finished, exit status 2');
    for (const m of messages) await expect(app.console).toContainText(m);
    await expect(app.console).toContainText('exit status 2');
    checkLongTasks(name, longTasks);
  });
}
