// Embedding: the example host page drives an embed through the postMessage API and gets
// its events; malformed messages are ignored; the Embed dialog's snippet works pasted into
// a page; embed mode without the page chrome; a sandbox with scripts only.
import { test, expect, artifactsDir } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';
import { EmbedHost, fragment, decodeFragment, hostPage, openCoursePage } from '../pages/embed.mjs';

const racy = program('tests/e2e/programs/embed/racy.go');
const deadlock = program('tests/e2e/programs/embed/deadlock.go');
const panics = program('tests/e2e/programs/embed/panic.go');
const exit3 = program('tests/e2e/programs/embed/exit3.go');

/** Collects console errors and uncaught exceptions of the page and its frames. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/** A button of the example page, by its exact name. */
function button(page, name) {
  return page.getByRole('button', { name, exact: true });
}

/** Opens the example host page and waits until the embed is ready. */
async function openExample(page) {
  await page.goto('/embed-example.html');
  const host = new EmbedHost(page, '#playground');
  await host.waitFor('ready');
  await host.app.pCard(0).waitFor();
  return host;
}

test('the example host page drives the embed and receives its events', async ({ page, artifact }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const host = await openExample(page);

  // Auto-resize: the host script applies the height the embed reports.
  const height = await host.waitFor('height');
  expect(height.px).toBeGreaterThan(300);
  await expect.poll(async () => {
    const last = (await host.ofType('height')).at(-1).px;
    return (await host.iframe.evaluate((f) => f.style.height)) === `${last}px`;
  }).toBe(true);
  const box = await host.iframe.boundingBox();
  expect(Math.abs(box.height - (await host.ofType('height')).at(-1).px)).toBeLessThanOrEqual(2);

  // Load a scenario (a deadlock), play it: deadlock, then finished with exit status 2.
  await button(page, 'Load: deadlock').click();
  await expect(host.app.editor).toHaveValue(deadlock);
  await expect(host.app.editor).toHaveAttribute('readonly');
  await host.clear();
  await button(page, 'Play').click();
  const finished = await host.waitFor('finished');
  expect(finished.exitCode).toBe(2);
  const types = (await host.events()).map((e) => e.type);
  expect(types.indexOf('deadlock')).toBeGreaterThanOrEqual(0);
  expect(types.indexOf('deadlock')).toBeLessThan(types.indexOf('finished'));
  await expect(host.app.console).toContainText('fatal error: all goroutines are asleep - deadlock!');
  await expect(page.locator('#events')).toContainText('"type":"finished"');

  // A panic: its first line, then finished 2.
  await button(page, 'Load: panic').click();
  await expect(host.app.editor).toHaveValue(panics);
  await host.clear();
  await button(page, 'Play').click();
  const panic = await host.waitFor('panic');
  expect(panic.message).toBe('panic: runtime error: index out of range [5] with length 3');
  expect((await host.waitFor('finished')).exitCode).toBe(2);
  expect(await host.ofType('deadlock')).toEqual([]);

  // A data race: the variable and both lines; finished 0.
  await button(page, 'Load: data race').click();
  await expect(host.app.editor).toHaveValue(racy);
  await host.clear();
  await button(page, 'Step').click();
  const first = await host.waitFor('step', (e) => e.step > 0);
  await expect(host.app.runStatus).toHaveText(/paused/);
  await button(page, 'Step').click();
  await host.waitFor('step', (e) => e.step > first.step);
  // Seek back to the start.
  await button(page, 'Seek to step 0').click();
  await host.waitFor('step', (e) => e.step === 0);
  await expect.poll(() => host.app.step()).toBe(0);
  // Play and pause: after a pause, the playhead stays, and no step event follows the last.
  await button(page, 'Play').click();
  await expect(host.app.runStatus).toHaveText(/running/);
  await page.waitForTimeout(700);
  await button(page, 'Pause').click();
  await expect(host.app.runStatus).toHaveText(/paused/);
  const paused = await host.app.step();
  await host.waitFor('step', (e) => e.step === paused);
  const count = (await host.ofType('step')).length;
  await page.waitForTimeout(500);
  expect((await host.ofType('step')).length).toBe(count);
  expect((await host.ofType('step')).at(-1).step).toBe(paused);
  // Play to the end, flat out (the same program with speed=8): the race, and exit
  // status 66 (as `go run -race` when it found one).
  await host.command('load', { scenario: `#${fragment(racy, { procs: 2, speed: 8 })}` });
  await expect(host.app.runStatus).toHaveText(/ready/);
  await button(page, 'Play').click();
  const race = await host.waitFor('race', () => true, 30_000);
  expect(race.variable).toBe('counter');
  expect(race.lines).toEqual([18, 18]);
  expect((await host.waitFor('finished')).exitCode).toBe(66);
  // GOMAXPROCS from the host: one P card.
  await button(page, 'GOMAXPROCS=1').click();
  await expect(host.app.pCard(1)).toHaveCount(0);
  await expect(host.app.pCard(0)).toBeVisible();
  await button(page, 'GOMAXPROCS=4').click();
  await expect(host.app.pCard(3)).toBeVisible();

  await page.screenshot({ path: `${artifactsDir}/embed-example-host.png` });
  expect(errors).toEqual([]);
});

test('steps are reported at most ten times a second, and the exit code is the program\'s', async ({ page }) => {
  test.setTimeout(90_000);
  const host = await openExample(page);
  // Flat out (speed 8) a long run (about 240,000 steps) moves a hundred thousand steps a second; a step event comes
  // every 100 ms at most, and the last one names the final step.
  const long = racy.replace('i < 50', 'i < 20000');
  expect(long).not.toBe(racy);
  await host.command('load', { scenario: `#${fragment(long, { procs: 2, speed: 8 })}` });
  await expect(host.app.editor).toHaveValue(long);
  await host.clear();
  const t0 = Date.now();
  await host.command('play');
  const fin = await host.waitFor('finished', () => true, 60_000);
  const seconds = (Date.now() - t0) / 1000;
  expect(fin.exitCode).toBe(66);
  const steps = await host.ofType('step');
  const last = steps.at(-1).step;
  expect(last).toBeGreaterThan(100_000);
  expect(last).toBe(await host.app.step());
  expect(steps.length).toBeGreaterThanOrEqual(2);
  expect(steps.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 3);
  // Steps only move forward while playing.
  for (let i = 1; i < steps.length; i++) expect(steps[i].step).toBeGreaterThan(steps[i - 1].step);
  console.log(`flat out: ${last} steps in ${seconds.toFixed(2)} s, ${steps.length} step events`);

  await host.command('load', { scenario: `#${fragment(exit3, { speed: 8 })}` });
  await expect(host.app.editor).toHaveValue(exit3);
  await host.clear();
  await host.command('play');
  expect((await host.waitFor('finished')).exitCode).toBe(3);
});

test('malformed and foreign messages are ignored', async ({ page }) => {
  const errors = watchErrors(page);
  const host = await openExample(page);
  const before = await host.app.source();
  await host.clear();
  const garbage = [
    null, undefined, 42, 'play', '{"source":"gosched","type":"play"}', [], [{ source: 'gosched', type: 'play' }],
    {}, { type: 'play' }, { source: 'other', type: 'play' }, { source: 1, type: 'play' },
    { source: 'gosched' }, { source: 'gosched', type: 'eval', code: 'parent.alert(1)' },
    { source: 'gosched', type: 'PLAY' }, { source: 'gosched', type: ['play'] },
    { source: 'gosched', type: 'seek' }, { source: 'gosched', type: 'seek', step: -1 },
    { source: 'gosched', type: 'seek', step: '12' }, { source: 'gosched', type: 'seek', step: 1.5 },
    { source: 'gosched', type: 'seek', step: 1e300 },
    { source: 'gosched', type: 'set', procs: 0 }, { source: 'gosched', type: 'set', procs: 65 },
    { source: 'gosched', type: 'set', procs: '4' }, { source: 'gosched', type: 'set', procs: null },
    { source: 'gosched', type: 'load' }, { source: 'gosched', type: 'load', scenario: 42 },
    { source: 'gosched', type: 'load', scenario: '#v1.!!!not-base64!!!' },
    { source: 'gosched', type: 'load', scenario: '#v9.abc' },
    { source: 'gosched', type: 'load', scenario: '<img src=x onerror=alert(1)>' },
    { source: 'gosched', type: 'load', scenario: `#v1.${'A'.repeat(600_000)}` },
  ];
  for (const m of garbage) await host.post(m);
  // Structured-clone oddities: a cycle (JSON.stringify throws), a Map, a Blob.
  await page.evaluate(() => {
    const w = document.querySelector('#playground').contentWindow;
    const cyc = { source: 'gosched', type: 'play' };
    cyc.self = cyc;
    w.postMessage(cyc, '*');
    w.postMessage(new Map([['source', 'gosched']]), '*');
    w.postMessage(new Blob(['play']), '*');
  });
  // A valid command from the embed's own window (not its parent) is ignored too.
  const frame = host.contentFrame();
  await frame.evaluate(() => window.postMessage({ source: 'gosched', type: 'play' }, '*'));
  await page.waitForTimeout(800);
  await expect(host.app.runStatus).toHaveText(/ready/);
  expect(await host.app.step()).toBe(0);
  expect(await host.app.source()).toBe(before);
  await expect(host.app.pCard(3)).toBeVisible();
  expect(await host.ofType('step')).toEqual([]);
  expect(await host.ofType('finished')).toEqual([]);
  // Still alive: a valid command works.
  await host.command('play');
  await expect(host.app.runStatus).toHaveText(/running|finished/);
  expect(errors).toEqual([]);
});

test('embed mode shows the stage without the page chrome, and links to the playground', async ({ page, artifact }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  const f = fragment(deadlock, { procs: 2 });
  await page.goto(`/?embed&editor=0&theme=dark&lang=pt-BR#${f}`);
  const app = new Playground(page);
  await app.pCard(0).waitFor();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.title).toBeHidden();
  await expect(app.editor).toBeHidden();
  await expect(app.procs).toBeHidden();
  // A sandboxed iframe may not download: the trace export stays on the full page.
  await expect(page.getByTestId('export-trace')).toBeHidden();
  await expect(app.runButton).toBeVisible();
  await expect(app.pCard(1)).toBeVisible();
  await expect(app.pCard(2)).toHaveCount(0);
  const link = page.getByTestId('embed-playground-link');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener');
  const href = await link.getAttribute('href');
  expect(href.startsWith(new URL('/', page.url()).href + '#v1.')).toBe(true);
  expect(href).not.toContain('embed');
  const text = decodeFragment(href.split('#')[1]);
  expect(text).toContain('procs=2');
  expect(text.endsWith(deadlock)).toBe(true);
  await artifact('embed-mode-dark-pt');

  // Read-only: the program is shown and cannot be typed into.
  await page.goto(`/?embed&editor=ro&theme=light&lang=en#${f}`);
  await app.pCard(0).waitFor();
  await expect(app.editor).toHaveValue(deadlock);
  await expect(app.editor).toHaveAttribute('readonly');
  await app.runButton.click();
  await expect(app.runStatus).toHaveText(/running|finished/);
  await artifact('embed-mode-light-en');
});

test('the Embed dialog\'s snippet works pasted into a page', async ({ page, artifact }) => {
  const errors = watchErrors(page);
  const app = new Playground(page);
  await app.open();
  await app.load(deadlock);
  await app.setProcs(2);
  await page.getByTestId('embed-open').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toBeVisible();
  // The code has the focus, selected; Escape closes and gives the focus back.
  await expect(page.getByTestId('embed-snippet')).toBeFocused();
  await page.getByTestId('embed-lang').selectOption('pt-BR');
  await page.getByTestId('embed-editor').selectOption('rw');
  await page.getByTestId('embed-theme').selectOption('light');
  await page.getByTestId('embed-width').fill('760');
  await page.getByTestId('embed-width').dispatchEvent('change');
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed&amp;editor=rw&amp;theme=light&amp;lang=pt-BR#v1\.[A-Za-z0-9_-]+" width="760" height="640" /);
  expect(snippet).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');
  expect(snippet).toMatch(/<script src="http:\/\/127\.0\.0\.1:\d+\/embed-host\.js" async><\/script>$/);
  const f = snippet.match(/#(v1\.[A-Za-z0-9_-]+)"/)[1];
  expect(decodeFragment(f)).toContain('procs=2');
  expect(decodeFragment(f).endsWith(deadlock)).toBe(true);
  await page.getByTestId('embed-copy').click();
  await expect(page.getByTestId('embed-copy-status')).not.toBeEmpty();
  await page.setViewportSize({ width: 1280, height: 900 });
  await artifact('embed-dialog');
  await page.getByTestId('embed-snippet').focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('embed-open')).toBeFocused();

  // Pasted into a course page on another site.
  const course = await openCoursePage(page, hostPage(snippet));
  const host = new EmbedHost(page, 'iframe[data-gosched]');
  await host.waitFor('ready');
  await expect(host.app.editor).toHaveValue(deadlock);
  await expect(host.app.editor).not.toHaveAttribute('readonly');
  await expect(host.app.procs).toBeVisible();
  await expect(host.app.pCard(1)).toBeVisible();
  await expect(host.app.runButton).toHaveText(/Executar/);
  await expect.poll(async () => {
    const last = (await host.ofType('height')).at(-1)?.px;
    return last !== undefined && (await host.iframe.evaluate((el) => el.style.height)) === `${last}px`;
  }).toBe(true);
  // The host script's API drives it.
  await page.evaluate(() => {
    const embed = window.gosched.connect(document.querySelector('iframe[data-gosched]'));
    window.finishedViaApi = null;
    embed.on('finished', (m) => { window.finishedViaApi = m.exitCode; });
    embed.play();
  });
  await expect.poll(() => page.evaluate(() => window.finishedViaApi), { timeout: 20_000 }).toBe(2);
  await page.screenshot({ path: `${artifactsDir}/embed-snippet-in-host.png` });
  expect(errors).toEqual([]);
  await course.close();
});

test('works in a sandbox with scripts only: no storage, no cookies, autoplay', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const src = `${baseURL}?embed&autoplay=1&lang=en#${fragment(panics, { speed: 8 })}`;
  const course = await openCoursePage(page, hostPage(
    `<iframe sandbox="allow-scripts" src="${src}" width="800" height="500" data-gosched></iframe>
     <script src="${baseURL}embed-host.js"></script>`));
  const host = new EmbedHost(page, 'iframe');
  await host.waitFor('ready');
  // Autoplay runs the program to its end without a command.
  expect((await host.waitFor('panic')).message).toContain('index out of range');
  expect((await host.waitFor('finished')).exitCode).toBe(2);
  const frame = host.contentFrame();
  const probe = await frame.evaluate(() => {
    const r = {};
    try { localStorage.getItem('x'); r.storage = 'ok'; } catch (e) { r.storage = e.name; }
    try { r.cookie = document.cookie; } catch (e) { r.cookie = e.name; }
    r.origin = self.origin;
    return r;
  });
  expect(probe.storage).toBe('SecurityError');
  expect(probe.cookie).toBe('SecurityError');
  expect(probe.origin).toBe('null');
  await expect(host.app.console).toContainText('panic: runtime error');
  expect(errors).toEqual([]);
  await course.close();
});

test('an oEmbed description is linked and valid', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  const res = await request.get(new URL(href, page.url()).href);
  expect(res.ok()).toBe(true);
  const o = await res.json();
  expect(o.version).toBe('1.0');
  expect(o.type).toBe('rich');
  expect(o.provider_name).toBe('Go Scheduler Playground');
  expect(o.width).toBeGreaterThan(0);
  expect(o.height).toBeGreaterThan(0);
  expect(o.html).toMatch(/^<iframe src="[^"]*\?embed[^"]*"[^>]* sandbox="allow-scripts[^"]*"[^>]*><\/iframe>/);
});
