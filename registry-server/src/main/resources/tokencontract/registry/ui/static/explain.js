// "Explain a token": posts the pasted token to this registry's POST /ui/api/explain and shows the report.
// The token is kept nowhere but the text area (no storage, no URL, fetch with cache: "no-store"). Every value
// from the token or the report is written with textContent, never as markup.
(function () {
  "use strict";
  const form = document.getElementById("explain-form");
  if (!form) { return; }
  const $ = function (id) { return document.getElementById(id); };
  const token = $("explain-token");
  const contract = $("explain-contract");
  const version = $("explain-version");
  const issuer = $("explain-issuer");
  const audience = $("explain-audience");
  const at = $("explain-at");
  const pasted = $("keys-pasted");
  const trusted = $("keys-trusted");
  const jwksField = $("explain-jwks-field");
  const jwks = $("explain-jwks");
  const alg = $("explain-alg");
  const submit = $("explain-submit");
  const result = $("result");
  const heading = $("result-heading");
  const status = $("explain-status");
  heading.tabIndex = -1;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  // As the CLI reads a pasted token: drop "Authorization:", "Bearer", surrounding quotes and all whitespace.
  function clean(raw) {
    let text = raw.trim();
    text = text.replace(/^authorization:\s*/i, "");
    text = text.replace(/^bearer(\s+|$)/i, "");
    if (text.length >= 2 && text.startsWith("\"") && text.endsWith("\"")) { text = text.slice(1, -1); }
    return text.replace(/\s+/g, "");
  }

  async function loadVersions() {
    const wanted = version.value || version.dataset.initial || "latest";
    while (version.options.length > 1) { version.remove(1); }
    if (!contract.value) { return; }
    try {
      const response = await fetch("/contracts/" + encodeURIComponent(contract.value) + "/versions",
        { headers: { Accept: "application/json" } });
      if (!response.ok) { return; }
      const body = await response.json();
      const versions = Array.isArray(body.versions) ? body.versions.slice().reverse() : [];
      for (const v of versions) {
        const option = el("option", v.version + (v.state === "DEPRECATED" ? " (deprecated)" : ""));
        option.value = v.version;
        version.appendChild(option);
      }
      version.value = Array.from(version.options).some(function (o) { return o.value === wanted; }) ? wanted : "latest";
    } catch (e) {
      // the version list is a convenience: "latest" still works
    }
  }

  function showKeys() {
    jwksField.hidden = !pasted.checked;
  }

  function clearResult() {
    Array.from(result.children).forEach(function (child) {
      if (child !== heading && child !== status) { result.removeChild(child); }
    });
    status.textContent = "";
    status.className = "status";
  }

  function request() {
    const body = { token: clean(token.value), contract: { name: contract.value, version: version.value || "latest" } };
    if (issuer.value.trim()) { body.issuer = issuer.value.trim(); }
    if (audience.value.trim()) { body.audience = audience.value.trim(); }
    if (at.value.trim()) { body.at = at.value.trim(); }
    if (pasted.checked) {
      body.jwks = jwks.value;
      if (alg.value.trim()) { body.alg = alg.value.trim(); }
    }
    return body;
  }

  function table(caption, headings, rows) {
    const t = el("table", null, "list findings");
    t.appendChild(el("caption", caption));
    const head = t.createTHead().insertRow();
    for (const h of headings) { const th = el("th", h); th.scope = "col"; head.appendChild(th); }
    const body = t.createTBody();
    for (const cells of rows) {
      const row = body.insertRow();
      for (const cell of cells) { row.appendChild(cell instanceof Node ? wrap(cell) : el("td", cell)); }
    }
    return t;
  }

  function wrap(node) { const td = el("td"); td.appendChild(node); return td; }

  function code(text) { return text === null || text === undefined ? el("span", "—", "muted") : el("code", text); }

  function findings(report) {
    const rows = report.findings.map(function (f) {
      const what = el("div");
      what.appendChild(el("div", f.message));
      if (f.hint) { what.appendChild(el("div", "Hint: " + f.hint, "note")); }
      return [el("code", f.code), f.severity, code(f.pointer), code(f.expected), code(f.actual), what];
    });
    return table(report.findings.length + (report.findings.length === 1 ? " finding" : " findings"),
      ["Code", "Severity", "Pointer", "Expected", "Actual", "Message"], rows);
  }

  function decoded(report) {
    const section = el("section");
    section.setAttribute("aria-label", "Decoded token");
    const t = report.token;
    if (!t) { section.appendChild(el("p", "Nothing of the token was readable.", "note")); return section; }
    const verified = t.label === "VERIFIED";
    const label = verified ? "VERIFIED: the signature was checked with a trusted key"
      : "UNTRUSTED: not verified, do not base decisions on these values";
    for (const part of [["Header", t.header], ["Claims", t.claims]]) {
      const h = el("h3", part[0] + " ");
      h.appendChild(el("span", verified ? "VERIFIED" : "UNTRUSTED", "badge " + (verified ? "verified" : "untrusted")));
      section.appendChild(h);
      const pre = el("pre", JSON.stringify(part[1], null, 2));
      pre.setAttribute("aria-label", part[0] + ", " + label);
      pre.dataset.label = t.label;
      section.appendChild(pre);
    }
    section.appendChild(el("p", label, verified ? "note" : "error"));
    section.appendChild(el("p", "Signature: " + t.signature.bytes + " bytes, " + t.signature.preview
      + " (never shown in full)", "note"));
    return section;
  }

  function checks(report) {
    const dl = el("dl", null, "facts");
    const c = report.checks || {};
    const facts = [["Contract", report.contract], ["Judged at", report.evaluatedAt], ["Keys", c.keys],
      ["Issuer", c.issuer || "not checked"],
      ["Audience", c.audiences && c.audiences.length ? c.audiences.join(", ") : "not checked"],
      ["Leeway", c.leewaySeconds + " s"]];
    for (const f of facts) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); }
    return dl;
  }

  function show(report) {
    heading.hidden = false;
    const verdict = el("p", report.verdict, "verdict " + (report.verdict === "ACCEPTED" ? "pass" : "fail"));
    verdict.id = "explain-verdict";
    const said = { ACCEPTED: "ACCEPTED: every check passed and the signature verified.",
      REJECTED: "REJECTED: the token breaks at least one rule.",
      UNCHECKED: "UNCHECKED: nothing proves it bad, but something needed to judge it was unavailable." };
    verdict.textContent = said[report.verdict] || String(report.verdict);
    result.appendChild(verdict);
    result.appendChild(checks(report));
    result.appendChild(findings(report));
    result.appendChild(decoded(report));
    const raw = el("details");
    raw.appendChild(el("summary", "The report as JSON (as tokencontract explain --format json prints it)"));
    raw.appendChild(el("pre", JSON.stringify(report, null, 2)));
    result.appendChild(raw);
    heading.focus();
  }

  function problem(response, body) {
    heading.hidden = false;
    const detail = body && body.detail ? body.detail : response.statusText;
    const retry = response.headers.get("Retry-After");
    status.textContent = "Not explained (HTTP " + response.status + (body && body.code ? ", " + body.code : "")
      + "): " + detail + (retry ? " Retry in " + retry + " s." : "");
    status.className = "status error";
    heading.focus();
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    clearResult();
    const body = request();
    if (!body.token) { status.textContent = "Paste a token first."; status.className = "status error"; token.focus(); return; }
    submit.disabled = true;
    status.textContent = "Explaining…";
    try {
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        cache: "no-store",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body)
      });
      let json = null;
      try { json = await response.json(); } catch (e) { json = null; }
      status.textContent = "";
      if (response.ok && json) { show(json); } else { problem(response, json); }
    } catch (e) {
      status.textContent = "The registry did not answer: " + e.message;
      status.className = "status error";
    } finally {
      submit.disabled = false;
    }
  });
  contract.addEventListener("change", function () { version.value = "latest"; loadVersions(); });
  pasted.addEventListener("change", showKeys);
  trusted.addEventListener("change", showKeys);
  showKeys();
  loadVersions();
})();
