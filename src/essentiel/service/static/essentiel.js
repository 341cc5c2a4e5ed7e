// essentiel web page: highlight the article spans behind a key point, entity, quote, figure
// or date. Plain JavaScript, no dependency; the page works (minus highlighting) without it.
"use strict";

(function () {
  function parseRanges(value) {
    return (value || "").split(" ").filter(Boolean).map(function (r) {
      var ab = r.split("-");
      return [Number(ab[0]), Number(ab[1])];
    });
  }

  function setupDigest(article) {
    var segments = Array.prototype.map.call(article.querySelectorAll(".seg"), function (el) {
      return { el: el, a: Number(el.dataset.a), b: Number(el.dataset.b) };
    });
    var items = document.querySelectorAll(".hl-item");
    var pinned = null;

    function mark(cls, ranges) {
      segments.forEach(function (s) {
        var on = ranges.some(function (r) { return s.a < r[1] && r[0] < s.b; });
        s.el.classList.toggle(cls, on);
      });
    }
    function show(item) {
      mark("hl", item ? parseRanges(item.dataset.ranges) : []);
      mark("hl-strong", item ? parseRanges(item.dataset.strong) : []);
    }
    function pin(item) {
      if (pinned) { pinned.setAttribute("aria-pressed", "false"); pinned.classList.remove("active"); }
      pinned = item === pinned ? null : item;
      if (pinned) { pinned.setAttribute("aria-pressed", "true"); pinned.classList.add("active"); }
      show(pinned);
      // The evidence of a key point is beside it: scroll to the article only when none of
      // the lit text is on screen already.
      var lit = article.querySelectorAll(".hl");
      if (pinned && lit.length && !Array.prototype.some.call(lit, onScreen)) {
        lit[0].scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }
    function onScreen(el) {
      var box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }
    Array.prototype.forEach.call(items, function (item) {
      item.addEventListener("mouseenter", function () { show(item); });
      item.addEventListener("mouseleave", function () { show(pinned); });
      item.addEventListener("focus", function () { show(item); });
      item.addEventListener("blur", function () { show(pinned); });
      item.addEventListener("click", function () { pin(item); });
      item.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pin(item); }
        if (event.key === "Escape" && pinned) { pin(pinned); }
      });
    });
  }

  function setupForm(form) {
    var button = document.getElementById("load-example");
    var text = document.getElementById("text");
    var file = document.getElementById("file");
    var removeFile = document.getElementById("remove-file");
    var published = document.getElementById("published");
    var error = document.getElementById("form-error");
    if (button && text) {
      button.addEventListener("click", function () {
        fetch(button.dataset.example).then(function (r) { return r.text(); }).then(function (t) {
          text.value = t;
          if (published && !published.value) { published.value = button.dataset.published; }
        });
      });
    }
    function fileChosen() { return Boolean(file && file.files && file.files.length); }
    if (file && removeFile) {
      var update = function () { removeFile.hidden = !fileChosen(); };
      file.addEventListener("change", update);
      removeFile.addEventListener("click", function () { file.value = ""; update(); });
      update();
    }
    form.addEventListener("submit", function (event) {
      // The language switch posts the form too: it keeps what was typed, it does not digest.
      if (event.submitter && event.submitter.name === "switch_ui") { return; }
      // The server refuses text and a file together; say so before uploading anything.
      if (text && error && fileChosen() && text.value.trim()) {
        event.preventDefault();
        error.textContent = error.dataset.both;
        error.hidden = false;
        error.scrollIntoView({ block: "nearest" });
        return;
      }
      var submit = document.getElementById("submit");
      if (submit) { submit.disabled = true; submit.textContent = submit.dataset.busy; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var article = document.getElementById("article");
    if (article) { setupDigest(article); }
    var form = document.getElementById("digest-form");
    if (form) { setupForm(form); }
  });
})();
