// The catalogue's facets (catalogue/index.html). On a narrow screen they fold away under their heading, so
// the results come first; with JavaScript a ticked box applies at once, and the page says so beforehand
// (WCAG 3.2.2). After the reload the box that was ticked has the focus again, with the facets open. Without
// JavaScript the facets stay open and the "Vis cases" button applies them.
(function () {
  "use strict";
  var KEY = "digikomp.catalogue.facet";

  function start() {
    var panel = document.querySelector("details.facets");
    if (!panel) return;
    var form = panel.closest("form");
    var boxes = panel.querySelectorAll("input[type=checkbox]");
    var last = null;
    try { last = window.sessionStorage.getItem(KEY); window.sessionStorage.removeItem(KEY); } catch (e) { /* private mode */ }

    if (window.matchMedia("(max-width: 48rem)").matches && !last) panel.open = false;
    boxes.forEach(function (box) {
      if (last === box.name + "=" + box.value) box.focus();
      box.addEventListener("change", function () {
        try { window.sessionStorage.setItem(KEY, box.name + "=" + box.value); } catch (e) { /* private mode */ }
        form.requestSubmit();
      });
    });
    panel.querySelectorAll(".facets-apply").forEach(function (button) { button.hidden = true; });
    panel.querySelectorAll(".facets-live").forEach(function (note) { note.hidden = false; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
