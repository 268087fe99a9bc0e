/* The campaign form, enhanced: "Add a question" reveals the next question block (without JavaScript the same
   button submits the form, which comes back with one block more), and the unit picker gets a search box that
   filters the tree as one types, keeping the units above a match so its place stays clear. */
(function () {
  "use strict";

  function questions(form) {
    var button = form.querySelector("[data-add-question]");
    var shown = form.querySelector("[data-questions-shown]");
    if (!button) return;
    button.addEventListener("click", function (event) {
      var next = form.querySelector("[data-question-row][hidden]");
      if (!next) return;
      event.preventDefault();
      next.hidden = false;
      if (shown) shown.value = String(form.querySelectorAll("[data-question-row]:not([hidden])").length);
      if (!form.querySelector("[data-question-row][hidden]")) button.hidden = true;
      var first = next.querySelector("select, input, textarea");
      if (first) first.focus();
    });
  }

  function unitSearch(form) {
    var box = form.querySelector("[data-unit-search]");
    var picker = form.querySelector("#unit-picker");
    if (!box || !picker) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var items = Array.prototype.slice.call(picker.querySelectorAll("li[data-unit-path]"));
    box.hidden = false;

    function filter() {
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var found = 0;
      // Deepest first: a unit stays visible when it matches or when a unit below it does.
      for (var i = items.length - 1; i >= 0; i--) {
        var item = items[i];
        var path = item.getAttribute("data-unit-path");
        var label = item.querySelector(":scope > label").textContent.toLowerCase();
        var matches = words.every(function (word) { return path.indexOf(word) !== -1; }) &&
          (words.length === 0 || words.some(function (word) { return label.indexOf(word) !== -1; }));
        var below = item.querySelector(":scope > ul > li:not([hidden])") !== null;
        item.hidden = !(matches || below);
        if (matches && words.length) found++;
      }
      if (!words.length) { status.textContent = ""; return; }
      var text = found === 0 ? picker.getAttribute("data-found-none")
        : found === 1 ? picker.getAttribute("data-found-one")
        : picker.getAttribute("data-found-many").replace("NUMBER", String(found));
      status.textContent = text;
    }

    input.addEventListener("input", filter);
    // Enter in the search box must not submit the form.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  var form = document.querySelector("form.campaign-form");
  if (form) {
    questions(form);
    unitSearch(form);
  }
})();
