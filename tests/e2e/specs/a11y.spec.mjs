// Accessibility: axe-core finds no serious or critical violation on the page in either
// theme and language, while a program runs, with the popovers and a lesson open; every
// control is reached with Tab, shows a focus ring and works from the keyboard; motion
// follows prefers-reduced-motion.
import { test, expect } from '../harness/fixtures.mjs';
import { axe, BLOCKING, describe } from '../harness/axe.mjs';
import { Playground, program } from '../pages/playground.mjs';
import { writeFile, mkdir } from 'node:fs/promises';

/** Every axe result, for the report (tests/e2e/artifacts/axe.json). */
const results = [];
test.afterAll(async () => {
  await mkdir('artifacts', { recursive: true });
  await writeFile('artifacts/axe.json', JSON.stringify(results, null, 2));
});

/** Runs axe in one state of the page; returns its blocking violations, described. */
async function check(page, name) {
  const violations = await axe(page);
  results.push({ name, violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) });
  const blocking = violations.filter((v) => BLOCKING.includes(v.impact));
  return blocking.length ? [`${name}:\n${describe(blocking)}`] : [];
}

for (const locale of ['en', 'pt-BR']) {
  for (const scheme of ['light', 'dark']) {
    test.describe(`axe: ${scheme} theme, ${locale}`, () => {
      test.use({ locale, colorScheme: scheme, viewport: { width: 1440, height: 900 } });

      test(`no serious or critical violations (${scheme}, ${locale})`, async ({ page }) => {
        test.setTimeout(120_000);
        const problems = [];
        const app = new Playground(page);
        await app.open();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        problems.push(...await check(page, `${scheme} ${locale}: page at rest`));

        // While a racy program runs at a readable speed.
        await app.load(program('tests/programs/course/counter_racy.go'));
        await app.setSpeed('5');
        await app.run();
        await expect(app.tokens.first()).toBeVisible();
        problems.push(...await check(page, `${scheme} ${locale}: running`));
        await expect(page.locator('[data-race="true"]').first()).toBeVisible({ timeout: 30_000 });
        await app.pause();
        problems.push(...await check(page, `${scheme} ${locale}: race found, paused`));

        // The popovers.
        await page.getByTestId('help-button').click();
        await expect(page.getByTestId('help')).toBeVisible();
        problems.push(...await check(page, `${scheme} ${locale}: help open`));
        await page.keyboard.press('Escape');
        await page.getByTestId('assumptions-button').click();
        await expect(page.getByTestId('assumptions')).toBeVisible();
        problems.push(...await check(page, `${scheme} ${locale}: assumptions open`));
        await page.keyboard.press('Escape');

        // A lesson with its panel, two-run pair and focus outlines.
        await app.lessonMenu.selectOption('preemption');
        await expect(app.lessonPanel).toBeVisible();
        await app.lessonNext.click();
        await expect(app.runStatus).toHaveText(/paused|pausado|finished|terminou/, { timeout: 60_000 });
        problems.push(...await check(page, `${scheme} ${locale}: lesson open`));
        expect(problems.join('\n'), 'serious or critical axe violations').toBe('');
      });
    });
  }
}

/**
 * What the focused element is, for the walk below, and whether focusing it visibly
 * changed it or its container (outline or box-shadow, as `:focus-visible` and
 * `:focus-within` rules draw rings): styles are compared focused and blurred.
 */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const chain = [el, el.parentElement, el.parentElement?.parentElement].filter(Boolean);
    const look = () => chain.map((e) => { const s = getComputedStyle(e); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}|${s.boxShadow}`; }).join(';');
    const on = look();
    el.blur();
    const off = look();
    el.focus();
    return {
      id: el.dataset.testid || el.getAttribute('aria-label') || `${el.tagName.toLowerCase()}:${(el.textContent || '').trim().slice(0, 20)}`,
      ring: on !== off,
    };
  });
}

test('keyboard only: Tab reaches every control with a visible focus ring, and they work', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new Playground(page);
  await app.openLesson('race-condition', 1);
  // Walk forward through the whole page once.
  const seen = new Map();
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    if (seen.has(f.id) && i > 5 && f.id === [...seen.keys()][0]) break;
    if (!seen.has(f.id)) seen.set(f.id, f.ring);
  }
  const want = [
    'assumptions-button', 'help-button', 'theme-toggle',
    // (Step back and Pause are disabled at step 0, so Tab rightly skips them.)
    'run', 'step', 'reset', 'seek',
    'speed', 'procs', 'preempt-mode', 'seed', 'new-seed', 'race-toggle',
    'share', 'lang', 'lessons', 'lesson-close', 'lesson-next', 'editor', 'console',
  ];
  for (const id of want) {
    expect(seen.has(id), `Tab never reaches ${id}; reached: ${[...seen.keys()].join(', ')}`).toBe(true);
  }
  const noRing = [...seen].filter(([, ring]) => !ring).map(([id]) => id);
  expect(noRing, 'focused without a visible ring').toEqual([]);

  // Operate: focus by Tab order and press keys, never the mouse.
  const focusOn = async (id) => {
    for (let i = 0; i < 150; i++) {
      const f = await focused(page);
      if (f && f.id === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not Tab to ${id}`);
  };
  // Lessons: next step with Enter, back with Space.
  await focusOn('lesson-next');
  await page.keyboard.press('Enter');
  await expect(app.lessonStep).toHaveAttribute('data-step', '2');
  await expect(app.runStatus).toHaveText(/finished/, { timeout: 60_000 });
  await focusOn('lesson-prev');
  await page.keyboard.press(' ');
  await expect(app.lessonStep).toHaveAttribute('data-step', '1');
  // GOMAXPROCS with the arrow keys of a focused select.
  await focusOn('procs');
  await page.keyboard.press('ArrowUp');
  await expect(app.procs).toHaveValue('3');
  // Step, then run and pause with the keyboard shortcuts and the buttons.
  await focusOn('step');
  await page.keyboard.press('Enter');
  await expect.poll(() => app.step()).toBeGreaterThan(0);
  await focusOn('step-back');
  await page.keyboard.press('Enter');
  await expect.poll(() => app.step()).toBe(0);
  await focusOn('run');
  await page.keyboard.press('Enter');
  await expect(app.runStatus).toHaveText(/running|finished/);
  await page.keyboard.press('Escape');
  await focusOn('pause');
  await page.keyboard.press(' ');
  await expect(app.runStatus).toHaveText(/paused|finished/);
  // The help popover opens with ? and closes with Escape, back to the page.
  await page.locator('body').press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toHaveCount(0);
  // The lessons menu chooses with the keyboard.
  await focusOn('lessons');
  await page.keyboard.press('ArrowDown');
  await expect(app.lessonMenu).toHaveValue('memory');
});

test('reduced motion: tokens jump instead of gliding, and CSS transitions are off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new Playground(page);
  await app.open();
  await app.setSpeed('2');
  await app.run();
  await expect(app.tokens.first()).toBeVisible();
  await page.waitForTimeout(1500);
  // No running animation anywhere on the page.
  const animating = await page.evaluate(() =>
    document.getAnimations().filter((a) => a.playState === 'running' && (a.effect?.getTiming().duration ?? 0) > 1).length,
  );
  expect(animating).toBe(0);
  const transition = await page.evaluate(() => getComputedStyle(document.querySelector('.btn')).transitionDuration);
  expect(transition.split(',').every((d) => parseFloat(d) <= 0.01)).toBe(true);
});

test('the narration speaks at a readable rate', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const narration = page.getByTestId('narration');
  await expect(narration).toHaveAttribute('aria-live', 'polite');
  // Playing at 500 events per second, the live region changes at most every 2 s.
  await app.load(program('tests/programs/course/counter_racy.go'));
  const changes = [];
  await page.exposeFunction('__narrated', (t) => changes.push(t));
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="narration"]');
    let last = el.textContent;
    new MutationObserver(() => {
      if (el.textContent !== last) {
        last = el.textContent;
        window.__narrated(last);
      }
    }).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await app.setSpeed('6');
  await app.run();
  await page.waitForTimeout(6000);
  expect(changes.length, changes.join(' | ')).toBeGreaterThan(0);
  expect(changes.length, changes.join(' | ')).toBeLessThanOrEqual(4);
  // Stepping by hand announces every step.
  await app.pause();
  const before = changes.length;
  await app.stepOnce();
  await app.stepOnce();
  await expect.poll(() => changes.length).toBeGreaterThanOrEqual(before + 1);
});
