// Long tasks (the Long Tasks API) and the machine's load, for the specs that hold the page
// to "no main-thread task over 50 ms": watch from before the page's first script, take what
// was recorded, and assert a time bound only when the machine is not overloaded (a 2-core
// runner busy with other work stretches every task; the numbers are then reported).
//
//   import { watchLongTasks, takeLongTasks, overloaded, loadAverage } from '../harness/longtasks.mjs';

import os from 'node:os';

/** Records every long task's duration (ms) in `window.__longTasks`, from the page's start. */
export async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    // The page records its per-frame timings here when the array exists.
    window.__goschedTiming = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks recorded since the last call, and forgets them. */
export function takeLongTasks(page) {
  return page.evaluate(() => window.__longTasks.splice(0));
}

/** The one-minute load average, to two decimals. */
export const loadAverage = () => +os.loadavg()[0].toFixed(2);

/** Whether the machine has more runnable work than cores (time bounds are then reported, not asserted). */
export const overloaded = () => os.loadavg()[0] >= os.cpus().length;
