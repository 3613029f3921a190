// The first page end to end: the built app in headless Chromium shows the default
// program at step 0 of its run, and reports a syntax error at its line while typing.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground } from '../pages/playground.mjs';

test('shows the product name, the default program and its first scheduler state', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new Playground(page);
  await app.open();

  await expect(page).toHaveTitle('Go Scheduler Playground');
  await expect(app.title).toHaveText('Go Scheduler Playground');
  const src = await app.source();
  expect(src).toContain('package main');
  expect(src).toContain('sync.WaitGroup');
  await expect(app.status).toHaveText('No errors.');
  await expect(app.diagnostics).toHaveCount(0);

  // At step 0, main (G1) runs on P0 and the runtime's finalizer goroutine waits in runnext.
  await expect(app.runStatus).toHaveText('ready');
  await expect(app.pCards).toHaveCount(4);
  await expect(app.slot(0, 'running').locator('[data-testid="g-1"]')).toHaveAttribute('data-state', 'running');
  await expect(app.token(1)).toHaveAttribute('data-where', 'p0-running');
  for (const id of ['stats', 'memory-meter', 'timeline', 'event-log', 'console', 'race-report', 'global-runq']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a syntax error is shown at its line, inline and in the list', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  const src = await app.source();
  const cut = src.lastIndexOf('}');
  expect(cut).toBeGreaterThan(0);
  const broken = src.slice(0, cut) + src.slice(cut + 1);
  await app.setSource(broken);

  // As `go build` does, an unexpected EOF is reported on the line after the last newline.
  const eofLine = broken.split('\n').length;
  await expect(app.diagnostics).toHaveCount(1);
  await expect(app.diagnostics.first()).toHaveText(
    new RegExp(`^main\\.go:${eofLine}:1: syntax error: unexpected EOF`),
  );
  await expect(app.status).toHaveText('1 error.');
  // Inline: the line carries the message.
  const line = page.locator('.code-line').nth(eofLine - 1);
  await expect(line).toHaveClass(/code-line--error/);
  await expect(line).toContainText('syntax error: unexpected EOF');
  // A program with errors cannot run.
  await expect(app.runButton).toBeDisabled();
  await artifact('syntax-error');

  // A type error in the middle of the program is located too.
  const typo = src.replace('wg.Wait()', 'wg.Wiat()');
  await app.setSource(typo);
  const typoLine = typo.split('\n').findIndex((l) => l.includes('wg.Wiat()')) + 1;
  await expect(app.diagnostics.first()).toHaveText(new RegExp(`^main\\.go:${typoLine}:\\d+: `));

  // Putting the text back clears the errors and the program can run again.
  await app.setSource(src);
  await expect(app.diagnostics).toHaveCount(0);
  await expect(app.status).toHaveText('No errors.');
  await expect(app.runButton).toBeEnabled();
});
