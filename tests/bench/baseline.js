// The benchmark's baseline: what showing the organizations costs with no framework at all. It
// fetches the same list from the same server and renders the same tile markup (copied from the
// outerHTML of the module's rendered tiles, Leptos's empty `<!---->` placeholders included)
// into an open shadow root styled by the same constructed stylesheet.
//
// `STYLES` (the module's style/*.css, concatenated as src/lib.rs does) is defined by the line
// tests/bench/bench.mjs puts before this file when it serves it: the module carries its CSS in
// its code too, so neither page makes a request for its styles.
/* global STYLES */

const TOKEN = "xms-development-token";
const STATUS = {
  healthy: ["healthy", "✓", "Protected"],
  last_backup_failed: ["failed", "✕", "Last backup failed"],
  backup_running: ["running", "↻", "Backup running"],
  needs_reauthorization: ["reauthorize", "!", "Needs re-authorization"],
  never_backed_up: ["never", "–", "Never backed up"],
};

const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// The words as the module writes them in English: numbers, exact times (in the reader's
// zone), relative times and their rounding, all by the browser's Intl (src/i18n/intl.rs).
const numbers = new Intl.NumberFormat("en");
const count = (n) => numbers.format(n);
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const exact = (iso) => dateTime.format(new Date(Date.parse(iso)));
const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** `offset` ms from now (negative: past) in the largest unit that fits, rounded as the module does. */
function relative(offset) {
  const minutes = Math.abs(offset) / 60_000;
  const whole = (n, future) => (offset < 0 ? -Math.floor(n) : future(n));
  if ((minutes < 1 && offset <= 0) || offset === 0) return relativeTime.format(0, "second");
  if (minutes < 60) return relativeTime.format(whole(minutes, Math.ceil), "minute");
  if (minutes < 24 * 60) return relativeTime.format(whole(minutes / 60, Math.round), "hour");
  return relativeTime.format(whole(minutes / (24 * 60), Math.round), "day");
}

const ago = (iso) => relative(Math.min(0, Date.parse(iso) - Date.now()));
const until = (iso) => relative(Math.max(0, Date.parse(iso) - Date.now()));

const when = (iso, words) =>
  `<time class="m365-tile__when" datetime="${esc(iso)}" tabindex="0">${words}<span class="m365-tile__exact"> (${exact(iso)})</span></time>`;

function lastBackup(last) {
  if (!last) return "None yet";
  const items = last.items === 1 ? "item" : "items";
  const result = last.failure ? `Failed: ${esc(last.failure)}` : `Succeeded, ${count(last.items)} ${items}`;
  return `<span class="m365-tile__result">${result}</span> ${when(last.finished_at, ago(last.finished_at))}`;
}

function progress(job, name) {
  const running = job.state.status === "running" ? job.state : null;
  const words = running
    ? `${running.percent}% · ${count(running.items_done)} of ${count(running.items_total)} ${running.items_total === 1 ? "item" : "items"}`
    : "Queued, waiting for the worker";
  const value = running ? ` aria-valuenow="${running.percent}"` : "";
  const waiting = running ? "" : " m365-progress__bar--waiting";
  // The width is set through the CSSOM after rendering (data-width): the server's CSP, like
  // XMS's, forbids inline style attributes.
  return `<div class="m365-progress"><div class="m365-progress__track" role="progressbar" aria-label="Backup of ${name}" aria-valuemin="0" aria-valuemax="100"${value} aria-valuetext="${words}"><div class="m365-progress__bar${waiting}" data-width="${running ? running.percent : 100}%"></div></div><p class="m365-progress__words" aria-hidden="true">${words}</p></div>`;
}

function tile(o) {
  const id = esc(o.id);
  const name = esc(o.name);
  const [modifier, symbol, label] = STATUS[o.status];
  const hint =
    o.status === "needs_reauthorization"
      ? `<p class="m365-tile__hint">XMS can no longer reach its data. <a href="/m365/organizations/${id}/edit">Re-authorize it in Edit</a></p>`
      : "<!----><!---->";
  const next = o.next_backup_at ? when(o.next_backup_at, until(o.next_backup_at)) : "None scheduled until re-authorized";
  const worker = esc(o.default_worker.name) +
    (o.default_worker.online ? "<!---->" : ` <span class="m365-tile__offline">(offline: backups wait for it)</span>`);
  const job = o.active_job ? progress(o.active_job, name) : "<!----><!---->";
  const cancel = o.active_job
    ? `<button class="m365-button m365-button--secondary" type="button" aria-label="Cancel backup of ${name}" aria-disabled="false">Cancel backup</button>`
    : "<!----><!---->";
  return `<li class="m365-tile"><article class="m365-tile__body" aria-labelledby="m365-tile-${id}"><h2 class="m365-tile__name" id="m365-tile-${id}">${name}</h2><p class="m365-tile__domain">${esc(o.primary_domain)}</p><p class="m365-tile__status m365-tile__status--${modifier}"><span class="m365-tile__symbol" aria-hidden="true">${symbol}</span>${label}</p>${hint}<dl class="m365-tile__facts"><dt>Protected users</dt><dd>${count(o.protected_users)} of ${count(o.user_count)}</dd><dt>Licences in use</dt><dd>${count(o.licences_used)}</dd><dt>Last backup</dt><dd>${lastBackup(o.last_backup)}</dd><dt>Next backup</dt><dd>${next}</dd><dt>Policy</dt><dd>${o.policy === "custom" ? "Custom policy" : "Default policy"}</dd><dt>Worker</dt><dd>${worker}</dd></dl>${job}<div class="m365-tile__actions"><button class="m365-button" type="button" aria-label="Run backup of ${name}" aria-disabled="${o.active_job ? "true" : "false"}">Run backup</button>${cancel}<a href="/m365/organizations/${id}/policy" class="m365-button m365-button--secondary" aria-label="Custom policy of ${name}">Custom policy</a><a href="/m365/organizations/${id}/edit" class="m365-button m365-button--secondary" aria-label="Edit ${name}">Edit</a></div><!----><!----></article></li>`;
}

// The module's page around the tiles (heading, Connect, filter and sort, the count), copied too.
const root = document.getElementById("xms-module").attachShadow({ mode: "open" });
const sheet = new CSSStyleSheet();
sheet.replaceSync(STYLES);
root.adoptedStyleSheets = [sheet];

const response = await fetch("/api/v1/m365/organizations", {
  headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" },
});
const { organizations } = await response.json();
const noun = organizations.length === 1 ? "organization" : "organizations";
root.innerHTML = `<div class="m365" data-theme="light"><!----><section class="m365-page" aria-labelledby="m365-title"><div class="m365-page__header"><h1 id="m365-title" class="m365-page__title">Microsoft 365</h1><button class="m365-button" type="button">Connect</button><!----><!----></div><p class="m365-live" role="status"></p><p class="m365-announce" role="status"></p><div class="m365-toolbar" role="search" aria-label="Organizations"><label class="m365-toolbar__field"><span class="m365-toolbar__label">Filter by name or domain</span><input class="m365-input" type="search" autocomplete="off" spellcheck="false"></label><label class="m365-toolbar__field"><span class="m365-toolbar__label">Sort by</span><select class="m365-input"><option value="name">Name</option><option value="status">Status, needing attention first</option><option value="last-backup">Last backup, oldest first</option><!----></select></label></div><p class="m365-count" role="status">${count(organizations.length)} ${noun}</p><!----><!----><ul class="m365-orgs" aria-label="Organizations">${organizations.map(tile).join("")}</ul></section></div>`;
for (const bar of root.querySelectorAll(".m365-progress__bar")) bar.style.width = bar.dataset.width;
