// Go's scheduling policies as "what if" switches: switching runnext off changes the order in
// which goroutines started in a loop print, the page marks the run as not Go, a share link
// carries the switch to a fresh page, and the words are there in pt-BR too.
import { test, expect } from '../harness/fixtures.mjs';
import { artifactsDir } from '../harness/fixtures.mjs';
import { Playground, program, MAX_SPEED } from '../pages/playground.mjs';

const RUNNEXT_ORDER = program('tests/programs/sched/runnext_order.go');

/** The program's printed lines once the run has finished. */
async function printed(app) {
  await app.runToEnd();
  return (await app.console.textContent()).trim().split('\n');
}

test('switching runnext off runs goroutines in the order they were started, and says it is not Go', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(RUNNEXT_ORDER);
  await app.setProcs(1);
  await app.setSpeed(MAX_SPEED);
  const whatIf = page.getByTestId('what-if');
  const runnext = page.getByTestId('policy-runnext');
  const fairness = page.getByTestId('policy-fairness');
  await expect(whatIf).toHaveCount(0);
  // Go: the last goroutine started sits in runnext and runs first.
  expect(await printed(app)).toEqual(['4', '0', '1', '2', '3']);

  await page.getByTestId('policies').locator('summary').click();
  await expect(runnext).toBeChecked();
  await expect(fairness).toBeChecked();
  await runnext.uncheck();
  await expect(app.runStatus).toHaveText(/ready/);
  await expect(whatIf).toHaveText('what if: not Go');
  await expect(page.getByTestId('what-if-stage')).toHaveText('what if: not Go');
  // The P card says its runnext slot is off.
  await expect(app.slot(0, 'runnext')).toContainText('runnext (off)');
  expect(await printed(app)).toEqual(['0', '1', '2', '3', '4']);
  // The event log says where each goroutine went, and never that it went into runnext.
  await expect(app.eventLog).toContainText("G1 created G10 (main.main.func1) at the tail of P0's local queue (runnext is off)");
  await expect(app.eventLog).not.toContainText("'s runnext");
  await page.screenshot({ path: `${artifactsDir}/policies-what-if.png` });

  // Back on: Go's order again, and the mark goes away.
  await runnext.check();
  await expect(whatIf).toHaveCount(0);
  await expect(page.getByTestId('what-if-stage')).toHaveCount(0);
  await expect(app.slot(0, 'runnext')).not.toContainText('off');
  expect(await printed(app)).toEqual(['4', '0', '1', '2', '3']);
});

test('a share link carries a switched-off policy to a fresh page', async ({ browser, page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(RUNNEXT_ORDER);
  await app.setProcs(1);
  await page.getByTestId('policies').locator('summary').click();
  await page.getByTestId('policy-fairness').uncheck();
  await page.getByTestId('policy-runnext').uncheck();
  const url = await app.share();

  const fresh = await (await browser.newContext()).newPage();
  const other = new Playground(fresh);
  await other.openAt(url);
  // The mark is on the disclosure's summary, so it shows while it is closed.
  await expect(fresh.getByTestId('what-if')).toBeVisible();
  await fresh.getByTestId('policies').locator('summary').click();
  await expect(fresh.getByTestId('policy-runnext')).not.toBeChecked();
  await expect(fresh.getByTestId('policy-fairness')).not.toBeChecked();
  await expect(fresh.getByTestId('what-if')).toBeVisible();
  await other.setSpeed(MAX_SPEED);
  expect(await printed(other)).toEqual(['0', '1', '2', '3', '4']);

  // Embedded in a course page (settings hidden), the stage still marks the run.
  await fresh.goto(url.replace('/#', '/?embed#'));
  await expect(fresh.getByTestId('what-if-stage')).toBeVisible();
  await expect(fresh.getByTestId('policies')).toBeHidden();

  // A link without the switches (Go's own) opens with every policy on.
  await page.getByTestId('policy-fairness').check();
  await page.getByTestId('policy-runnext').check();
  const goUrl = await app.share();
  expect(goUrl.length).toBeLessThan(url.length);
  await other.openAt(goUrl);
  await expect(fresh.getByTestId('what-if')).toHaveCount(0);
  await expect(fresh.getByTestId('policy-runnext')).toBeChecked();
});

test('the policies in pt-BR', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await page.getByTestId('lang').selectOption('pt-BR');
  const policies = page.getByTestId('policies');
  await expect(policies.locator('summary')).toHaveText('Políticas do escalonador do Go');
  await policies.locator('summary').click();
  await page.getByTestId('policy-runnext').uncheck();
  await expect(page.getByTestId('what-if')).toHaveText('e se: não é o Go');
  await expect(policies).toContainText('nenhum programa Go produz');
  // The assumptions list says the switches are not Go's.
  await page.getByTestId('assumptions-button').click();
  await expect(page.getByTestId('assumptions')).toContainText('O Go não permite desligá-las');
});

test('compare: Go beside a run without runnext, side by side, and the link keeps both', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const app = new Playground(page);
  await app.open();
  await app.load(RUNNEXT_ORDER);
  await app.setProcs(1);
  await app.openCompare();
  await app.compare('dimension').selectOption('policies');
  await expect(app.compare('value-left')).toHaveValue('go');
  await expect(app.compare('value-right')).toHaveValue('no-runnext');
  await app.compareDone();
  await expect(app.compare('output-left')).toHaveText(/^4\s*0\s*1\s*2\s*3\s*$/);
  await expect(app.compare('output-right')).toHaveText(/^0\s*1\s*2\s*3\s*4\s*$/);
  await expect(app.compare('view')).toContainText('what if: no runnext');
  await page.screenshot({ path: `${artifactsDir}/compare-policies.png` });

  const url = await app.share();
  const fresh = await (await browser.newContext()).newPage();
  const other = new Playground(fresh);
  // The split view opens instead of the editor.
  await fresh.goto(url);
  await other.compareDone();
  await expect(other.compare('value-right')).toHaveValue('no-runnext');
  await expect(other.compare('output-right')).toHaveText(/^0\s*1\s*2\s*3\s*4\s*$/);
});
