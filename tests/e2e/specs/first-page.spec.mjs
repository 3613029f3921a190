// The first page end to end: the built app in headless Chromium shows the default
// program, compiles it with gosched-lang, and reports a syntax error with its line.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground } from '../pages/playground.mjs';

test('shows the product name, the default program and its go statement', async ({ page, artifact }) => {
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

  const goLine = src.split('\n').findIndex((l) => l.includes('go worker')) + 1;
  expect(goLine).toBeGreaterThan(0);
  await expect(app.goStatements).toHaveText([`${goLine}:3go worker(id, &wg)`]);
  await artifact('first-page');
  expect(errors).toEqual([]);
});

test('deleting a closing brace shows the syntax error with its line', async ({ page, artifact }) => {
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
  await artifact('syntax-error');

  // Putting the brace back clears the error.
  await app.setSource(src);
  await expect(app.diagnostics).toHaveCount(0);
  await expect(app.status).toHaveText('No errors.');
});
