// The admin page: the token lives in sessionStorage only; every call goes to the JSON API with it.
// Data from the server is written with textContent, never as markup.
(function () {
  "use strict";
  const KEY = "tokencontract.adminToken";
  const $ = function (id) { return document.getElementById(id); };
  const tokenInput = $("admin-token");
  const tokenStatus = $("token-status");
  if (!tokenInput) { return; }

  function token() { return sessionStorage.getItem(KEY); }
  function showTokenState() {
    tokenStatus.textContent = token() ? "A token is set for this tab." : "No token set.";
  }
  showTokenState();

  $("token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const value = tokenInput.value.trim();
    if (value) { sessionStorage.setItem(KEY, value); }
    tokenInput.value = "";
    showTokenState();
  });
  $("forget-token").addEventListener("click", function () {
    sessionStorage.removeItem(KEY);
    showTokenState();
  });

  // Calls the JSON API; resolves to the parsed body, rejects with a message from the problem document.
  function call(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (token()) { headers["Authorization"] = "Bearer " + token(); }
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch(path, {
      method: method, headers: headers, credentials: "omit", cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
          const title = json && json.title ? json.title : response.statusText;
          const detail = json && json.detail ? ": " + json.detail : "";
          const code = json && json.code ? " [" + json.code + "]" : "";
          throw new Error(response.status + " " + title + code + detail);
        }
        return json;
      });
    });
  }

  const auditTable = $("audit-table");
  const auditStatus = $("audit-status");
  $("audit-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const limit = parseInt($("audit-limit").value, 10) || 100;
    auditStatus.textContent = "Loading…";
    call("GET", "/audit?limit=" + encodeURIComponent(limit)).then(function (body) {
      const tbody = auditTable.tBodies[0];
      tbody.replaceChildren();
      for (const entry of body.entries) {
        const row = tbody.insertRow();
        for (const value of [entry.at, entry.action, entry.subject, entry.clientId, entry.name, entry.version, entry.result]) {
          row.insertCell().textContent = value == null ? "" : String(value);
        }
      }
      auditTable.hidden = false;
      auditStatus.textContent = body.entries.length + " entries, newest first.";
    }, function (error) {
      auditTable.hidden = true;
      auditStatus.textContent = error.message;
    });
  });

  const modeForm = $("mode-form");
  if (modeForm) {
    const contract = $("mode-contract");
    const mode = $("mode-value");
    const modeStatus = $("mode-status");
    function loadMode() {
      call("GET", "/contracts/" + encodeURIComponent(contract.value) + "/config").then(function (body) {
        mode.value = body.mode;
        modeStatus.textContent = contract.value + " is " + body.mode + ".";
      }, function (error) { modeStatus.textContent = error.message; });
    }
    contract.addEventListener("change", loadMode);
    loadMode();
    modeForm.addEventListener("submit", function (event) {
      event.preventDefault();
      modeStatus.textContent = "Saving…";
      call("PUT", "/contracts/" + encodeURIComponent(contract.value) + "/config", { mode: mode.value })
        .then(function (body) { modeStatus.textContent = "Saved: " + body.name + " is now " + body.mode + "."; },
              function (error) { modeStatus.textContent = error.message; });
    });
  }
})();
