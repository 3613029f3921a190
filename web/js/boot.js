// Starts the playground: imports the wasm-bindgen module and instantiates its wasm.
//
// Trunk would inline this as a <script type="module"> in index.html; the page's
// Content-Security-Policy allows no inline script, so Trunk.toml's `pattern_script`
// writes a <script src="/boot.js"> carrying the hashed file names in data attributes
// and this file (copied as is) reads them.
const me = document.querySelector('script[data-gosched-js]');
const { default: init } = await import(me.dataset.goschedJs);
const wasm = await init({ module_or_path: me.dataset.goschedWasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
