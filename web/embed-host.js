/*
 * Go Scheduler Playground: the host-page script for embeds.
 *
 * Include it once on a page that has gosched iframes (the Embed dialog's snippet does):
 *   <iframe src="https://…/?embed&editor=ro#v1.…" data-gosched sandbox="allow-scripts …"></iframe>
 *   <script src="https://…/embed-host.js" async></script>
 *
 * 1. Auto-resize: every iframe showing an embed (`data-gosched`, or `?embed` in its src)
 *    gets the height its content reports (`{source: "gosched", type: "height", px}`),
 *    unless it has `data-gosched-resize="off"`.
 * 2. Events: each message from an embed is also dispatched on its iframe as a DOM event
 *    `gosched:<type>` whose `detail` is the message:
 *      iframe.addEventListener("gosched:finished", (e) => console.log(e.detail.exitCode));
 * 3. A small API: `gosched.connect(iframe)` returns an object with
 *      load(fragment)   open a scenario (a link fragment, "#v1.…")
 *      play(), pause(), step(), seek(step), set(procs)   drive the run
 *      on(type, fn)     fn(message) for each event of that type ("*": every event)
 *      ready            a Promise resolved when the embed is ready
 *    Commands given before the embed is ready are sent once it is.
 *
 * Messages are checked: only objects with source "gosched" from a gosched iframe on this
 * page are used, and a height must be a positive finite number. The script never
 * evaluates anything it receives. Protocol: README.md, "Embedding".
 */
(function () {
  "use strict";
  if (window.gosched && window.gosched.version) return; // Included twice.

  var SOURCE = "gosched";
  var MAX_HEIGHT = 100000;
  // iframe -> {live, queue, readyResolve, ready}
  var states = new WeakMap();

  function isEmbed(el) {
    if (!el || el.tagName !== "IFRAME") return false;
    if (el.hasAttribute("data-gosched")) return true;
    return /[?&]embed(?:[=&#]|$)/.test(el.getAttribute("src") || "");
  }

  function frameOf(win) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === win) return frames[i];
    }
    return null;
  }

  function stateOf(iframe) {
    var s = states.get(iframe);
    if (!s) {
      s = { live: false, queue: [] };
      s.ready = new Promise(function (resolve) { s.readyResolve = resolve; });
      states.set(iframe, s);
    }
    return s;
  }

  function send(iframe, msg) {
    var s = stateOf(iframe);
    msg.source = SOURCE;
    if (!s.live) { s.queue.push(msg); return; }
    if (iframe.contentWindow) iframe.contentWindow.postMessage(msg, "*");
  }

  function markLive(iframe) {
    var s = stateOf(iframe);
    if (s.live) return;
    s.live = true;
    var q = s.queue;
    s.queue = [];
    for (var i = 0; i < q.length; i++) {
      if (iframe.contentWindow) iframe.contentWindow.postMessage(q[i], "*");
    }
    s.readyResolve();
  }

  // A shallow copy of the plain fields of a message (numbers, strings, booleans, arrays of numbers).
  function clean(d) {
    var out = {};
    for (var k in d) {
      if (!Object.prototype.hasOwnProperty.call(d, k)) continue;
      var v = d[k];
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter(function (x) { return typeof x === "number"; });
    }
    return out;
  }

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || typeof d !== "object" || d.source !== SOURCE || typeof d.type !== "string") return;
    var iframe = frameOf(e.source);
    if (!iframe || !isEmbed(iframe)) return;
    if (d.type === "ready") {
      // A reloaded embed starts over: queue again until it is ready.
      stateOf(iframe).live = false;
    }
    markLive(iframe);
    if (d.type === "height") {
      var px = d.px;
      if (typeof px !== "number" || !isFinite(px) || px <= 0 || px > MAX_HEIGHT) return;
      if (iframe.getAttribute("data-gosched-resize") !== "off") {
        iframe.style.height = Math.ceil(px) + "px";
      }
    }
    var detail = clean(d);
    iframe.dispatchEvent(new CustomEvent("gosched:" + d.type, { detail: detail }));
    iframe.dispatchEvent(new CustomEvent("gosched:*", { detail: detail }));
  });

  function connect(iframe) {
    if (!isEmbed(iframe)) throw new TypeError("gosched.connect: not a gosched iframe");
    var api = {
      iframe: iframe,
      ready: stateOf(iframe).ready,
      load: function (fragment) { send(iframe, { type: "load", scenario: String(fragment) }); return api; },
      play: function () { send(iframe, { type: "play" }); return api; },
      pause: function () { send(iframe, { type: "pause" }); return api; },
      step: function () { send(iframe, { type: "step" }); return api; },
      seek: function (step) { send(iframe, { type: "seek", step: Math.max(0, Math.floor(Number(step))) }); return api; },
      set: function (procs) { send(iframe, { type: "set", procs: Math.floor(Number(procs)) }); return api; },
      on: function (type, fn) {
        iframe.addEventListener("gosched:" + type, function (e) { fn(e.detail); });
        return api;
      },
    };
    return api;
  }

  function embeds() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), isEmbed);
  }

  window.gosched = { version: 1, connect: connect, embeds: embeds };
})();
