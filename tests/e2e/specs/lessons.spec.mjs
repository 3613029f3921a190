// The built-in lessons: each opens from the menu or a `#lesson=<id>/<n>` link, walks its
// steps in English and in Brazilian Portuguese, and shows what its text promises (a race
// found, 10,000 goroutines, a cooperative run that never ends beside an asynchronous one
// that does, four cores nearly four times faster, a deadlock).
import { test, expect } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';

/** Words of each language, to tell which one a lesson's text is in. */
const LANGS = {
  en: { tag: 'en', next: 'Next', words: /\b(the|and|is|of)\b/, not: /(^|\s)(não|uma|são)(\s|$)/, settled: /ready|paused|finished/ },
  'pt-BR': { tag: 'pt-BR', next: 'Próximo', words: /(^|\s)(não|uma|são|de|que|o|a|e)(\s|$)/, not: /\b(the|and)\b/, settled: /pronto|pausado|terminou/ },
};

/** A duration as the page prints it (`48.1ms`, `12,3ms`, `950µs`) in nanoseconds. */
function ns(text) {
  const m = /([\d.,]+)\s*(ns|µs|ms|s)\b/.exec(text);
  if (!m) throw new Error(`no duration in ${JSON.stringify(text)}`);
  const n = Number(m[1].replace(',', '.'));
  return n * { ns: 1, µs: 1e3, ms: 1e6, s: 1e9 }[m[2]];
}

/**
 * What each lesson shows, checked at the step named (1-based) after its seek is done.
 * `check(app, page, lang)` asserts on the page.
 */
const LESSONS = [
  {
    id: 'concurrency-parallelism',
    title: { en: 'Concurrency vs parallelism', 'pt-BR': 'Concorrência x paralelismo' },
    checks: {
      5: async (app) => {
        await expect(app.runStatus).toHaveText(/exit status 0/);
        // One core, then four: the same work in about a quarter of the time.
        const one = await app.page.getByTestId('lesson-run-primary-result').textContent();
        await app.page.getByTestId('lesson-show-compare').click();
        await expect(app.procs).toHaveValue('4');
        // The comparison run keeps the step's seek (run to the end).
        await expect(app.runStatus).toHaveText(/exit status 0/, { timeout: 60_000 });
        const four = await app.page.getByTestId('lesson-run-compare-result').textContent();
        const ratio = ns(one) / ns(four);
        expect(ratio, `${one} vs ${four}`).toBeGreaterThan(3);
        expect(ratio).toBeLessThan(4.01);
        await app.page.getByTestId('lesson-show-primary').click();
        await expect(app.procs).toHaveValue('1');
      },
    },
  },
  {
    id: 'race-condition',
    title: { en: 'Race condition', 'pt-BR': 'Condição de corrida' },
    checks: {
      2: async (app) => {
        await expect(app.runStatus).toHaveText(/exit status 66/);
        await expect(app.console).toContainText('WARNING: DATA RACE');
        await expect(app.raceReport).toBeVisible();
      },
      3: async (app, page) => {
        await expect(page.locator('[data-race="true"]').first()).toBeVisible();
      },
      5: async (app) => {
        await expect(app.editor).toHaveValue(/sync\.Mutex/);
        await expect(app.runStatus).toHaveText(/exit status 0/);
        await expect(app.console).toContainText('counter = 40000 (expected 40000)');
        await expect(app.console).not.toContainText('DATA RACE');
      },
      6: async (app) => {
        await expect(app.editor).toHaveValue(/atomic\./);
        await expect(app.runStatus).toHaveText(/exit status 0/);
        await expect(app.console).toContainText('counter = 40000 (expected 40000)');
        await expect(app.console).not.toContainText('DATA RACE');
      },
      7: async (app) => {
        await expect(app.editor).toHaveValue(/chan /);
        await expect(app.runStatus).toHaveText(/exit status 0/);
        await expect(app.console).toContainText('counter = 40000 (expected 40000)');
        await expect(app.console).not.toContainText('DATA RACE');
      },
    },
  },
  {
    id: 'memory',
    title: { en: 'Memory: goroutines vs threads', 'pt-BR': 'Memória: goroutines x threads' },
    checks: {
      2: async (app) => {
        await expect(app.console).toContainText('goroutines alive: 10001');
        await expect(app.page.getByTestId('memory-goroutines')).toContainText(/10[.,]00[01]/);
      },
      4: async (app) => {
        await expect(app.runStatus).toHaveText(/exit status 0/);
      },
    },
  },
  {
    id: 'preemption',
    title: { en: 'Preemptive vs cooperative', 'pt-BR': 'Preemptivo x cooperativo' },
    checks: {
      5: async (app, page) => {
        // Cooperative: the spinning goroutine never gives the core back; only the step
        // limit ends the run, and main never prints.
        await expect(app.preempt).toHaveValue('cooperative');
        await expect(app.runStatus).toHaveText(/exit status 124/, { timeout: 90_000 });
        await expect(app.console).toContainText('step limit reached');
        await expect(app.console).not.toContainText('main is back');
        await expect(page.getByTestId('lesson-run-primary-result')).toContainText(/never finishes|nunca termina/);
        // Asynchronous preemption (Go 1.14+): sysmon interrupts it and main finishes.
        await page.getByTestId('lesson-show-compare').click();
        await expect(app.preempt).toHaveValue('async');
        await expect(app.runStatus).toHaveText(/exit status 0/, { timeout: 60_000 });
        await expect(app.console).toContainText('main is back after');
      },
    },
  },
  {
    id: 'scheduler',
    title: { en: 'The Go scheduler', 'pt-BR': 'O escalonador do Go' },
    checks: {
      8: async (app, page, lang) => {
        // What is runnext for: Go's order, then the "what if" run without it, which the
        // list of runs names as such.
        await expect(app.lessonPanel).toContainText(lang === 'en' ? 'what if: no runnext' : 'e se: sem runnext');
        await expect(app.runStatus).toHaveText(/exit status 0/);
        await expect(app.console).toHaveText(/^goroutine 4\s+goroutine 0\s+goroutine 1\s+goroutine 2\s+goroutine 3\s/);
        await expect(page.getByTestId('what-if')).toHaveCount(0);
        await page.getByTestId('lesson-show-compare').click();
        await expect(app.runStatus).toHaveText(/exit status 0/, { timeout: 60_000 });
        await expect(app.console).toHaveText(/^goroutine 0\s+goroutine 1\s+goroutine 2\s+goroutine 3\s+goroutine 4\s/);
        await expect(page.getByTestId('what-if')).toBeVisible();
        await page.getByTestId('lesson-show-primary').click();
        await expect(page.getByTestId('what-if')).toHaveCount(0);
      },
    },
  },
  {
    id: 'channels',
    title: { en: 'Channels and WaitGroups', 'pt-BR': 'Canais e WaitGroups' },
    checks: {
      6: async (app) => {
        await expect(app.runStatus).toHaveText(/exit status 2/);
        await expect(app.console).toContainText('fatal error: all goroutines are asleep - deadlock!');
        await expect(app.console).toContainText('[chan receive]');
      },
    },
  },
];

for (const [locale, L] of Object.entries(LANGS)) {
  test.describe(`lessons in ${locale}`, () => {
    test.use({ locale, viewport: { width: 1440, height: 900 } });

    for (const lesson of LESSONS) {
      test(`${lesson.id}: every step loads, runs and says what it shows (${locale})`, async ({ page }) => {
        test.setTimeout(240_000);
        const app = new Playground(page);
        await app.open();
        await expect(page.locator('html')).toHaveAttribute('lang', L.tag);
        // Chosen from the menu.
        await app.lessonMenu.selectOption(lesson.id);
        await expect(app.lessonPanel).toBeVisible();
        await expect(page.getByTestId('lesson-title')).toHaveText(lesson.title[locale]);
        await expect(app.lessonNext).toContainText(L.next);
        await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}/1$`));
        const total = Number((await app.lessonStep.textContent()).match(/(\d+)\D+(\d+)/)[2]);
        expect(total).toBeGreaterThanOrEqual(4);
        let last = '';
        for (let n = 1; n <= total; n++) {
          if (n > 1) await app.lessonNext.click();
          await expect(app.lessonStep).toHaveAttribute('data-step', String(n));
          await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}/${n}$`));
          // The step's seek is done: the run is not moving any more (a preemption run
          // that hangs takes its step limit to stop).
          await expect(app.runStatus).toHaveText(L.settled, { timeout: 90_000 });
          await expect(app.status).toHaveText(/^(No errors\.|Nenhum erro\.)$/);
          const text = await app.lessonText.textContent();
          expect(text).not.toBe(last);
          expect(text).toMatch(L.words);
          expect(text).not.toMatch(L.not);
          last = text;
          if (lesson.checks[n]) await lesson.checks[n](app, page, locale);
        }
        await expect(app.lessonNext).toBeDisabled();
        // Back one step, then close: the lesson leaves the address bar.
        await app.lessonPrev.click();
        await expect(app.lessonStep).toHaveAttribute('data-step', String(total - 1));
        await page.getByTestId('lesson-close').click();
        await expect(app.lessonPanel).toHaveCount(0);
        await expect(app.lessonMenu).toHaveValue('');
        expect(new URL(page.url()).hash).toBe('');
      });
    }
  });
}

test('a lesson link opens at its step, and a bad one opens nothing', async ({ page }) => {
  const app = new Playground(page);
  await app.openLesson('race-condition', 5);
  await expect(app.lessonMenu).toHaveValue('race-condition');
  await expect(app.editor).toHaveValue(/sync\.Mutex/);
  await expect(app.procs).toHaveValue('4');
  await expect(app.raceToggle).toBeChecked();
  await expect(app.runStatus).toHaveText(/exit status 0/, { timeout: 60_000 });
  // Step 3 of the racy program: the playhead stops on the first race report.
  await page.goto('/#lesson=race-condition/3');
  await expect(app.lessonStep).toHaveAttribute('data-step', '3');
  await expect(app.editor).toHaveValue(/counter\+\+/);
  await expect(app.runStatus).toHaveText(/paused/, { timeout: 60_000 });
  await expect(app.eventLog.locator('li').first()).toContainText('DATA RACE');
  // Out of range: clamped to the last step. Unknown lesson, or script: nothing opens.
  await page.goto('/#lesson=memory/99');
  await expect(app.lessonStep).toHaveAttribute('data-step', '6');
  for (const bad of ['lesson=nope', 'lesson=%3Cscript%3Ealert(1)%3C/script%3E']) {
    await page.goto('/');
    await app.editor.waitFor();
    await page.goto(`/#${bad}`);
    await page.reload();
    await app.editor.waitFor();
    await expect(app.lessonPanel).toHaveCount(0);
    await expect(app.editor).toHaveValue(program('web/lessons/waitgroup.go'));
  }
});

for (const locale of ['en', 'pt-BR']) {
  test.describe(`lesson panel screenshot (${locale})`, () => {
    test.use({ locale, viewport: { width: 1440, height: 900 } });
    test(`the lesson panel speaks ${locale}`, async ({ page, artifact }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const app = new Playground(page);
      await app.openLesson('concurrency-parallelism', 3);
      await expect(app.runStatus).toHaveText(LANGS[locale].settled, { timeout: 60_000 });
      await expect(app.lessonText).toContainText(locale === 'en' ? 'take turns' : 'se revezam');
      await expect(app.lessonNext).toContainText(LANGS[locale].next);
      await expect(page.getByTestId('lesson-runs')).toContainText(/GOMAXPROCS=1/);
      await artifact(`lesson-${locale}`);
      await app.lessonPanel.screenshot({ path: `artifacts/lesson-panel-${locale}.png` });
    });
  });
}

/** Every visible text on the page outside the program's own text (editor, console). */
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = new Set();
    const skip = (el) => el.closest('.editor, .console, script, style, [aria-hidden="true"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent.replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      if (!t || !el || skip(el)) continue;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || s.display === 'none') continue;
      out.add(t);
    }
    // Labels people see or hear on controls.
    for (const el of document.querySelectorAll('[aria-label], [title], option')) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'title']) if (el.getAttribute(a)) out.add(el.getAttribute(a).trim());
      if (el.tagName === 'OPTION') out.add(el.textContent.trim());
    }
    return [...out];
  });
}

/**
 * Texts that read the same in both languages: names from Go and the runtime (G1, P0, M2,
 * GOMAXPROCS, goroutines, runnext, WaitGroup, deadlock), numbers, durations, sizes,
 * identifiers from the program, symbols, and the language names themselves.
 */
const SAME_IN_BOTH = [
  /^[\d\s.,:·×/%+\-–()µnmsKMGiB≈x]*$/, // numbers, durations, sizes, ratios
  /^(G|P|M)\d+$/, /^[GPM]\d+ ·/, /^#?\d+$/,
  /^[\p{S}\p{P}\s]+$/u, // glyphs
  /GOMAXPROCS/, /^main(\.go)?$/, /^(counter|wg|mu|ch|task|sum|results|jobs|done|in|out|release)\b/,
  /^(English|Português( \(Brasil\))?)$/, /^G$/, /^Go Scheduler Playground$/,
  // Words the Brazilian course uses as they are.
  /^Threads \(M\)$/, /^Syscalls · netpoller · timers$/, /^[\d.,]+ goroutines$/,
  /^(runnext|goroutines?|netpoller|timers?|sysmon|Pipeline|Deadlock|WaitGroup|Mutex|RWMutex|DATA RACE)\b/i,
  /^\d+\. /, // lesson menu numbers are checked by title below
  /^(wg|mu|ch|sync)[#.]/, /^[a-z_]+#\d+$/, /^(chan|sync\.)/, /^\d+\/\d+$/,
];

for (const startIn of ['en', 'pt-BR']) {
  test(`the language switch changes every visible string (from ${startIn})`, async ({ page, artifact }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    const app = new Playground(page);
    await app.openLesson('race-condition', 3);
    await expect(app.runStatus).toHaveText(/paused|pausado/, { timeout: 60_000 });
    if ((await page.locator('html').getAttribute('lang')) !== startIn) await app.lang.selectOption(startIn);
    await expect(page.locator('html')).toHaveAttribute('lang', startIn);
    const before = await visibleTexts(page);
    const other = startIn === 'en' ? 'pt-BR' : 'en';
    await app.lang.selectOption(other);
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await expect(app.lessonNext).toContainText(LANGS[other].next);
    const after = new Set(await visibleTexts(page));
    const same = before.filter((t) => after.has(t) && !SAME_IN_BOTH.some((re) => re.test(t)));
    expect(same, 'strings that did not change language').toEqual([]);
    // The lesson itself switched: title, text, menu.
    await expect(page.getByTestId('lesson-title')).toHaveText(LESSONS[1].title[other]);
    expect(await app.lessonText.textContent()).toMatch(LANGS[other].words);
    await expect(app.lessonMenu.locator('option[value="race-condition"]')).toContainText(LESSONS[1].title[other]);
    await artifact(`lang-switch-to-${other}`);
  });
}

test('the concurrency lesson opens its two runs side by side', async ({ page, artifact }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const app = new Playground(page);
  await app.openLesson('concurrency-parallelism', 5);
  await page.getByTestId('lesson-compare').click();
  await app.compare('view').waitFor();
  await app.compareDone(180_000);
  const one = await app.compareNs('time-left');
  const four = await app.compareNs('time-right');
  expect(one / four, `${one} ns vs ${four} ns`).toBeGreaterThan(3);
  await artifact('lesson-side-by-side');
  // Escape closes the view; the lesson is still open where it was.
  await page.keyboard.press('Escape');
  await expect(app.lessonStep).toHaveAttribute('data-step', '5');
});
