// Page object for the playground: where things are (locators) and what a user does.
// Specs assert on these locators; they do not hard-code selectors.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

const root = new URL('../../../', import.meta.url);

/** The text of a Go program in the repository (`tests/programs/...`, `web/lessons/...`). */
export function program(path) {
  return readFileSync(new URL(path, root), 'utf8');
}

/** Index of the "as fast as possible" speed (the last one). */
export const MAX_SPEED = '8';

export class Playground {
  constructor(page) {
    this.page = page;
    this.title = page.getByTestId('title');
    this.editor = page.getByTestId('editor');
    this.status = page.getByTestId('status');
    this.diagnostics = page.getByTestId('diagnostics').locator('li');
    this.runButton = page.getByTestId('run');
    this.pauseButton = page.getByTestId('pause');
    this.stepButton = page.getByTestId('step');
    this.stepBackButton = page.getByTestId('step-back');
    this.resetButton = page.getByTestId('reset');
    this.speed = page.getByTestId('speed');
    this.procs = page.getByTestId('procs');
    this.preempt = page.getByTestId('preempt-mode');
    this.seed = page.getByTestId('seed');
    this.raceToggle = page.getByTestId('race-toggle');
    this.runStatus = page.getByTestId('run-status');
    this.console = page.getByTestId('console');
    this.raceReport = page.getByTestId('race-report');
    this.timeline = page.getByTestId('timeline');
    this.eventLog = page.getByTestId('event-log');
    this.stats = page.getByTestId('stats');
    this.memoryMeter = page.getByTestId('memory-meter');
    this.globalRunq = page.getByTestId('global-runq');
    this.seek = page.getByTestId('seek');
    this.tokens = page.locator('[data-testid^="g-"]');
    this.pCards = page.locator('[data-testid^="p-"]:not([data-testid*="-run"])');
    // Explore, be the scheduler, wait-for graph (issue 7).
    this.exploreButton = page.getByTestId('explore');
    this.exploreCancel = page.getByTestId('explore-cancel');
    this.exploreFind = page.getByTestId('explore-find');
    this.exploreStrategy = page.getByTestId('explore-strategy');
    this.exploreStatus = page.getByTestId('explore-status');
    this.exploreFinding = page.getByTestId('explore-finding');
    this.scheduleLoaded = page.getByTestId('schedule-loaded');
    this.beScheduler = page.getByTestId('be-scheduler');
    this.seatGoal = page.getByTestId('seat-goal');
    this.seatGoalState = page.getByTestId('seat-goal-state');
    this.seatDecision = page.getByTestId('seat-decision');
    this.waitFor = page.getByTestId('wait-for');
    // Lessons.
    this.lessonMenu = page.getByTestId('lessons');
    this.lessonPanel = page.getByTestId('lesson-panel');
    this.lessonText = page.getByTestId('lesson-text');
    this.lessonStep = page.getByTestId('lesson-step');
    this.lessonNext = page.getByTestId('lesson-next');
    this.lessonPrev = page.getByTestId('lesson-prev');
    // Scenario links and the language switch.
    this.shareButton = page.getByTestId('share');
    this.shareUrl = page.getByTestId('share-url');
    this.shareCopy = page.getByTestId('share-copy');
    this.shareStatus = page.getByTestId('share-status');
    this.lang = page.getByTestId('lang');
    this.linkError = page.getByTestId('link-error');
    // The trace download (export).
    this.exportButton = page.getByTestId('export-trace');
    this.exportScope = page.getByTestId('export-scope');
    this.exportStatus = page.getByTestId('export-status');
  }

  /** Opens the page at a lesson link (`#lesson=<id>/<n>`, n 1-based) and waits for its panel. */
  async openLesson(id, step = 1) {
    await this.page.goto(`/#lesson=${id}/${step}`);
    await this.editor.waitFor();
    await expect(this.lessonStep).toHaveAttribute('data-step', String(step));
  }

  /** The lesson step shown (1-based). */
  async lessonStepNumber() {
    return Number(await this.lessonStep.getAttribute('data-step'));
  }

  /** Opens the page at `url` (a path, or a whole link) and waits until the app rendered. */
  async openAt(url) {
    await this.page.goto(url);
    await this.editor.waitFor();
  }

  /** Clicks Share and returns the link it shows. */
  async share() {
    await this.shareButton.click();
    await expect(this.shareUrl).toHaveValue(/#v1\./);
    return this.shareUrl.inputValue();
  }

  /** Starts a schedule search for `find` (race, deadlock, panic, output) with `strategy`. */
  async explore(find, strategy = 'random') {
    await this.exploreFind.selectOption(find);
    await this.exploreStrategy.selectOption(strategy);
    await this.exploreButton.click();
  }

  /** Opens the page and waits until the app has rendered the editor and the stage. */
  async open() {
    await this.page.goto('/');
    await this.editor.waitFor();
    await this.pCard(0).waitFor();
  }

  /** The editor's current program text. */
  async source() {
    return this.editor.inputValue();
  }

  /** Replaces the whole program, as a user typing would (fires input events). */
  async setSource(text) {
    await this.editor.fill(text);
  }

  /** Loads a program and waits until it compiled and sits at step 0. */
  async load(text) {
    await this.setSource(text);
    await expect(this.status).toHaveText(/^(No errors\.|Nenhum erro\.)$/);
    await expect(this.runStatus).toHaveText(/ready|pronto/);
  }

  pCard(n) {
    return this.page.getByTestId(`p-${n}`);
  }

  slot(n, what) {
    return this.page.getByTestId(`p-${n}-${what}`);
  }

  token(id) {
    return this.page.getByTestId(`g-${id}`);
  }

  cell(name) {
    return this.page.getByTestId(`cell-${name}`);
  }

  async setSpeed(index) {
    await this.speed.fill(String(index));
  }

  async setProcs(n) {
    await this.procs.selectOption(String(n));
  }

  async run() {
    await this.runButton.click();
  }

  /**
   * Pauses the run if it is still running. The check and the click happen in one task of the
   * page, so a run that ends on its own just before cannot leave the test waiting on a
   * disabled Pause button (a fast run at its step limit did that: Playwright's click waits
   * for the button to be enabled, and it never was again).
   */
  async pause() {
    await this.page.evaluate(() => {
      const b = document.querySelector('[data-testid="pause"]');
      if (b && !b.disabled) b.click();
    });
    await expect(this.runStatus).not.toHaveText(/running|executando/);
  }

  /** Runs as fast as possible until the program ends. */
  async runToEnd(timeout = 30_000) {
    await this.setSpeed(MAX_SPEED);
    await this.run();
    await expect(this.runStatus).toHaveText(/finished|terminou/, { timeout });
  }

  /** The step the run is at now. */
  async step() {
    return Number(await this.page.getByTestId('step-now').getAttribute('data-step'));
  }

  /** Clicks Step and waits until the run has moved. */
  async stepOnce() {
    const before = await this.step();
    await this.stepButton.click();
    await expect.poll(() => this.step()).toBeGreaterThan(before);
    await expect(this.runStatus).toHaveText(/paused|pausado|finished|terminou/);
  }

  // ---- compare view (issue 7) ----

  /** The compare view's parts: `compare('left')`, `compare('time-right')`, `compare('seek')` ... */
  compare(part) {
    return this.page.getByTestId(part ? `compare-${part}` : 'compare');
  }

  /** Opens the compare view and waits until both runs are computed (timeout in ms). */
  async openCompare(timeout = 120_000) {
    await this.compare().click();
    await this.compare('view').waitFor();
    await this.compareDone(timeout);
  }

  /** Waits until both runs of the compare view have their total simulated time. */
  async compareDone(timeout = 120_000) {
    await expect(this.compare('time-left')).toHaveAttribute('data-ns', /^\d+$/, { timeout });
    await expect(this.compare('time-right')).toHaveAttribute('data-ns', /^\d+$/, { timeout });
  }

  /** A side's number attribute (`data-ns`) of a compare part, e.g. `compareNs('now-left')`. */
  async compareNs(part) {
    return Number(await this.compare(part).getAttribute('data-ns'));
  }

  /**
   * Clicks "Download trace", waits for the file and returns `{ name, text, trace }`: the
   * suggested file name, the text and the parsed Chrome trace-event JSON.
   */
  async downloadTrace(timeout = 60_000) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout }),
      this.exportButton.click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    return { name: download.suggestedFilename(), text, trace: JSON.parse(text) };
  }

  /** Every token's id, state and place, sorted: a fingerprint of the stage. */
  async tokenPlaces() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid^="g-"]')]
        .map((t) => `${t.dataset.testid}:${t.dataset.state}:${t.dataset.where}`)
        .sort(),
    );
  }
}
