// Shared memory and the race detector: the unsynchronized counter races, the mutex one
// does not.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';

test('the unsynchronized counter marks its cell racy and the report names both lines', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  const src = program('tests/programs/course/counter_racy.go');
  await app.load(src);
  await expect(app.raceToggle).toBeChecked();
  await app.runToEnd();

  const cell = app.cell('counter');
  await expect(cell).toHaveAttribute('data-race', 'true');
  // Both accesses are `counter++` on the same line; the report names it for each side
  // (Go finds two races there: read against write, and write against write).
  const line = src.split('\n').findIndex((l) => l.includes('counter++')) + 1;
  const races = app.raceReport.locator('.race');
  expect(await races.count()).toBeGreaterThanOrEqual(1);
  const sides = app.raceReport.locator('.race__side');
  await expect(sides).toHaveCount((await races.count()) * 2);
  for (const side of await sides.all()) {
    await expect(side).toContainText(`main.go:${line}`);
    await expect(side).toContainText(/G\d+ (reads|writes) counter/);
  }
  // Go's own report is in the console.
  await expect(app.console).toContainText('WARNING: DATA RACE');
  await expect(app.console).toContainText(/Found \d+ data race\(s\)/);
  await expect(app.console).toContainText('exit status 66');
  // Clicking the cell highlights the racing line in the editor.
  await cell.click();
  await expect(page.locator('.code-line--marked')).toHaveCount(1);
  await expect(page.locator('.code-line').nth(line - 1)).toHaveClass(/code-line--marked/);
  await artifact('race-found');
});

test('the counter behind a mutex shows no race', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(program('tests/programs/course/counter_mutex.go'));
  await app.runToEnd();
  await expect(app.console).toContainText('counter: 2000');
  await expect(app.raceReport).toContainText('No data race so far.');
  await expect(page.locator('[data-race="true"]')).toHaveCount(0);
  await expect(app.raceReport.locator('.race')).toHaveCount(0);
});
