// The weight of the module's first load: what the reference shell fetches of the module (wasm,
// JavaScript, CSS) until its tiles are painted, compressed as a CDN would serve it. What the
// module fetches after that (the panels' chunks, when the browser is idle) is listed as
// "later": part of the total of all chunks, not of the first load. The benchmark
// reports it; `cargo xtask test` runs this file as the weight ratchet:
//
//   node tests/bench/weight.mjs bench/weight-budget
//
// fails (exit 2) when the first load's brotli total exceeds the number in that file (by more
// than the build's own noise), printing both. Whoever makes the module lighter lowers the number in the same commit.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { chromium } from "playwright";
import { paintProbe } from "./probes.mjs";
import { CHROMIUM_ARGS, Server, log, root, sleep, stopAllServers } from "./servers.mjs";

/** The kind of a first-load response that counts as weight, or null. */
export function assetKind(pathname, contentType = "") {
  if (pathname.endsWith(".wasm") || contentType.includes("wasm")) return "wasm";
  if (contentType.includes("javascript") || pathname.endsWith(".js")) return "JS";
  if (contentType.includes("css") || pathname.endsWith(".css")) return "CSS";
  return null;
}

/** What the shell page itself loads: not the module's weight. */
export const SHELL_ASSETS = new Set(["/shell.js", "/shell.css"]);

export async function measureWeight(browser) {
  log("weight: first load of the shell with 10 organizations");
  const server = await Server.start(["--seed-organizations", "10"]);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const responses = [];
    page.on("response", (response) => responses.push(response));
    await page.addInitScript(paintProbe, 10);
    await page.goto(`${server.url}/m365`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    // The instant all tiles were painted, in the wall-clock ms that request timings use.
    const painted = await page.evaluate(() => performance.timeOrigin + window.__bench.allPaint);
    // What the module fetches once it is idle comes within this.
    await sleep(2000);
    const rows = [];
    const requests = [];
    for (const response of responses) {
      const url = new URL(response.url());
      requests.push(`${response.request().method()} ${url.pathname}`);
      const kind = assetKind(url.pathname, response.headers()["content-type"]);
      if (!kind) continue;
      const body = await response.body();
      const requested = response.request().timing().startTime;
      rows.push({
        path: url.pathname,
        kind,
        owner: SHELL_ASSETS.has(url.pathname) ? "shell" : requested <= painted ? "module" : "later",
        // The bytes the server actually sent (compressed when the browser accepted it).
        sent: (await response.request().sizes()).responseBodySize,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }).length,
      });
    }
    return { rows, requests };
  } finally {
    await context.close();
    await server.stop();
  }
}

/** The module's share of a first load, in brotli bytes. */
export const moduleBrotli = (rows) =>
  rows.filter((row) => row.owner === "module").reduce((total, row) => total + row.brotli, 0);

/**
 * How many brotli bytes the same source may weigh more from one build to the next: wasm-split-cli
 * writes some names of its loader (`__wasm_split.js`) in hash-map order, which compresses a
 * few bytes differently (seen: 2). A real change of the module is far larger.
 */
const BUILD_NOISE = 64;

async function ratchet(budgetFile) {
  const budget = Number(readFileSync(budgetFile, "utf8").trim());
  if (!Number.isInteger(budget) || budget <= 0) throw new Error(`${budgetFile} holds no byte count`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const { rows } = await measureWeight(browser);
    for (const row of rows.filter((r) => r.owner !== "shell")) {
      const when = row.owner === "later" ? " (fetched after the first paint)" : "";
      log(`  ${row.path}: ${row.raw} B raw, ${row.brotli} B brotli, ${row.sent} B sent${when}`);
    }
    const total = moduleBrotli(rows);
    const file = path.relative(root, budgetFile);
    if (total > budget + BUILD_NOISE) {
      log(`the first load is ${total} B brotli, heavier than the ${budget} B in ${file}`);
      return 2;
    }
    log(`the first load is ${total} B brotli; ${file} allows ${budget} B` +
      (total < budget ? ` (lighter: lower it to ${total})` : ""));
    return 0;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let code = 1;
  try {
    code = await ratchet(path.resolve(process.argv[2] ?? path.join(root, "bench/weight-budget")));
  } catch (error) {
    process.stderr.write(`weight: ${error.stack ?? error}\n`);
  } finally {
    await stopAllServers();
  }
  process.exit(code);
}
