// How the end-to-end tests start a browser: Debian's Chromium, never a downloaded one.
//
// Playwright adds --headless itself. The networking flags keep Chromium quiet on a
// closed network (it otherwise retries Google's hosts at every start); --no-sandbox is
// needed when running as root; --disable-dev-shm-usage avoids a small /dev/shm.

export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launch options for Playwright's `chromium.launch()` or `use.launchOptions`. */
export const launchOptions = { executablePath, args };

/**
 * Launches headless Chromium directly, for scripts outside the test runner
 * (e.g. `node -e "..."` to take a quick screenshot).
 */
export async function launch() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ ...launchOptions, headless: true });
}
