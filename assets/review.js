// refonte review page: links each output sentence (data-src = source index)
// to its source sentence (data-i), both ways, on hover and on keyboard focus.
(function () {
  "use strict";
  var bar = document.getElementById("bar");
  var narrow = window.matchMedia("(max-width: 49.99em)");
  var calm = window.matchMedia("(prefers-reduced-motion: reduce)");
  var sources = {};
  var outputs = {};
  var lit = [];
  var current = null;

  document.querySelectorAll(".s[data-i]").forEach(function (el) {
    sources[el.getAttribute("data-i")] = el;
  });
  document.querySelectorAll(".o[data-src]").forEach(function (el) {
    var i = el.getAttribute("data-src");
    (outputs[i] = outputs[i] || []).push(el);
  });

  function clear() {
    lit.forEach(function (el) {
      el.classList.remove("on");
    });
    lit = [];
    current = null;
  }

  function light(el) {
    el.classList.add("on");
    lit.push(el);
  }

  // Scrolls `el` into view inside its own column, leaving the other one still.
  // On a phone the columns are stacked: the bar shows the source instead.
  function reveal(el) {
    var pane = el.closest(".pane");
    if (!pane || narrow.matches) {
      return;
    }
    var p = pane.getBoundingClientRect();
    var r = el.getBoundingClientRect();
    if (r.top >= p.top + 40 && r.bottom <= p.bottom) {
      return;
    }
    pane.scrollTo({
      top: pane.scrollTop + r.top - p.top - pane.clientHeight / 3,
      behavior: calm.matches ? "auto" : "smooth"
    });
  }

  function activate(target) {
    if (!target || !target.closest) {
      return;
    }
    var out = target.closest(".o[data-src]");
    var src = out ? null : target.closest(".s[data-i]");
    var i = out ? out.getAttribute("data-src") : src && src.getAttribute("data-i");
    if (i === null || !sources[i] || i === current) {
      return;
    }
    clear();
    current = i;
    light(sources[i]);
    (outputs[i] || []).forEach(light);
    if (out) {
      reveal(sources[i]);
    } else if (outputs[i]) {
      reveal(outputs[i][0]);
    }
    bar.firstChild.textContent =
      sources[i].getAttribute("data-label") + " : " + sources[i].textContent;
    bar.hidden = false;
  }

  document.addEventListener("focusin", function (e) {
    activate(e.target);
  });
  // A column that scrolls under a still pointer fires "mouseover" without a
  // move: that must not take the highlight from the sentence just focused.
  var scrolled = 0;
  document.querySelectorAll(".pane").forEach(function (pane) {
    pane.addEventListener("scroll", function () {
      scrolled = Date.now();
    }, { passive: true });
  });
  document.addEventListener("mouseover", function (e) {
    if (Date.now() - scrolled > 600) {
      activate(e.target);
    }
  });
  document.addEventListener("mousemove", function (e) {
    activate(e.target);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      clear();
      bar.hidden = true;
    }
  });
  bar.addEventListener("click", function () {
    bar.hidden = true;
  });
})();
