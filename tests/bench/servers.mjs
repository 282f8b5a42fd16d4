// What the benchmark and the weight ratchet share: where the server binary and the built
// module are, the Chromium flags, logging, and reference servers on loopback (each on a free port
// with its own throw-away data directory).
//
// Environment: XMS_SERVER_BIN (the server binary), XMS_STATIC_DIR (the built module and shell),
// CHROMIUM.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const serverBin = process.env.XMS_SERVER_BIN ?? path.join(root, "target/release/xms-server");
export const staticDir = process.env.XMS_STATIC_DIR ?? path.join(root, "target/bench/dist");
/** The reference server's development API token. */
export const TOKEN = "xms-development-token";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // performance.memory without its coarse rounding, and gc() for good measure.
  "--enable-precise-memory-info",
  "--js-flags=--expose-gc",
];

export const log = (message) => process.stderr.write(`bench: ${message}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const servers = new Set();

/** A reference server on a free port with its own throw-away data directory. */
export class Server {
  static async start(args) {
    const server = new Server();
    server.dataDir = mkdtempSync(path.join(tmpdir(), "xms-bench-"));
    servers.add(server);
    const child = spawn(
      serverBin,
      ["--port", "0", "--data-dir", server.dataDir, "--static-dir", staticDir, ...args],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    server.child = child;
    let output = "";
    // Drained, or a chatty server would block on a full pipe.
    child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    server.url = await new Promise((resolve, reject) => {
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const match = stdout.match(/listening on (http:\/\/\S+)/);
        if (match) resolve(match[1].replace(/\/$/, ""));
      });
      child.on("exit", (code) =>
        reject(new Error(`xms-server exited (${code}) before listening:\n${stdout}${output}`)),
      );
    });
    return server;
  }

  async stop() {
    servers.delete(this);
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Calls the API as another client would, with the bearer token. */
  async api(method, apiPath) {
    const response = await fetch(`${this.url}/api/v1${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    const body = response.status === 204 ? undefined : await response.json();
    if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }
}

/** Stops every server still running (after a failure). */
export async function stopAllServers() {
  for (const server of [...servers]) await server.stop();
}
