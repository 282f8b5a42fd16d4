// The module's performance benchmark, run by `cargo xtask bench [--check]`: the released module
// in the reference shell, in headless Chromium, against reference servers on loopback (each on
// its own free port with a throw-away data directory). It measures what the first load weighs
// (and the panels' chunks fetched after it), what a repeat visit sends with a warm cache, how
// fast the tiles appear next to a vanilla-JavaScript baseline, memory, how fast the Connect
// dialog and the Edit panel open over 1,000 tiles, what the Connect dialog sends, and how fast
// backup progress reaches a tile; prints a Markdown report, writes it to bench/RESULTS.md (with
// bench/MISSES.md, if there is one) and, with --check, exits with 2 when a budget is missed.
//
// Environment: XMS_SERVER_BIN (the server binary), XMS_STATIC_DIR (the release build of the
// module and shell, which must be the bench's own: the baseline page is added to it), CHROMIUM,
// BENCH_RUNS (start-up runs per page and size, at least 7). Progress goes to stderr.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { paintProbe, streamProbe } from "./probes.mjs";
import {
  CHROMIUM_ARGS, Server, TOKEN, log, root, serverBin, sleep, staticDir, stopAllServers,
} from "./servers.mjs";
import { SHELL_ASSETS, assetKind, measureWeight } from "./weight.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(root, "bench/RESULTS.md");
const missesFile = path.join(root, "bench/MISSES.md");
const check = process.argv.includes("--check");
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9));
const SIZES = [10, 100, 1000];
/** The polling interval the development sign-in authority asks for in the network test. */
const POLL_INTERVAL_S = 5;

/** The budgets `--check` enforces. */
const BUDGET = {
  /**
   * Brotli bytes of the wasm, JavaScript and CSS the module itself fetches on first load (until
   * its tiles are painted: the chunks it fetches after that do not count).
   */
  moduleBrotli: 100_000,
  /** Median "first tile painted", module over baseline, at each of these sizes. */
  firstTileRatio: 1.2,
  firstTileRatioSizes: [10],
  /** Median "all tiles painted", module over baseline, at each of these sizes. */
  startupRatio: 1.2,
  startupRatioSizes: [100, 1000],
  /**
   * Memory after loading 1,000 organizations (after a forced GC, before any Connect dialog):
   * the module's JS heap plus its wasm memory, over the baseline's JS heap. The wasm memory
   * counts because the module keeps its state there and the JS heap does not include it.
   */
  memoryRatio: 3,
  /**
   * "No heap growth trend": the least-squares slope of the heap (JS heap plus the module's wasm
   * memory, both after a forced GC) over the last six samples (cycles 50 to 100) is under 50 KB
   * per 10 cycles. The window skips the first cycles, where caches and the allocator settle; the
   * threshold is a leak of 5 KB per open and close, and tolerates wasm memory growing by one
   * 64 KiB page (a step mid-window has a slope of about 17 KB per 10 cycles).
   */
  heapSlopePer10Cycles: 50_000,
  /** Requests while the Connect dialog waits 60 s: one per interval, and one spare. */
  requestsWaiting: 60 / POLL_INTERVAL_S + 1,
  requestsAfterClose: 0,
};

/**
 * Puts the baseline page into the static directory, so that the server serves it from its own
 * origin under its own CSP like the shell page (no request interception that would slow one page
 * and not the other). Its script gets the module's styles, which src/lib.rs concatenates from
 * style/*.css without their comments (build.rs), as a string: the module carries them in its
 * code too.
 */
function installBaseline() {
  const lib = readFileSync(path.join(root, "src/lib.rs"), "utf8");
  const block = lib.match(/const STYLES: &str = concat!\(([\s\S]*?)\);/);
  const files = block ? [...block[1].matchAll(/style!\("([a-z]+)"\)/g)] : [];
  if (files.length === 0) throw new Error("cannot find the STYLES files in src/lib.rs");
  const styles = files
    .map(([, name]) => readFileSync(path.join(root, "style", `${name}.css`), "utf8"))
    .join("")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
  const dir = path.join(staticDir, "bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "baseline.html"), readFileSync(path.join(here, "baseline.html")));
  writeFileSync(
    path.join(dir, "baseline.js"),
    `const STYLES = ${JSON.stringify(styles)};\n${readFileSync(path.join(here, "baseline.js"), "utf8")}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Statistics

const sorted = (values) => [...values].sort((a, b) => a - b);
function quantile(values, q) {
  const s = sorted(values);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}
const median = (values) => quantile(values, 0.5);
/** Least-squares slope of ys over xs. */
function slope(xs, ys) {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Loads `url` in a fresh context (a cold cache) and returns paintProbe's times. */
async function loadOnce(browser, url, expected) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The change stream never ends, so it gets no resource timing entry: its timing comes from
    // the browser's, in wall-clock ms.
    let stream = null;
    page.on("request", (request) => {
      if (request.url().includes("/api/v1/events")) stream ??= request;
    });
    await page.addInitScript(paintProbe, expected);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const streamTiming = stream?.timing();
    const streamAsked = streamTiming ? streamTiming.startTime - timeOrigin : null;
    const streamOpened = streamTiming?.responseStart >= 0 ? streamAsked + streamTiming.responseStart : null;
    const times = await page.evaluate(() => {
      // When the pieces the tiles wait for arrived, to explain the times.
      const entry = (part) => performance.getEntriesByType("resource").find((e) => e.name.includes(part));
      const list = entry("/api/v1/m365/organizations");
      return {
        ...window.__bench,
        // The module's main wasm, not a panel's chunk.
        wasm: entry("_bg.wasm")?.responseEnd ?? null,
        listAsked: list?.startTime ?? null,
        list: list?.responseEnd ?? null,
      };
    });
    return { ...times, streamAsked, streamOpened };
  } finally {
    await context.close();
  }
}


async function measureStartup(browser) {
  const results = {};
  for (const size of SIZES) {
    const server = await Server.start(["--seed-organizations", String(size)]);
    const urls = { module: `${server.url}/m365`, baseline: `${server.url}/bench/baseline.html` };
    try {
      // One discarded load of each warms the server's database and the disk cache.
      await loadOnce(browser, urls.module, size);
      await loadOnce(browser, urls.baseline, size);
      const runs = { module: [], baseline: [] };
      for (let run = 1; run <= RUNS; run++) {
        log(`start-up: ${size} organizations, run ${run}/${RUNS}`);
        // Alternating which goes first keeps any drift from favouring one.
        const order = run % 2 ? ["module", "baseline"] : ["baseline", "module"];
        for (const which of order) runs[which].push(await loadOnce(browser, urls[which], size));
      }
      results[size] = runs;
    } finally {
      await server.stop();
    }
  }
  return results;
}

/** The dashboard as a table (`?view=table`, the compact view) with 1,000 organizations: cold
 * loads until the first and all of its rows are painted. */
async function measureCompactStartup(browser) {
  const server = await Server.start(["--seed-organizations", "1000"]);
  const url = `${server.url}/m365?view=table`;
  const rows = { expected: 1000, selector: ".m365-compact tbody tr" };
  try {
    await loadOnce(browser, url, rows);
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      log(`start-up as a table: 1,000 organizations, run ${run}/${RUNS}`);
      runs.push(await loadOnce(browser, url, rows));
    }
    return runs;
  } finally {
    await server.stop();
  }
}

/**
 * Starts recording the module's assets on `page` (the shell's own files left out): returns a
 * function that resolves with each response's path, its status on the wire and the body bytes
 * sent. Call it before the page navigates.
 */
async function recordAssets(context, page) {
  // Playwright reports a revalidated response as the cached 200 it stands for
  // (microsoft/playwright#27573): the status that went over the wire is the one of CDP's
  // Network.responseReceivedExtraInfo, which is the 304 for such a response.
  const cdp = await context.newCDPSession(page);
  const urls = new Map();
  const statuses = new Map();
  cdp.on("Network.requestWillBeSent", ({ requestId, request }) => urls.set(requestId, request.url));
  cdp.on("Network.responseReceivedExtraInfo", ({ requestId, statusCode }) => statuses.set(requestId, statusCode));
  await cdp.send("Network.enable");
  const responses = [];
  page.on("response", (response) => responses.push(response));
  const wireStatus = (url) => [...urls].find(([id, u]) => u === url && statuses.has(id))?.[0];
  return async () => {
    const assets = [];
    for (const response of responses) {
      const { pathname } = new URL(response.url());
      if (SHELL_ASSETS.has(pathname) || !assetKind(pathname, response.headers()["content-type"])) continue;
      const id = wireStatus(response.url());
      assets.push({
        path: pathname,
        status: id === undefined ? response.status() : statuses.get(id),
        sent: (await response.request().sizes()).responseBodySize,
      });
    }
    return assets;
  };
}

/**
 * Loads `url` in a new page of `context` (whose HTTP cache the pages share), waits until its 10
 * tiles are painted and 2 s more (when the module fetches its panels' chunks), and returns when
 * all tiles were painted and the module's assets.
 */
async function visit(context, url) {
  const page = await context.newPage();
  try {
    const assets = await recordAssets(context, page);
    await page.addInitScript(paintProbe, 10);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    const allPaint = await page.evaluate(() => window.__bench.allPaint);
    await sleep(2000);
    return { allPaint, assets: await assets() };
  } finally {
    await page.close();
  }
}

/**
 * The shell loaded twice in one browser context: cold, then with the first load's files in the
 * HTTP cache. The server answers `Cache-Control: no-cache` with `Last-Modified`, so the second
 * load asks whether each file is still current and should get 304s without bodies.
 */
async function measureRepeatVisit(browser) {
  log("repeat visit: the shell with 10 organizations, twice in one context");
  const server = await Server.start(["--seed-organizations", "10"]);
  const context = await browser.newContext();
  try {
    const cold = await visit(context, `${server.url}/m365`);
    const warm = await visit(context, `${server.url}/m365`);
    return { cold, warm };
  } finally {
    await context.close();
    await server.stop();
  }
}

/** Forces garbage collection and reads the page's memory. */
async function memorySample(page, cdp, withWasm) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  const counters = await cdp.send("Memory.getDOMCounters");
  // The module's linear memory: its init() returns the instance's exports once initialized.
  const wasm = withWasm
    ? await page.evaluate(async () => (await (await import("/xms-m365.js")).default()).memory.buffer.byteLength)
    : 0;
  return {
    jsHeap: metric.JSHeapUsedSize,
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
    wasm,
  };
}

/** Opens the Connect dialog, waits for its code, and closes it with Escape. */
async function connectCycle(page) {
  await page.locator(".m365-page__header > button").click();
  await page.locator(".m365-code__value").waitFor();
  await closeConnect(page);
}

/** Closes the open Connect dialog with Escape and waits for its attempt to be cancelled. */
async function closeConnect(page) {
  const cancelled = page.waitForResponse(
    (r) => r.request().method() === "DELETE" && r.url().includes("/connections/"),
  );
  await page.keyboard.press("Escape");
  await page.locator(".m365-modal").waitFor({ state: "detached" });
  await cancelled;
}

async function measureMemory(browser, server) {
  const result = {};
  for (const [which, url] of [
    ["baseline", `${server.url}/bench/baseline.html`],
    ["module", `${server.url}/m365`],
  ]) {
    log(`memory: ${which} with 1,000 organizations`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(paintProbe, 1000);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    result[which] = await memorySample(page, cdp, which === "module");
    if (which === "module") {
      const cycles = [{ cycle: 0, ...result.module }];
      for (let cycle = 1; cycle <= 100; cycle++) {
        await connectCycle(page);
        if (cycle % 10 === 0) {
          log(`memory: Connect dialog opened and closed ${cycle} times`);
          cycles.push({ cycle, ...(await memorySample(page, cdp, true)) });
        }
      }
      result.cycles = cycles;
    }
    await context.close();
  }
  return result;
}

/** How many times the opening test opens each view. */
const OPENINGS = 5;

/**
 * Runs in the page (serialized on its own, like probes.mjs): clicks the first element `target`
 * finds in the module's shadow root and resolves with the ms from the click until `until`
 * matches there (`dom`) and until the frame showing it was painted (`painted`, as paintProbe
 * tells it). Checked on every mutation and every frame: a property such as a radio's `checked`
 * can change without a mutation record.
 */
function timeOpening({ target, until }) {
  const root = document.getElementById("xms-module").shadowRoot;
  const element = root.querySelector(target);
  if (!element) throw new Error(`nothing matches ${target}`);
  return new Promise((resolve, reject) => {
    let done = false;
    const stop = () => {
      done = true;
      observer.disconnect();
      clearTimeout(timeout);
    };
    const check = () => {
      if (done || !root.querySelector(until)) return;
      stop();
      const dom = performance.now() - start;
      requestAnimationFrame(() =>
        scheduler.postTask(() => resolve({ dom, painted: performance.now() - start }), {
          priority: "user-blocking",
        }),
      );
    };
    const poll = () => {
      check();
      if (!done) requestAnimationFrame(poll);
    };
    const observer = new MutationObserver(check);
    const timeout = setTimeout(() => {
      stop();
      reject(new Error(`${until} did not show within 30 s of the click`));
    }, 30_000);
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    const start = performance.now();
    element.click();
    poll();
  });
}

/**
 * With 1,000 tiles and the panels' chunks already fetched: how long the Connect dialog takes to
 * show its code, and the Edit panel of the first tile its values, from the click.
 */
async function measureOpening(browser, server) {
  log("opening: the Connect dialog and the Edit panel over 1,000 tiles");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(paintProbe, 1000);
    await page.goto(`${server.url}/m365`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    // The module fetches its panels' chunks once idle: an opening measured here does not wait
    // for the network.
    await sleep(2000);
    const connect = [];
    const edit = [];
    const history = [];
    const noDialog = () => !document.getElementById("xms-module").shadowRoot.querySelector('[role="dialog"]');
    for (let run = 1; run <= OPENINGS; run++) {
      log(`opening: run ${run}/${OPENINGS}`);
      connect.push(
        await page.evaluate(timeOpening, { target: ".m365-page__header > button", until: ".m365-code__value" }),
      );
      await closeConnect(page);
      // The first tile's Edit link, a link the module's router follows without a page load; its
      // accessible name is "Edit <organization>" (its text is just "Edit").
      edit.push(
        await page.evaluate(timeOpening, {
          target: 'article a[aria-label^="Edit "]',
          until: '[role="dialog"] input[type="radio"]:checked',
        }),
      );
      // Nothing changed, so Escape closes it without asking (src/edit.rs) and goes back to the
      // dashboard.
      await page.keyboard.press("Escape");
      await page.waitForFunction(noDialog, null, { timeout: 10_000 });
      // Lets what closing started (focus, the dashboard's route) settle before the next click.
      await sleep(250);
      // The first tile's last backup, which links to its history: until the runs' chart and
      // table are there (after XMS has answered the page of runs); Back to the dashboard.
      history.push(
        await page.evaluate(timeOpening, {
          target: 'article a[href*="/history"]',
          until: ".m365-history__table tbody tr",
        }),
      );
      await page.goBack();
      await page.waitForFunction(() => !document.getElementById("xms-module").shadowRoot.querySelector(".m365-history"), null, {
        timeout: 10_000,
      });
      await sleep(250);
    }
    return { connect, edit, history };
  } finally {
    await context.close();
  }
}

/**
 * An organization of 50,000 users: how long its users list takes to show its first page from
 * a click on the Edit panel's link to it (the panels' chunk, which holds the list, already
 * fetched), the page read from XMS and rendered.
 */
async function measureUsersOpening(browser) {
  log("opening: the first page of a 50,000-user organization's users");
  const server = await Server.start([]);
  const context = await browser.newContext();
  try {
    execFileSync(serverBin, [
      "add-organization", "--data-dir", server.dataDir, "--tenant-id", "bench-50000-users",
      "--name", "Fabrikam Global", "--domain", "fabrikam.onmicrosoft.com", "--users", "50000",
      "--licence-mode", "manual", "--protected-users", "40000",
    ]);
    const { organizations } = await server.api("GET", "/m365/organizations");
    const page = await context.newPage();
    await page.goto(`${server.url}/m365/organizations/${organizations[0].id}/edit`);
    const link = '[role="dialog"] a[href$="/users"]';
    const linkShown = (selector) => !!document.getElementById("xms-module").shadowRoot.querySelector(selector);
    await page.waitForFunction(linkShown, link, { timeout: 60_000 });
    const users = [];
    for (let run = 1; run <= OPENINGS; run++) {
      log(`opening: users run ${run}/${OPENINGS}`);
      users.push(await page.evaluate(timeOpening, { target: link, until: ".m365-users__table tbody tr" }));
      // Back to the Edit panel, for the next click.
      await page.goBack();
      await page.waitForFunction(linkShown, link, { timeout: 10_000 });
      await sleep(250);
    }
    return users;
  } finally {
    await context.close();
    await server.stop();
  }
}

async function measureInteraction(browser, server) {
  log("interaction: backup progress into 1,000 tiles");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(paintProbe, 1000);
    await page.addInitScript(streamProbe);
    await page.goto(`${server.url}/m365`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    // Organizations whose backups run and succeed: an online worker, nothing running, and not
    // waiting for re-authorization; spread over the list.
    const { organizations } = await server.api("GET", "/m365/organizations");
    const eligible = organizations.filter(
      (o) => o.default_worker.online && !o.active_job && ["healthy", "never_backed_up"].includes(o.status),
    );
    const chosen = [0, 1, 2, 3, 4].map((i) => eligible[Math.floor((i * eligible.length) / 5)]);
    for (const organization of chosen) {
      await server.api("POST", `/m365/organizations/${organization.id}/backups`);
      // Staggered, so that the backups' progress events arrive apart.
      await sleep(170);
    }
    await sleep((BACKUP_DURATION_S + 3) * 1000);
    const arrivals = await page.evaluate(() => window.__benchArrivals);
    const updates = await page.evaluate(() => window.__benchUpdates);
    const samples = [];
    for (const update of updates) {
      const arrival = arrivals.find((a) => a.org === update.org && a.percent === update.percent);
      if (arrival && update.painted !== null) {
        samples.push({ dom: update.t - arrival.t, painted: update.painted - arrival.t });
      }
    }
    return { samples, arrivals: arrivals.length, updates: updates.length, backups: chosen.length };
  } finally {
    await context.close();
  }
}

/** How long a backup runs in the interaction test: 20 progress events, one a second. */
const BACKUP_DURATION_S = 20;

/** Hides or shows the page the way a backgrounded tab is, for the module's visibility logic. */
async function setHidden(page, hidden) {
  await page.evaluate((hidden) => {
    if (hidden) {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    } else {
      delete document.visibilityState;
      delete document.hidden;
    }
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

async function measureNetwork(browser) {
  const server = await Server.start(["--seed-organizations", "10", "--poll-interval", String(POLL_INTERVAL_S)]);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(paintProbe, 10);
    await page.goto(`${server.url}/m365`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    await sleep(1000);
    const requests = [];
    page.on("request", (r) =>
      requests.push({ at: Date.now(), what: `${r.method()} ${new URL(r.url()).pathname}` }),
    );
    const between = (from, to) => requests.filter((r) => r.at >= from && r.at < to).map((r) => r.what);

    log("network: the Connect dialog waits 60 s for sign-in");
    await page.locator(".m365-page__header > button").click();
    await page.locator(".m365-code__value").waitFor();
    const waitStart = Date.now();
    await sleep(60_000);
    const waiting = between(waitStart, Date.now());

    log("network: 30 s after the dialog closes");
    const closeStart = Date.now();
    const cancelled = page.waitForResponse(
      (r) => r.request().method() === "DELETE" && r.url().includes("/connections/"),
    );
    await page.keyboard.press("Escape");
    await page.locator(".m365-modal").waitFor({ state: "detached" });
    await cancelled;
    const afterStart = Date.now();
    const closing = between(closeStart, afterStart);
    await sleep(30_000);
    const afterClose = between(afterStart, Date.now());

    log("network: 30 s hidden while the dialog waits");
    await page.locator(".m365-page__header > button").click();
    await page.locator(".m365-code__value").waitFor();
    await setHidden(page, true);
    const hiddenStart = Date.now();
    await sleep(30_000);
    const hidden = between(hiddenStart, Date.now());
    const shownStart = Date.now();
    await setHidden(page, false);
    await sleep(1000);
    const shown = between(shownStart, Date.now());
    await page.keyboard.press("Escape");
    return { waiting, closing, afterClose, hidden, shown };
  } finally {
    await context.close();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The report

const int = (n) => Math.round(n).toLocaleString("en-US");
const ms = (n) => (n === null || n === undefined ? "–" : `${Math.round(n)}`);
const kb = (bytes) => `${(bytes / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} KB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const spread = (values) => `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
const ratio = (a, b) => (a / b).toFixed(2);
const verdict = (ok) => (ok ? "PASS" : "MISS");

/** Summarizes `what` over a tally of requests, such as "12: GET /api/v1/…connections/{id} ×12". */
function tally(requests) {
  if (requests.length === 0) return "0";
  const counts = new Map();
  for (const r of requests) {
    const key = r.replace(/\/connections\/[^/]+/, "/connections/{id}");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `${requests.length}: ${[...counts].map(([k, n]) => `\`${k}\` ×${n}`).join(", ")}`;
}

/** Who loads a weight row, in the report's words. */
const LOADED_BY = { shell: "shell", module: "module", later: "module, after the first paint" };

function report({ environment, weight, repeat, startup, memory, opening, interaction, network }) {
  const lines = [];
  const out = (line = "") => lines.push(line);
  const moduleRows = weight.rows.filter((r) => r.owner === "module");
  // Everything of the module's: its first load and the chunks it fetches after the first paint.
  const codeRows = weight.rows.filter((r) => r.owner !== "shell");
  const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);
  const moduleBrotli = sum(moduleRows, "brotli");

  const allMedian = (size, which) => median(startup[size][which].map((r) => r.allPaint));
  const firstMedian = (size, which) => median(startup[size][which].map((r) => r.firstPaint));
  const heapOf = (s) => s.jsHeap + s.wasm;
  // The baseline has no wasm memory: its JS heap is all it keeps.
  const memoryRatio = heapOf(memory.module) / memory.baseline.jsHeap;
  const tail = memory.cycles.slice(-6);
  const heapSlope = slope(tail.map((s) => s.cycle / 10), tail.map(heapOf));
  const jsSlope = slope(tail.map((s) => s.cycle / 10), tail.map((s) => s.jsHeap));
  const wasmSlope = slope(tail.map((s) => s.cycle / 10), tail.map((s) => s.wasm));
  const firstCycle = memory.cycles[0];
  const lastCycle = memory.cycles.at(-1);

  const budgets = [
    {
      name: "First-load transfer of the module (wasm + JS + CSS, brotli)",
      measured: `${int(moduleBrotli)} B (sent: ${int(sum(moduleRows, "sent"))} B)`,
      limit: `≤ ${int(BUDGET.moduleBrotli)} B`,
      ok: moduleBrotli <= BUDGET.moduleBrotli,
    },
    ...BUDGET.firstTileRatioSizes.map((size) => {
      const r = firstMedian(size, "module") / firstMedian(size, "baseline");
      return {
        name: `Start-up, first tile painted, ${int(size)} organizations: module / baseline (median)`,
        measured: `${r.toFixed(2)} (${ms(firstMedian(size, "module"))} / ${ms(firstMedian(size, "baseline"))} ms)`,
        limit: `≤ ${BUDGET.firstTileRatio}`,
        ok: r <= BUDGET.firstTileRatio,
      };
    }),
    ...BUDGET.startupRatioSizes.map((size) => {
      const r = allMedian(size, "module") / allMedian(size, "baseline");
      return {
        name: `Start-up, all tiles painted, ${int(size)} organizations: module / baseline (median)`,
        measured: `${r.toFixed(2)} (${ms(allMedian(size, "module"))} / ${ms(allMedian(size, "baseline"))} ms)`,
        limit: `≤ ${BUDGET.startupRatio}`,
        ok: r <= BUDGET.startupRatio,
      };
    }),
    {
      name: "Memory after 1,000 organizations: (module JS heap + wasm memory) / baseline JS heap",
      measured: `${memoryRatio.toFixed(2)} (${mb(heapOf(memory.module))} / ${mb(memory.baseline.jsHeap)})`,
      limit: `≤ ${BUDGET.memoryRatio}`,
      ok: memoryRatio <= BUDGET.memoryRatio,
    },
    {
      name: "Heap growth trend over 100 Connect dialog cycles (JS heap + wasm memory, slope over cycles 50–100)",
      measured: `${kb(heapSlope)} per 10 cycles`,
      limit: `< ${kb(BUDGET.heapSlopePer10Cycles)} per 10 cycles`,
      ok: heapSlope < BUDGET.heapSlopePer10Cycles,
    },
    {
      name: `Requests while the Connect dialog waits 60 s (interval ${POLL_INTERVAL_S} s)`,
      measured: String(network.waiting.length),
      limit: `≤ ${BUDGET.requestsWaiting}`,
      ok: network.waiting.length <= BUDGET.requestsWaiting,
    },
    {
      name: "Requests in the 30 s after the Connect dialog closed",
      measured: String(network.afterClose.length),
      limit: `${BUDGET.requestsAfterClose}`,
      ok: network.afterClose.length <= BUDGET.requestsAfterClose,
    },
  ];

  out("# Benchmark results");
  out();
  out(`Measured by \`cargo xtask bench\` on ${environment.date}.`);
  out();
  out(`- CPU: ${environment.cpu}`);
  out(`- Chromium: ${environment.chromium} (headless, ${environment.viewport} viewport)`);
  out(`- Node ${environment.node}, Playwright ${environment.playwright}`);
  out(`- The module: release build (\`trunk build --release\`: split into chunks by \`cargo xtask module\`, wasm-opt -Oz); the reference server: release build, on loopback`);
  out();
  out("## Budgets");
  out();
  out("| Budget | Measured | Limit | Verdict |");
  out("| --- | --- | --- | --- |");
  for (const b of budgets) out(`| ${b.name} | ${b.measured} | ${b.limit} | ${verdict(b.ok)} |`);
  out();

  out("## Weight");
  out();
  out(
    "What the shell page requests until its tiles are painted, and what the module fetches after that when the " +
      "browser is idle (its panels' chunks), recorded from the page's responses (10 organizations). Raw is each " +
      "file's size; gzip and brotli are its sizes compressed here with node's zlib at maximum quality (gzip -9, " +
      "brotli 11). The reference server sends the precompressed brotli copies written at build time, so Sent is " +
      "what went over the wire (the response bodies). The shell's own files do not count towards the module's " +
      "budget; the files fetched after the first paint do not count towards the first load, but towards the total " +
      "of the module's code.",
  );
  out();
  out("| Request | Kind | Loaded by | Raw | gzip | brotli | Sent |");
  out("| --- | --- | --- | ---: | ---: | ---: | ---: |");
  for (const r of weight.rows) {
    out(
      `| \`${r.path}\` | ${r.kind} | ${LOADED_BY[r.owner]} | ${int(r.raw)} | ${int(r.gzip)} | ${int(r.brotli)} | ${int(r.sent)} |`,
    );
  }
  const totalRow = (name, rows) =>
    `| **${name}** | | | ${["raw", "gzip", "brotli", "sent"].map((key) => `**${int(sum(rows, key))}**`).join(" | ")} |`;
  out(totalRow("The module's first load, total", moduleRows));
  out(totalRow("All of the module's code (first load + chunks)", codeRows));
  out();
  out(
    `All requests, in order (the first load's and those after the first paint): ` +
      `${weight.requests.map((r) => `\`${r}\``).join(", ")}.`,
  );
  out();

  out("## Repeat visit");
  out();
  out(
    "The shell with 10 organizations loaded twice in one browser context: cold, then in a new page with the first " +
      "load's files in the HTTP cache, each time waiting 2 s after all tiles were painted for the chunks fetched " +
      "when idle. The server answers `Cache-Control: no-cache` with `Last-Modified`, so the browser asks whether " +
      "each file is still current. The module's files of the second load (not the shell's), with the status that " +
      "went over the wire (CDP's raw response: Playwright reports a revalidated response as 200) and the body bytes " +
      "sent:",
  );
  out();
  out("| Request | Status | Sent bytes |");
  out("| --- | ---: | ---: |");
  for (const a of repeat.warm.assets) out(`| \`${a.path}\` | ${a.status} | ${int(a.sent)} |`);
  out(`| **Total** | | **${int(sum(repeat.warm.assets, "sent"))}** |`);
  out();
  out(
    `The cold load sent ${int(sum(repeat.cold.assets, "sent"))} B of the module's files. All tiles painted (ms from ` +
      `navigation start): cold ${ms(repeat.cold.allPaint)}, warm ${ms(repeat.warm.allPaint)}.`,
  );
  out();

  out("## Start-up");
  out();
  out(
    `Milliseconds from navigation start (performance.timeOrigin) to the frame painted with the first tile and with all ` +
      `tiles in the shadow root: median (min–max) of ${RUNS} cold loads each (a fresh browser context each time), module ` +
      `and baseline alternating. The baseline is tests/bench/baseline.html: the same shell, a few lines of vanilla ` +
      `JavaScript that fetch the same list from the same server (bearer token) and render the same tile markup with the ` +
      `same styles into a shadow root.`,
  );
  out();
  out("| Organizations | Module: first tile | Module: all tiles | Baseline: first tile | Baseline: all tiles | Ratio, first | Ratio, all |");
  out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const size of SIZES) {
    const m = startup[size].module;
    const b = startup[size].baseline;
    out(
      `| ${int(size)} | ${spread(m.map((r) => r.firstPaint))} | ${spread(m.map((r) => r.allPaint))} | ` +
        `${spread(b.map((r) => r.firstPaint))} | ${spread(b.map((r) => r.allPaint))} | ` +
        `${ratio(firstMedian(size, "module"), firstMedian(size, "baseline"))} | ${ratio(allMedian(size, "module"), allMedian(size, "baseline"))} |`,
    );
  }
  out();
  out(
    "Where the time goes (medians, ms from navigation start; from resource timings, the browser's timing of the change " +
      "stream's request, and a wrapper around WebAssembly's instantiate functions): when the wasm had arrived and was " +
      "compiled and instantiated, when the module asked for the change stream and the stream opened, when the " +
      "organization list was asked for and had arrived, and when all the tiles were in the DOM.",
  );
  out();
  out(
    "| Organizations | Module: wasm loaded | Module: wasm instantiated | Module: stream asked | Module: stream opened | Module: list asked | " +
      "Module: list loaded | Module: all tiles in DOM | Baseline: list asked | Baseline: list loaded | " +
      "Baseline: all tiles in DOM |",
  );
  out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const size of SIZES) {
    const m = startup[size].module;
    const b = startup[size].baseline;
    const med = (runs, key) => ms(median(runs.map((r) => r[key])));
    out(
      `| ${int(size)} | ${med(m, "wasm")} | ${med(m, "wasmReady")} | ${med(m, "streamAsked")} | ${med(m, "streamOpened")} | ` +
        `${med(m, "listAsked")} | ${med(m, "list")} | ${med(m, "allDom")} | ` +
        `${med(b, "listAsked")} | ${med(b, "list")} | ${med(b, "allDom")} |`,
    );
  }
  out();

  out("## Memory");
  out();
  out(
    "After loading 1,000 organizations and forcing garbage collection (CDP HeapProfiler.collectGarbage): the JS heap " +
      "(CDP Performance.getMetrics JSHeapUsedSize), the module's WebAssembly memory (its linear memory's size, which the " +
      "JS heap does not include), and the DOM nodes and event listeners (CDP Memory.getDOMCounters).",
  );
  out();
  out("| Page | JS heap | Wasm memory | DOM nodes | JS event listeners |");
  out("| --- | ---: | ---: | ---: | ---: |");
  for (const which of ["module", "baseline"]) {
    const s = memory[which];
    out(`| ${which} | ${mb(s.jsHeap)} | ${which === "module" ? mb(s.wasm) : "–"} | ${int(s.nodes)} | ${int(s.listeners)} |`);
  }
  out();
  out(
    "The Connect dialog opened (waiting for its code) and closed with Escape 100 times on that page; sampled after a forced GC " +
      "every 10 cycles.",
  );
  out();
  out("| Cycles | JS heap | Wasm memory | DOM nodes | JS event listeners |");
  out("| ---: | ---: | ---: | ---: | ---: |");
  for (const s of memory.cycles) out(`| ${s.cycle} | ${int(s.jsHeap)} B | ${int(s.wasm)} B | ${int(s.nodes)} | ${int(s.listeners)} |`);
  out();
  out(
    `First sample ${mb(heapOf(firstCycle))}, last ${mb(heapOf(lastCycle))} (JS heap + wasm memory; ` +
      `${kb(heapOf(lastCycle) - heapOf(firstCycle))} over 100 cycles). Trend over cycles 50–100: ${kb(heapSlope)} per 10 cycles ` +
      `(JS heap ${kb(jsSlope)}, wasm memory ${kb(wasmSlope)}); over all cycles: ` +
      `${kb(slope(memory.cycles.map((s) => s.cycle / 10), memory.cycles.map(heapOf)))} per 10 cycles.`,
  );
  out();

  out("## Opening views (1,000 organizations)");
  out();
  out(
    `With 1,000 tiles, once the module had fetched its panels' chunks (2 s after all tiles were painted), each view ` +
      `opened ${opening.connect.length} times, alternately: the Connect dialog (its button clicked) until it shows ` +
      "its code (`.m365-code__value`, after the server's answer), closed with Escape; and the first tile's Edit panel " +
      "(its Edit link clicked, a route of the module's router) until it shows its values (a checked radio button, " +
      "after the settings and workers are loaded), closed with Escape. Ms from the click (`element.click()` in the " +
      "page) until it is in the DOM of the module's shadow root (checked on every mutation and every frame), and " +
      "until the frame showing it was painted.",
  );
  out();
  out("| View | Median | Min | Max |");
  out("| --- | ---: | ---: | ---: |");
  const openingRow = (name, values) =>
    out(`| ${name} | ${median(values).toFixed(1)} ms | ${Math.min(...values).toFixed(1)} ms | ${Math.max(...values).toFixed(1)} ms |`);
  openingRow("Connect dialog showing its code (DOM)", opening.connect.map((o) => o.dom));
  openingRow("Connect dialog showing its code (painted)", opening.connect.map((o) => o.painted));
  openingRow("Edit panel showing its values (DOM)", opening.edit.map((o) => o.dom));
  openingRow("Edit panel showing its values (painted)", opening.edit.map((o) => o.painted));
  openingRow("Backup history showing its chart and runs, 1,000 tiles (DOM)", opening.history.map((o) => o.dom));
  openingRow("Backup history showing its chart and runs, 1,000 tiles (painted)", opening.history.map((o) => o.painted));
  openingRow("Users list of 50,000 users showing its first page (DOM)", opening.users.map((o) => o.dom));
  openingRow("Users list of 50,000 users showing its first page (painted)", opening.users.map((o) => o.painted));
  out();
  out(
    "The backup history: the first tile's last backup (a link to the organization's history) clicked, over the " +
      "same 1,000 tiles, until its runs table has rows (XMS has answered the first page of 25 of its 30 seeded runs, " +
      "and the chart is drawn before the table); Back to the dashboard between runs.",
  );
  out();
  out(
    "The users list: an organization of 50,000 users (40,000 protected) alone on the dashboard, the Edit panel's " +
      "link to its users clicked until the list's first rows are in the DOM, after XMS has answered the first page " +
      "of 50; back to the Edit panel between runs.",
  );
  out();

  out("## Start-up as a table");
  out();
  out(
    "The dashboard as a table (`/m365?view=table`, the compact view, whose code is the panels' chunk, fetched after " +
      "the first load) with 1,000 organizations: ms from navigation start until the frame painted with its first " +
      `row and with all 1,000 rows, median (min–max) of ${RUNS} cold loads, beside the tiles' all-painted median above.`,
  );
  out();
  out("| Organizations | Table: first row | Table: all rows | Tiles: all tiles |");
  out("| ---: | ---: | ---: | ---: |");
  {
    const compact = startup.compact;
    const spread = (key) => {
      const values = compact.map((r) => r[key]);
      return `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
    };
    const tiles = startup[1000] ? Math.round(median(startup[1000].module.map((r) => r.allPaint))) : "–";
    out(`| 1,000 | ${spread("firstPaint")} | ${spread("allPaint")} | ${tiles} |`);
  }
  out();

  out("## Network discipline");
  out();
  out(
    `The module in the shell with 10 organizations; the server's development sign-in authority asks for a ${POLL_INTERVAL_S} s ` +
      "interval (`--poll-interval`). Every request the page sends is counted (Playwright's request event); the change " +
      "stream opened at start-up is one long-lived request made before, so it is not counted, but a reconnection would be.",
  );
  out();
  out("| While | Requests |");
  out("| --- | --- |");
  out(`| the Connect dialog waits 60 s for sign-in (from the code shown) | ${tally(network.waiting)} |`);
  out(`| closing it (Escape; counted apart: the cancellation of the attempt) | ${tally(network.closing)} |`);
  out(`| the 30 s after it closed (from the cancellation's answer) | ${tally(network.afterClose)} |`);
  out(`| the page is hidden for 30 s while the dialog waits | ${tally(network.hidden)} |`);
  out(`| the first second after the page shows again | ${tally(network.shown)} |`);
  out();
  out(
    "Hidden is emulated: headless Chromium keeps every tab visible, even one behind another brought to the front, so the " +
      "bench overrides `document.visibilityState` and `document.hidden` on the page and dispatches `visibilitychange`, " +
      "which is what the module listens to.",
  );
  out();

  out("## Interaction");
  out();
  const dom = interaction.samples.map((s) => s.dom);
  const painted = interaction.samples.map((s) => s.painted);
  out(
    `With 1,000 tiles, ${interaction.backups} backups started through the API (\`POST …/backups\`, ${BACKUP_DURATION_S} s each, a ` +
      `progress event a second). Time from a progress event reaching the page (its chunk of the change stream, tapped ` +
      `by a TransformStream around fetch) to the tile's progress bar's \`aria-valuenow\` changing (MutationObserver), and ` +
      `to the frame showing it. ${interaction.arrivals} progress events arrived, ${interaction.updates} progress bar ` +
      `updates were seen, ${interaction.samples.length} matched.`,
  );
  out();
  if (interaction.samples.length === 0) {
    out("No progress event could be matched to a tile update.");
  } else {
    out("| Event to | Median | 90th percentile | Max |");
    out("| --- | ---: | ---: | ---: |");
    out(`| tile updated (DOM) | ${median(dom).toFixed(1)} ms | ${quantile(dom, 0.9).toFixed(1)} ms | ${Math.max(...dom).toFixed(1)} ms |`);
    out(`| tile painted | ${median(painted).toFixed(1)} ms | ${quantile(painted, 0.9).toFixed(1)} ms | ${Math.max(...painted).toFixed(1)} ms |`);
  }
  out();

  if (existsSync(missesFile)) {
    out("## Misses explained");
    out();
    out(`From bench/MISSES.md, written by hand:`);
    out();
    out(readFileSync(missesFile, "utf8").replace(/^#\s+.*\n+/, "").trimEnd());
    out();
  }
  return { markdown: lines.join("\n") + "\n", misses: budgets.filter((b) => !b.ok) };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(serverBin)) throw new Error(`no server binary at ${serverBin}`);
  if (!existsSync(path.join(staticDir, "xms-m365_bg.wasm"))) throw new Error(`no built module in ${staticDir}`);
  installBaseline();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const cpuInfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
    const model = cpuInfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? "unknown";
    const environment = {
      date: new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"),
      cpu: `${model.trim()}, ${cpus().length} logical cores`,
      chromium: browser.version(),
      viewport: "1280×720",
      node: process.version,
      playwright: createRequire(import.meta.url)("playwright/package.json").version,
    };
    const weight = await measureWeight(browser);
    const repeat = await measureRepeatVisit(browser);
    const startup = await measureStartup(browser);
    startup.compact = await measureCompactStartup(browser);
    const big = await Server.start(["--seed-organizations", "1000", "--backup-duration", String(BACKUP_DURATION_S)]);
    let memory;
    let opening;
    let interaction;
    try {
      memory = await measureMemory(browser, big);
      // Before the interaction test, whose backups would still be sending progress events.
      opening = await measureOpening(browser, big);
      interaction = await measureInteraction(browser, big);
    } finally {
      await big.stop();
    }
    opening.users = await measureUsersOpening(browser);
    const network = await measureNetwork(browser);

    const { markdown, misses } = report({
      environment, weight, repeat, startup, memory, opening, interaction, network,
    });
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, markdown);
    process.stdout.write(markdown);
    log(`wrote ${path.relative(root, resultsFile)}`);
    if (misses.length > 0) {
      for (const miss of misses) log(`budget missed: ${miss.name}: ${miss.measured} (limit ${miss.limit})`);
      if (check) return 2;
    } else {
      log("every budget met");
    }
    return 0;
  } finally {
    await browser.close();
  }
}

let code = 1;
try {
  code = await main();
} catch (error) {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
} finally {
  await stopAllServers();
}
process.exit(code);
