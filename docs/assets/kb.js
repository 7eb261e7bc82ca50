/* Filters for the criteria overview and the case library. Without JavaScript every item is shown. */
(function () {
  "use strict";

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var items = Array.prototype.slice.call(document.querySelectorAll(".kb-item"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".kb-group"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var status = form.querySelector(".kb-count");

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          var values = (item.getAttribute("data-" + select.dataset.filter) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".kb-item:not([hidden])");
      });
      status.textContent = form.dataset.count
        .replace("{shown}", String(shown))
        .replace("{total}", String(items.length));
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.kb-filter"), setup);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);  // Material's instant navigation, when enabled
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
