// Follows a running check (GET /api/checks/{id}) and shows the result page when it is done.
// No inline script anywhere: the page's Content-Security-Policy allows only this file.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) { return; }
  var id = box.getAttribute("data-check");
  var labels = document.getElementById("labels").dataset;
  function show(key, value) {
    var el = document.getElementById("count-" + key);
    if (el && value !== undefined) { el.textContent = String(value); }
  }
  function tick() {
    fetch("/api/checks/" + encodeURIComponent(id), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { setTimeout(tick, 5000); return; }
        if (s.state !== "queued" && s.state !== "running") { window.location.reload(); return; }
        var p = s.progress || {};
        ["pages", "documents", "ocr_pages", "items_listed"].forEach(function (k) { show(k, p[k]); });
        var text = labels[s.state] || s.state;
        if (p.stage && labels[p.stage]) { text += " · " + labels[p.stage]; }
        document.getElementById("state").textContent = text;
        setTimeout(tick, 2000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
