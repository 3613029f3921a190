// axe-core in the page under test: `await axe(page)` injects axe.min.js (from the npm
// package pinned in package.json) and returns its violations, summarised.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test. */
export const BLOCKING = ['serious', 'critical'];

/**
 * Runs axe on the whole document (WCAG 2.x A and AA rules plus best practices) and
 * returns `[{ id, impact, help, nodes: [{ target, summary }] }]`.
 */
export async function axe(page) {
  // Evaluated through the debugging protocol, so a page's Content-Security-Policy does
  // not stop it.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 8).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

/** One line per violation, for messages. */
export function describe(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target}: ${n.summary}`).join('\n'))
    .join('\n');
}
