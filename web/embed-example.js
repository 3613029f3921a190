/*
 * The example host page's own code (embed-example.html): buttons that drive the embed
 * through the API of embed-host.js, and a list of the events it sends.
 */
(function () {
  "use strict";
  // Scenarios as link fragments (what the Share button or the Embed dialog make).
  var SCENARIOS = {
      "racy": "v1.PY9BT4UwEITP3V-x4QTB8PQlXlQOJiZePZh4bkopG2WXlCJRw393izwvnd2083VmiuLm9gxwOuHrKhgkypKI_YzELvrRc0KL82Cj79DJwslHXCkNyILzF7shCtO3TSTcwGTduw0eR0sMQOMkMWEJpujHVKhkQwEVwKeN_zTiBNAv7HZbWeEPmHy_hv2D5s1SetZYE5heIga8a_H6XvUBzyp1nQ1mDc1j15U3lc5BMPP-UMZ0vs-hQ_Mk7Mv8YAfRASIF3WY9SMYcyeo6b5seW3bpoIycJm_aqHmJmv2Dy-JSpS2uLrUq2OAX",
      "deadlock": "v1.TY6xDoMwDERn_BVWpiC1sFftP_QXAhgaEewqJKCq4t9raIcuHu7u-Q7qGifnGVfn04y9RHS4uJAJWRrpXrj6EJAWijgTdxU8XTu6gQ4KwE9PiQlNPyUD0GduD8OW-IYi0pyDfr3cVBzJtg_H6DmVUAyCe_ibK5Su7lGdwNasEkdt64TphE1O-6hBEiY5FhilN6vnH7qef10lbPAB",
      "panic": "v1.VYsxC8IwFAbnvl_xkcUWSouKi-Dg5OpeOsSa1IfmpSQpFkr_u9XN7bjjqK5xFrDczQQ_JniLoKU3GLRwF_Hm9MDFbyKciVH3pqJBd88V4DQLEbvBhwRlXVJEdpTuF_ICM2VTxPGEpmVJ87bErsR-oYy_8kDZulTXsLaX5OpmrA9GFf96ig23BS30AQ"
  };

  var iframe = document.getElementById("playground");
  var embed = window.gosched.connect(iframe);
  var list = document.getElementById("events");
  var seen = [];
  // For tests: every event, in order.
  window.goschedEvents = seen;

  embed.on("*", function (msg) {
    seen.push(msg);
    // Heights and steps come often: keep the list readable.
    if (msg.type === "height" || msg.type === "step") return;
    var li = document.createElement("li");
    li.textContent = JSON.stringify(msg);
    list.appendChild(li);
  });

  var commands = {
    play: function () { embed.play(); },
    pause: function () { embed.pause(); },
    step: function () { embed.step(); },
    seek: function () { embed.seek(0); },
    procs1: function () { embed.set(1); },
    procs4: function () { embed.set(4); },
  };
  document.querySelectorAll("button[data-load]").forEach(function (b) {
    b.addEventListener("click", function () { embed.load("#" + SCENARIOS[b.dataset.load]); });
  });
  document.querySelectorAll("button[data-cmd]").forEach(function (b) {
    b.addEventListener("click", function () { commands[b.dataset.cmd](); });
  });
})();
