// Where the module's start-up time goes: a CPU profile (CDP Profiler) of cold loads of the shell
// with N organizations, self time summed by function, to explain the start-up ratio:
//
//   XMS_STATIC_DIR=<a build with names> node tests/bench/profile.mjs [organizations] [loads]
//
// The release build strips the wasm's function names; profile a copy whose main wasm kept them
// (wasm-bindgen on target/wasm-split/xms-m365.wasm, then `wasm-opt -Oz -g`). Prints the top
// functions by self time (mean over the loads) and the totals by kind: the module's wasm, the
// browser's own work (style, layout, parsing, GC) and JavaScript.

import { chromium } from "playwright";
import { paintProbe } from "./probes.mjs";
import { CHROMIUM_ARGS, Server, log, stopAllServers } from "./servers.mjs";

const organizations = Number(process.argv[2] ?? 1000);
const loads = Number(process.argv[3] ?? 3);

/** Adds each node's self time (µs) to `totals`, keyed by function (and its script, for JS). */
function addSelfTimes(profile, totals) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const script = callFrame.url.split("/").pop();
    const key = `${callFrame.functionName || "(anonymous)"}${script ? ` [${script}]` : ""}`;
    totals.set(key, (totals.get(key) ?? 0) + micros);
  }
}

const kindOf = (key) =>
  key.includes(".wasm]") ? "wasm" : /^\((program|garbage collector|idle|root)\)/.test(key) ? key.split(" ")[0] : "JavaScript and the browser's work";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
const server = await Server.start(["--seed-organizations", String(organizations)]);
try {
  const totals = new Map();
  for (let load = 0; load <= loads; load++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await page.addInitScript(paintProbe, organizations);
    await cdp.send("Profiler.start");
    await page.goto(`${server.url}/m365`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.allPaint !== null, null, { timeout: 60_000 });
    const { profile } = await cdp.send("Profiler.stop");
    const times = await page.evaluate(() => window.__bench);
    await context.close();
    // The first load warms the server and the disk cache.
    if (load === 0) continue;
    log(`load ${load}: all tiles painted at ${Math.round(times.allPaint)} ms`);
    addSelfTimes(profile, totals);
  }
  const ms = (micros) => (micros / loads / 1000).toFixed(1);
  const kinds = new Map();
  for (const [key, micros] of totals) kinds.set(kindOf(key), (kinds.get(kindOf(key)) ?? 0) + micros);
  console.log(`Self time, mean of ${loads} loads with ${organizations} organizations (ms):`);
  for (const [kind, micros] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${ms(micros).padStart(8)}  ${kind}`);
  console.log("Top functions:");
  for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${ms(micros).padStart(8)}  ${key}`);
  }
} finally {
  await server.stop();
  await stopAllServers();
  await browser.close();
}
