// The packed npm package as an XMS front-end team installs it: extracted into a throw-away
// host of its own (its page, its server, a strict Content Security Policy, the package's SRI
// hashes in an import map), with tests/host/host.ts as the host's program. The module mounts
// from the package alone and connects an organization; the host hears its events.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { transformSync } from "esbuild";
import { test, expect, API_TOKEN, type XmsServer } from "./server";
import { forwardTo } from "./proxy";
import { signIn } from "./sign-in";

const PACKAGE = "@xopero/xms-m365";
const INSTALLED = `/node_modules/${PACKAGE}/`;
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".html": "text/html",
  ".json": "application/json",
};

const sri = (bytes: Buffer | string) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** A host page serving the package extracted from `tarball`, and XMS's API through itself. */
async function startHost(tarball: string, xms: XmsServer): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "xms-host-"));
  execFileSync("tar", ["-xzf", tarball, "-C", dir]);
  const installed = path.join(dir, "package");
  const manifest = JSON.parse(readFileSync(path.join(installed, "integrity.json"), "utf8"));
  const scripts = Object.keys(manifest.files).filter((file) => file.endsWith(".js"));
  const importmap = JSON.stringify({
    imports: { [PACKAGE]: `${INSTALLED}xms-m365.js` },
    integrity: Object.fromEntries(scripts.map((file) => [`${INSTALLED}${file}`, manifest.files[file].integrity])),
  });
  const source = readFileSync(path.join(__dirname, "..", "host", "host.ts"), "utf8");
  const hostJs = transformSync(source, { loader: "ts", format: "esm", target: "es2022" }).code;
  const page = readFileSync(path.join(__dirname, "..", "host", "host.html"), "utf8")
    .replace("{{token}}", API_TOKEN)
    .replace("{{importmap}}", importmap)
    .replace("{{host-integrity}}", sri(hostJs));
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' 'sha256-${createHash("sha256").update(importmap).digest("base64")}'`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://host");
    if (url.pathname.startsWith("/api/")) return forwardTo(xms.url, request, response);
    if (url.pathname === "/host.js") {
      response.writeHead(200, { "Content-Type": "text/javascript" }).end(hostJs);
      return;
    }
    if (url.pathname.startsWith(INSTALLED)) {
      const file = path.join(installed, path.normalize(url.pathname.slice(INSTALLED.length)));
      if (!file.startsWith(installed)) return void response.writeHead(403).end();
      try {
        const body = readFileSync(file);
        response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    // The host's own pages: the module's routes live under /m365.
    response.writeHead(200, { "Content-Type": "text/html", "Content-Security-Policy": csp }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("the packed package mounts in a host page of its own under a strict CSP with SRI, connects an organization and tells the host", async ({ page, context, xms }) => {
  const tarball = process.env.XMS_PACKAGE;
  test.skip(!tarball, "XMS_PACKAGE names the tarball `cargo xtask test` packs");
  const host = await startHost(tarball!, xms);
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|integrity/i.test(message.text())) refused.push(message.text());
  });
  try {
    await page.goto(`${host.url}/m365`);
    const events = page.getByRole("list", { name: "Host events" });
    await page.getByRole("button", { name: "Connect" }).click();
    const dialog = page.getByRole("dialog", { name: "Connect a Microsoft 365 organization" });
    const codeBox = dialog.getByLabel("App authentication code");
    await expect(codeBox).toHaveText(/^[A-Z0-9]{6,}$/);
    // The development authority is XMS's origin, not the host's, and plain http: the module
    // names its address without linking it (it links only https or its page's origin), so the
    // administrator opens it.
    await expect(dialog.getByRole("alert")).toContainText(`${xms.url}/devicelogin`);
    const tab = await context.newPage();
    await tab.goto(`${xms.url}/devicelogin`);
    await signIn(tab, (await codeBox.textContent())!, /Megan Bowen/, "Continue");
    await expect(dialog.getByText("Organization connected")).toBeVisible();
    await expect(events).toContainText("organization-added: Contoso Ltd (with an id)");
    await dialog.getByRole("button", { name: "Done" }).click();

    await page.getByRole("article", { name: "Contoso Ltd" }).getByRole("link", { name: "Edit Contoso Ltd" }).click();
    await expect(events).toContainText(/navigate: \/organizations\/[^/]+\/edit \(Edit organization\)/);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(page.getByRole("button", { name: "Verbinden" })).toBeVisible();
    expect(refused, "the browser refused a script or a style").toEqual([]);
  } finally {
    await host.close();
  }
});
