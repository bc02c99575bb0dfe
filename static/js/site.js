/* Reader display choices: care mode (关怀模式) and text size, kept in localStorage. */
(function () {
  "use strict";
  var root = document.documentElement;
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }

  document.querySelectorAll("[data-care-toggle]").forEach(function (button) {
    button.setAttribute("aria-pressed", root.classList.contains("care-mode") ? "true" : "false");
    button.addEventListener("click", function () {
      var on = root.classList.toggle("care-mode");
      store("care-mode", on ? "1" : "0");
      document.querySelectorAll("[data-care-toggle]").forEach(function (other) {
        other.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  });

  document.querySelectorAll("[data-text-size]").forEach(function (button) {
    if (button === root) return;
    var size = button.getAttribute("data-text-size");
    button.setAttribute("aria-pressed", (root.getAttribute("data-text-size") || "medium") === size ? "true" : "false");
    button.addEventListener("click", function () {
      root.setAttribute("data-text-size", size);
      store("text-size", size);
      document.querySelectorAll("button[data-text-size]").forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
    });
  });
})();
