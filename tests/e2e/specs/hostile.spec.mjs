// Hostile input: HTML and script payloads in a program's text (comments, strings), in its
// output, its panic message, its compile errors and the values shown in shared memory and
// race reports. The page must show each payload as text, run none of it and add no
// element: `window.__pwned` stays unset, no element the payloads would create exists, the
// only script is the page's loader, and the payload text appears literally where it
// belongs. (The page's Content-Security-Policy would stop an injected handler from running
// anyway; the element checks catch an injection that the policy made harmless.)
import { deflateRawSync } from 'node:zlib';
import { test, expect } from '../harness/fixtures.mjs';
import { Playground } from '../pages/playground.mjs';

/** Payloads: each would run script or create an element marked `pwned` if parsed as HTML. */
const IMG = '<img src=x onerror=window.__pwned=1 class=pwned>';
const SCRIPT = '<script>window.__pwned=2</script>';
const TEXTAREA = '</textarea><b id=pwned>out of the editor</b>';
const SVG = '<svg onload=window.__pwned=3 class=pwned></svg>';
const IFRAME = '"><iframe srcdoc="<script>parent.__pwned=4</script>" class=pwned></iframe>';
const ENTITY = '&lt;b id=pwned&gt;entity&lt;/b&gt; &amp;';

/** Checks that nothing ran and nothing was injected. */
async function expectNothingInjected(page) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    marked: [...document.querySelectorAll('.pwned, #pwned, img[src="x"], iframe, object, embed, svg[onload]')].map(
      (e) => e.outerHTML.slice(0, 80),
    ),
    scripts: [...document.scripts].map((s) => s.src || `inline: ${s.textContent.slice(0, 40)}`),
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
    ),
  }));
  expect(found.pwned, 'a payload ran').toBeUndefined();
  expect(found.marked, 'elements injected by payloads').toEqual([]);
  expect(found.scripts).toEqual([expect.stringMatching(/\/boot\.js$/)]);
  expect(found.handlers, 'inline event handler attributes').toEqual([]);
}

const printing = `package main

import "fmt"

// ${SCRIPT} ${TEXTAREA}
// ${ENTITY}
func main() {
	s := "${IMG}"
	fmt.Println(s)
	fmt.Println("${SCRIPT}")
	fmt.Println("${TEXTAREA}")
	fmt.Println(\`${SVG}\`)
	fmt.Println(\`${IFRAME}\`)
	fmt.Println("${ENTITY}")
}
`;

test('payloads in comments, strings and output stay text', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(printing);
  // The editor holds the program exactly, and its highlighted copy shows it as text.
  expect(await app.source()).toBe(printing);
  await expect(page.locator('.code-line').nth(4)).toHaveText(`// ${SCRIPT} ${TEXTAREA}`);
  await expect(page.locator('.code-line').nth(5)).toHaveText(`// ${ENTITY}`);
  await expect(page.locator('.code-line').nth(7)).toHaveText(`\ts := "${IMG}"`);
  await app.runToEnd();
  const out = await app.console.textContent();
  for (const p of [IMG, SCRIPT, TEXTAREA, SVG, IFRAME, ENTITY]) expect(out).toContain(`${p}\n`);
  await expectNothingInjected(page);
});

test('payloads in a panic message stay text', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(`package main

func main() {
	panic("${IMG}${SCRIPT}")
}
`);
  await app.runToEnd();
  await expect(app.console).toContainText(`panic: ${IMG}${SCRIPT}`);
  await expect(app.console).toContainText('exit status 2');
  await expectNothingInjected(page);
});

test('payloads quoted by compile errors stay text', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.setSource(`package main

import "fmt"

func main() {
	var x int = "${IMG}"
	fmt.Println(x)
	y := 1 + \`${SVG}\`
	_ = y
}
`);
  await expect(app.diagnostics).toHaveCount(2);
  await expect(app.diagnostics.nth(0)).toContainText(`cannot use "${IMG}" (untyped string constant) as int value`);
  await expect(app.diagnostics.nth(1)).toContainText(`1 + \`${SVG}\``);
  await expectNothingInjected(page);
});

test('payloads in racy shared memory and the race report stay text', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const src = `package main

import (
	"fmt"
	"time"
)

// ${TEXTAREA}
var label string

func main() {
	go func() { label = "${IMG}" }()
	label = \`${IFRAME}\`
	time.Sleep(time.Millisecond)
	fmt.Println(label)
}
`;
  await app.load(src);
  await expect(app.raceToggle).toBeChecked();
  await app.runToEnd();
  await expect(app.console).toContainText('WARNING: DATA RACE');
  await expect(app.console).toContainText('Write at label by goroutine');
  await expect(app.raceReport.locator('.race').first()).toContainText('label');
  // The cell shows the value the program left, literally.
  const value = app.cell('label').locator('.cell__value');
  await expect(value).toContainText(/<img src=x onerror|<iframe srcdoc/);
  await expectNothingInjected(page);
});

test('the injection check sees an injected element', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await page.evaluate(() => {
    const b = document.createElement('b');
    b.id = 'pwned';
    document.body.append(b);
  });
  await expect(expectNothingInjected(page)).rejects.toThrow(/elements injected by payloads/);
});

// Link fields (share links, `#v1.` + base64url of the raw-deflated scenario text: settings
// lines, a blank line, the program). A link is written by someone other than the reader,
// so every field carries every payload; the page shows them as text or refuses the link.

/** A `#v1.` link for a scenario's text form, as the page's codec writes it. */
function link(text) {
  return '#v1.' + deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64url');
}

const PAYLOADS = [IMG, SCRIPT, TEXTAREA, SVG, IFRAME, ENTITY];
const FIELDS = ['procs', 'seed', 'preempt', 'race', 'speed', 'step', 'lang', 'cell', 'lesson', 'schedule', 'g', 'compare', PAYLOADS[0]];
const linkProgram = `package main

import "fmt"

// ${TEXTAREA}
func main() {
	fmt.Println(\`${IMG}\`)
}
`;

for (const field of FIELDS) {
  test(`payloads in the link field ${field.startsWith('<') ? 'name' : field} stay text`, async ({ page }) => {
    const app = new Playground(page);
    for (const p of PAYLOADS) {
      const settings = field.startsWith('<') ? `${p}=1` : `${field}=${p}`;
      await app.openAt(`/?case=${PAYLOADS.indexOf(p)}${link(`${settings}\n\n${linkProgram}`)}`);
      // Either the link is refused with a message quoting the payload as text, or it opens
      // (free-text fields) with the program as written.
      const error = await app.linkError.count();
      if (error) {
        const text = await app.linkError.textContent();
        // Quoted as a Rust/JSON string literal (`"` as `\"`), cut after a few dozen characters.
        const quoted = JSON.stringify(p).slice(1, -1).slice(0, 20);
        expect(text, `the link error quotes ${p} literally`).toContain(quoted);
      } else {
        await expect(app.editor).toHaveValue(linkProgram);
      }
      await expectNothingInjected(page);
    }
  });
}

test('payloads in a link\'s program run as text, and Share gives them back intact', async ({ page }) => {
  const app = new Playground(page);
  await app.openAt('/' + link(`procs=2\n\n${printing}`));
  await expect(app.editor).toHaveValue(printing);
  await expect(app.linkError).toHaveCount(0);
  await app.runToEnd();
  for (const p of PAYLOADS) await expect(app.console).toContainText(p);
  await expectNothingInjected(page);
  const url = await app.share();
  await app.openAt(url.slice(url.indexOf('#')).replace(/^/, '/?again'));
  await expect(app.editor).toHaveValue(printing);
  await expectNothingInjected(page);
});
