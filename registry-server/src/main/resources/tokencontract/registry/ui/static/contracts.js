// Filters the contracts table as one types; the form still submits ?q= without script.
(function () {
  "use strict";
  const input = document.getElementById("contract-filter");
  const table = document.getElementById("contracts");
  const matches = document.getElementById("contract-matches");
  if (!input || !table) { return; }
  const rows = Array.from(table.tBodies[0].rows);
  function filter() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.dataset.search || "";
      const hit = words.every(function (w) { return text.includes(w); });
      row.hidden = !hit;
      if (hit) { shown++; }
    }
    if (matches) { matches.textContent = words.length ? shown + " of " + rows.length + " match." : ""; }
  }
  input.addEventListener("input", filter);
})();
