// The compare picker: a Swap button (shown only with script) exchanges From and To and submits.
(function () {
  "use strict";
  const swap = document.getElementById("swap");
  const from = document.getElementById("from");
  const to = document.getElementById("to");
  if (!swap || !from || !to) { return; }
  swap.hidden = false;
  swap.addEventListener("click", function () {
    const value = from.value;
    from.value = to.value;
    to.value = value;
    swap.form.requestSubmit();
  });
})();
