// Copy buttons: <button data-copy="ELEMENT-ID"> copies that element's text; the result is announced.
(function () {
  "use strict";
  const status = document.getElementById("copy-status");
  function announce(text) { if (status) { status.textContent = text; } }
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", function () {
      const source = document.getElementById(button.dataset.copy);
      if (!source) { return; }
      const text = source.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { announce("Copied."); },
          function () { select(source); announce("Copy failed: the text is selected, press Ctrl+C."); });
      } else {
        select(source);
        announce("Selected: press Ctrl+C to copy.");
      }
    });
  }
  function select(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
