// careermap's pages work without this file; it only adds conveniences (the pages' CSP
// allows scripts from this site alone, so nothing here is inline).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // "Copy" buttons next to a read-only field (the calendar subscription address).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    field.select();
    var done = function () {
      button.textContent = "Copied";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () {});
    } else {
      try {
        document.execCommand("copy");
        done();
      } catch (e) {
        /* the field stays selected: the person can copy it by hand */
      }
    }
  });
})();
