// Scenario links: Share → open the link in a fresh page → the same run, paused at the same
// step; broken and hostile links; edits surviving a reload; blocked storage; the language
// switch.
import { deflateRawSync } from 'node:zlib';
import { test, expect } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';

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

test('a 40-line program makes a link under 2,000 characters', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const src = program('tests/e2e/programs/forty_lines.go');
  expect(src.split('\n').length - 1).toBe(40);
  await app.load(src);
  await app.setProcs(3);
  await app.seed.fill('123456789');
  await app.seed.press('Enter');
  for (let i = 0; i < 5; i++) await app.stepOnce();
  await app.token(1).click();
  const url = await app.share();
  console.log(`40-line program: link of ${url.length} characters (${url.length - url.indexOf('#')} in the fragment)`);
  expect(url.length).toBeLessThan(2000);
});

// Settings lines, a blank line, the program: as the page's codec writes it.
const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const hostileProgram = `package main\n\n// ${payload}\n// </textarea>${payload}\nfunc main() {\n\tprintln("${payload.replaceAll('"', "'")}")\n}\n`;

const brokenLinks = [
  ['garbage', '#hello-world', /does not hold a scenario/],
  ['not base64', '#v1.%3Cscript%3E!!', /invalid characters/],
  ['truncated', null, /damaged/],
  ['tampered bytes', null, /damaged/],
  ['a future version', '#v9.' + 'A'.repeat(40), /newer version.*v9/],
  ['an HTML payload in a setting', link(`procs=${payload}\n\npackage main\n`), /invalid setting, procs="<img src=x/],
  ['an HTML payload in the step', link(`step=${payload}\n\npackage main\n`), /invalid setting, step="<img src=x/],
  ['an HTML payload in the language', link(`lang=${payload}\n\npackage main\n`), /invalid setting, lang="<img src=x/],
];

for (const [name, fragment, message] of brokenLinks) {
  test(`a link with ${name} shows what was wrong and opens the default example`, async ({ page, artifact }) => {
    await page.addInitScript(() => { window.__pwned = 0; });
    const app = new Playground(page);
    let f = fragment;
    if (f === null) {
      const good = link(`procs=2\nseed=77\n\n${hostileProgram}`);
      f = name === 'truncated' ? good.slice(0, good.length - 30) : good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21);
    }
    await app.openAt('/' + f);
    await expect(app.linkError).toBeVisible();
    await expect(app.linkError).toContainText(message);
    await expect(app.linkError).toContainText('The default example is open instead');
    if (name.includes('setting')) await artifact('link-error');
    // The default example is open, and the editor still works.
    await expect(app.editor).toHaveValue(/package main/);
    await expect(app.editor).not.toHaveValue(/__pwned/);
    await expect(app.procs).toHaveValue('4');
    await app.load('package main\n\nfunc main() {\n\tprintln("still works")\n}\n');
    await app.runToEnd();
    await expect(app.console).toContainText('still works');
    expect(await page.evaluate(() => window.__pwned)).toBe(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });
}

test('HTML and script payloads in the program and every free-text field stay text', async ({ page }) => {
  await page.context().addInitScript(() => { window.__pwned = 0; });
  const app = new Playground(page);
  const fields = `cell=${payload}\nlesson=${payload}\nschedule=${payload}\ng=1\n`;
  await app.openAt('/' + link(`${fields}\n${hostileProgram}`));
  await expect(app.editor).toHaveValue(hostileProgram);
  await expect(app.linkError).toHaveCount(0);
  await app.runToEnd();
  await expect(app.console).toContainText('<img src=x');
  expect(await page.evaluate(() => window.__pwned)).toBe(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])').filter({ hasText: '__pwned' })).toHaveCount(0);
  // Sharing it again gives back the same link content.
  const url = await app.share();
  const again = await page.context().newPage();
  const other = new Playground(again);
  await other.openAt(url);
  await expect(other.editor).toHaveValue(hostileProgram);
  expect(await again.evaluate(() => window.__pwned)).toBe(0);
});

test('a link pasted into the address bar of an open page opens (hashchange)', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const src = 'package main\n\nfunc main() {\n\tprintln("from hashchange")\n}\n';
  await page.evaluate((h) => { location.hash = h; }, link(`procs=3\n\n${src}`));
  await expect(app.editor).toHaveValue(src);
  await expect(app.procs).toHaveValue('3');
  await page.evaluate(() => { location.hash = '#v9.zzz'; });
  await expect(app.linkError).toContainText(/newer version/);
  await expect(app.procs).toHaveValue('4');
});

test('the user\'s edits and settings survive a reload; a shared link does not overwrite them', async ({ page, browser }) => {
  const app = new Playground(page);
  await app.open();
  const src = 'package main\n\nfunc main() {\n\tprintln("my own work")\n}\n';
  await app.load(src);
  await app.setProcs(3);
  await app.raceToggle.uncheck();
  await page.waitForTimeout(800);
  await page.reload();
  await app.editor.waitFor();
  await expect(app.editor).toHaveValue(src);
  await expect(app.procs).toHaveValue('3');
  await expect(app.raceToggle).not.toBeChecked();

  // Opening someone's link shows it, but the saved work stays.
  await app.openAt('/' + link('procs=2\n\npackage main\n\nfunc main() {}\n'));
  await expect(app.procs).toHaveValue('2');
  await page.waitForTimeout(800);
  await app.openAt('/');
  await expect(app.editor).toHaveValue(src);

  // Editing a page opened from a link: the reload keeps the edit, not the link.
  await app.openAt('/' + link('procs=2\n\npackage main\n\nfunc main() {}\n'));
  const edited = 'package main\n\nfunc main() {\n\tprintln("edited a link")\n}\n';
  await app.load(edited);
  await page.waitForTimeout(800);
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await app.editor.waitFor();
  await expect(app.editor).toHaveValue(edited);
});

test('the page works when storage is blocked (sandboxed iframe)', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The document is sandboxed', 'SecurityError'); },
    });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const app = new Playground(page);
  await app.open();
  // The blocking really is in place: touching localStorage throws, as in a sandbox.
  expect(await page.evaluate(() => { try { return typeof window.localStorage; } catch (e) { return e.name; } })).toBe('SecurityError');
  await app.load('package main\n\nfunc main() {\n\tprintln("no storage")\n}\n');
  await app.setProcs(2);
  await app.lang.selectOption('pt-BR');
  await page.getByTestId('theme-toggle').click();
  await app.runToEnd();
  await expect(app.console).toContainText('no storage');
  const url = await app.share();
  await page.waitForTimeout(600);
  await app.openAt(url);
  await expect(app.editor).toHaveValue(/no storage/);
  expect(errors).toEqual([]);
});

test('the language switch changes the page and <html lang>, and links carry the language', async ({ page, browser, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.lang).toHaveValue('en');
  await app.lang.selectOption('pt-BR');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(app.runButton).toContainText('Executar');
  await expect(app.shareButton).toHaveText('Compartilhar');
  const url = await app.share();
  await app.shareCopy.click();
  await expect(app.shareStatus).toHaveText(/Link copiado|Ctrl\+C/);
  await artifact('share-panel-pt-BR');
  // An English browser opening a pt-BR link gets Portuguese.
  const fresh = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const other = new Playground(fresh);
  await other.openAt(url);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(other.lang).toHaveValue('pt-BR');
  await fresh.context().close();
});

test('a selected shared cell travels in the link', async ({ page, browser }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(program('web/lessons/02-race-condition/racy.go'));
  await app.runToEnd();
  const cell = app.cell('counter');
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  const url = await app.share();
  const fresh = await (await browser.newContext()).newPage();
  const other = new Playground(fresh);
  await other.openAt(url);
  await expect(other.runStatus).toHaveText(/paused|finished/);
  await expect(other.cell('counter')).toHaveAttribute('aria-pressed', 'true');
  // Its lines are highlighted as after a click.
  const marked = await page.locator('.code-line--marked').count();
  expect(marked).toBeGreaterThan(0);
  await expect(fresh.locator('.code-line--marked')).toHaveCount(marked);
  await fresh.context().close();
});

test('without the Clipboard API, Copy selects the link and says how to copy it', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      get() { return { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }; },
    });
  });
  const app = new Playground(page);
  await app.open();
  const url = await app.share();
  await app.shareCopy.click();
  await expect(app.shareStatus).toHaveText(/Ctrl\+C/);
  await expect(app.shareStatus).toHaveAttribute('aria-live', 'polite');
  expect(await page.evaluate(() => window.getSelection().toString() || document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd))).toBe(url);
});

test('on a phone the header tools wrap and the link panel fits the screen', async ({ page, artifact }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const app = new Playground(page);
  await app.open();
  await app.share();
  const box = await page.locator('.share__panel').boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: new URL('../artifacts/share-phone.png', import.meta.url).pathname });
});

test('the link panel works from the keyboard: the link is focused and selected, Escape closes it', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.shareButton.focus();
  await page.keyboard.press('Enter');
  await expect(app.shareUrl).toBeFocused();
  const url = await app.shareUrl.inputValue();
  expect(await app.shareUrl.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(url);
  await page.keyboard.press('Escape');
  await expect(app.shareUrl).toHaveCount(0);
  await expect(app.shareButton).toBeFocused();
});
