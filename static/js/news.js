/* Article pages: report one view (the page itself is cached and never writes), and the print button. */
(function () {
  "use strict";
  var article = document.querySelector("[data-view-endpoint]");
  if (article && window.fetch) {
    fetch(article.getAttribute("data-view-endpoint"), { method: "POST", keepalive: true, credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || typeof data.views !== "number") return;
        document.querySelectorAll("[data-view-count]").forEach(function (node) {
          node.textContent = String(data.views);
        });
      })
      .catch(function () { /* counting is best effort */ });
  }
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
