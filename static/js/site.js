/* Reader tools: 关怀模式, 大/中/小 text size and read-aloud.
   The first two are GET forms to /display/ that set cookies (home/display.py), so they work without
   JavaScript; here they switch in place and write the same cookies. */
(function () {
  "use strict";
  var root = document.documentElement;
  var ONE_YEAR = 31536000;

  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function setCookie(name, value) {
    document.cookie = name + "=" + value + "; path=/; max-age=" + ONE_YEAR + "; samesite=lax" +
      (location.protocol === "https:" ? "; secure" : "");
  }

  /* 关怀模式 */
  function showCareMode(on) {
    root.classList.toggle("care-mode", on);
    each("[data-care-toggle]", function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.value = on ? "0" : "1";
    });
  }
  each("[data-care-toggle]", function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var on = !root.classList.contains("care-mode");
      setCookie("care_mode", on ? "1" : "0");
      showCareMode(on);
    });
  });
  showCareMode(root.classList.contains("care-mode"));

  /* 大/中/小 (the <html> element carries data-text-size too, so skip it) */
  var SIZES = ["small", "medium", "large"];
  function showTextSize(size) {
    root.setAttribute("data-text-size", size);
    each("[data-text-size]:not(html)", function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-text-size") === size ? "true" : "false");
    });
  }
  each("[data-text-size]:not(html)", function (button) {
    button.addEventListener("click", function (event) {
      var size = button.getAttribute("data-text-size");
      if (SIZES.indexOf(size) < 0) return;
      event.preventDefault();
      setCookie("text_size", size);
      showTextSize(size);
    });
  });
  showTextSize(root.getAttribute("data-text-size") || "medium");

  /* 朗读: Chinese voices stop on very long utterances, so speak sentence-sized pieces in a queue. */
  function pieces(text) {
    var sentences = text.replace(/\s+/g, " ").match(/[^。！？；!?;]+[。！？；!?;]*/g) || [];
    var out = [], current = "";
    sentences.forEach(function (sentence) {
      if (current && (current + sentence).length > 120) { out.push(current); current = ""; }
      current += sentence;
    });
    if (current.trim()) out.push(current);
    return out;
  }
  var synth = window.speechSynthesis;
  each("[data-read-aloud-button]", function (button) {
    var target = document.querySelector(button.getAttribute("data-read-aloud-target") || "[data-read-aloud]");
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function" || !target) return;
    /* Only the label changes: the button also holds its SVG icon. */
    var label = button.querySelector("[data-read-aloud-label]") || button;
    var idleLabel = label.textContent;
    var reading = false;
    function finish() { reading = false; label.textContent = idleLabel; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (reading) { synth.cancel(); finish(); return; }
      var voice = (synth.getVoices() || []).filter(function (v) { return /^zh/i.test(v.lang); })[0];
      var queue = pieces(target.innerText || target.textContent || "");
      if (!queue.length) return;
      synth.cancel();
      queue.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = "zh-CN";
        utterance.rate = 0.9;
        if (voice) utterance.voice = voice;
        if (index === queue.length - 1) { utterance.onend = finish; utterance.onerror = finish; }
        synth.speak(utterance);
      });
      reading = true;
      label.textContent = "停止朗读";
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  });
})();
