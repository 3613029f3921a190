// Page object for a host page that embeds the playground: the embedded page (a Playground
// over the iframe), the events the host received, and messages the host posts.
//
// Host pages keep every message from the embed in `window.goschedEvents` (the example
// page does; `hostPage` writes one that does).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { expect } from '@playwright/test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Playground } from './playground.mjs';
import { serve } from '../harness/serve.mjs';

/** A scenario link fragment (`v1.…`, no `#`) for `program` and settings (`{procs: 2, speed: 8}`). */
export function fragment(program, settings = {}) {
  const head = Object.entries(settings).map(([k, v]) => `${k}=${v}\n`).join('');
  const packed = deflateRawSync(Buffer.from(`${head}\n${program}`, 'utf8'));
  return `v1.${packed.toString('base64url')}`;
}

/** The text form of a fragment (settings lines, a blank line, the program). */
export function decodeFragment(f) {
  const data = f.replace(/^#?v1\./, '');
  return inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8');
}

/**
 * A host page's HTML: a heading, `body` (the snippet or an iframe) and an inline script
 * that records every gosched message (only for pages a test writes; the example page
 * keeps its code in a file).
 */
export function hostPage(body) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script>window.goschedEvents = []; addEventListener('message', (e) => {
  if (e.data && e.data.source === 'gosched') window.goschedEvents.push(e.data); });</script>
</head><body style="margin:0;font:16px sans-serif;background:#f6f5f0"><h1 style="margin:1rem">A course page</h1>
${body}</body></html>`;
}

/**
 * Opens `html` as a page of another site, as a course page that embeds the playground
 * would be: served by a second server on another port (another origin). It must be a real
 * server on loopback: Chromium refuses to let a page of unknown address (one a test
 * answers with `page.route`) frame a loopback one. Returns the server; close it at the end.
 */
export async function openCoursePage(page, html) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gosched-course-'));
  await writeFile(path.join(dir, 'lesson.html'), html);
  const server = await serve({ root: dir, port: 0 });
  await page.goto(`${server.url}lesson.html`);
  return server;
}

export class EmbedHost {
  constructor(page, iframe = 'iframe') {
    this.page = page;
    this.selector = iframe;
    this.iframe = page.locator(iframe);
    this.frame = page.frameLocator(iframe);
    this.app = new Playground(this.frame);
  }

  /** Every message received so far. */
  events() {
    return this.page.evaluate(() => window.goschedEvents.slice());
  }

  /** Events of one type. */
  async ofType(type) {
    return (await this.events()).filter((e) => e.type === type);
  }

  /** Waits until an event of `type` (matching `pred`) has arrived, and returns it. */
  async waitFor(type, pred = () => true, timeout = 20_000) {
    let found;
    await expect
      .poll(async () => {
        found = (await this.ofType(type)).find(pred);
        return found !== undefined;
      }, { timeout, message: `waiting for a ${type} event` })
      .toBe(true);
    return found;
  }

  /** Forgets the events received so far. */
  clear() {
    return this.page.evaluate(() => { window.goschedEvents.length = 0; });
  }

  /** Posts `msg` (any value) into the embed, as a host would. */
  post(msg) {
    return this.page.evaluate(([sel, m]) => {
      document.querySelector(sel).contentWindow.postMessage(m, '*');
    }, [this.selector, msg]);
  }

  /** Posts a command with `source: "gosched"`. */
  command(type, fields = {}) {
    return this.post({ source: 'gosched', type, ...fields });
  }

  /** The embedded page's Frame (to evaluate in it). */
  contentFrame() {
    return this.page.frames().find((f) => f !== this.page.mainFrame() && f.url().includes('embed'));
  }
}
