// The module in a host page that is not its own: each way of signing in, two instances, a
// hostile host stylesheet, the host's links, the events it raises, clean removal, and the
// reference shell under its strict Content Security Policy.
import type { Page, Request } from "@playwright/test";
import { test, expect, holdClock } from "./server";

const TOKEN = "xms-development-token";
const contoso = {
  tenantId: "2f4a9c1e-6b7d-4e21-9a3f-0c5d8e7b1a01",
  name: "Contoso",
  domain: "contoso.onmicrosoft.com",
  users: 250,
};

// A host with a stylesheet that tries to break everything, its own button and links, and
// nothing of the module until a test mounts it.
const HOST = `<!doctype html>
<html lang="en"><head><title>Host</title>
<style>
  * { all: unset; }
  button { display: none !important; }
  .m365-button, h1 { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
  .host-own { display: block; color: rgb(0, 128, 0); }
</style></head>
<body>
  <a class="host-own" href="/other.html">Host's own page</a>
  <p class="host-own m365-status" id="host-text">Host text</p>
  <div id="one"></div><div id="two"></div>
  <script type="module">
    import init, { mount } from "/xms-m365.js";
    await init();
    window.hostEvents = [];
    for (const name of ["unauthorized", "organization-added", "organization-removed", "navigate"]) {
      document.addEventListener("xms-m365:" + name, (e) => window.hostEvents.push({ name, detail: e.detail }));
    }
    window.mountInto = (id, options) => (window[id] = mount(document.getElementById(id), options));
    window.hostReady = true;
  </script>
</body></html>`;

/** Opens the host page (served at /host by the test, beside the module's files); the module's
 * base path is /host, and the host's other page is outside it. */
async function openHost(page: Page, url: string) {
  await page.route(`${url}/host`, (route) => route.fulfill({ contentType: "text/html", body: HOST }));
  await page.route(`${url}/other.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<h1>Host's other page</h1>" }),
  );
  await page.goto(`${url}/host`);
  await page.waitForFunction(() => (window as any).hostReady);
}

test("two instances mount with a bearer token, unharmed by a hostile host stylesheet and leaving it alone", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openHost(page, xms.url);
  await page.evaluate((token) => {
    (window as any).mountInto("one", { apiBase: "/api/v1", token, basePath: "/host" });
    (window as any).mountInto("two", { apiBase: "/api/v1", token, basePath: "/host" });
  }, TOKEN);
  await expect(page.getByRole("heading", { name: "Microsoft 365" })).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Contoso" })).toHaveCount(2);
  const connect = page.locator("#one").getByRole("button", { name: "Connect" });
  await expect(connect).toBeVisible();
  expect(await connect.evaluate((b) => getComputedStyle(b).color)).not.toBe("rgb(255, 0, 0)");
  expect(await page.locator("#one").getByRole("heading", { name: "Microsoft 365" }).evaluate((h) => getComputedStyle(h).fontSize)).not.toBe("40px");
  // The module's styles do not reach the host's elements, even with the module's class names.
  expect(await page.locator("#host-text").evaluate((p) => getComputedStyle(p).color)).toBe("rgb(0, 128, 0)");

  // The host's own link is the host's: a full navigation, not the module's router.
  await page.getByRole("link", { name: "Host's own page" }).click();
  await expect(page.getByRole("heading", { name: "Host's other page" })).toBeVisible();
});

test("getToken is asked for a token for each request", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openHost(page, xms.url);
  // The Authorization header of every request to XMS, in the order they were sent.
  const sent: Promise<string | undefined>[] = [];
  const record = (request: Request) => {
    if (new URL(request.url()).pathname.startsWith("/api/v1/")) {
      // A request the page sends as it closes is not one to check.
      sent.push(request.allHeaders().then((headers) => headers.authorization, () => "(the page closed)"));
    }
  };
  page.on("request", record);
  // What getToken gave, each time it was asked: the host's current token.
  await page.evaluate((token) => {
    const host = window as any;
    host.token = token;
    host.given = [];
    host.mountInto("one", {
      apiBase: "/api/v1",
      getToken: async () => {
        host.given.push(host.token);
        return host.token;
      },
      basePath: "/host",
    });
  }, TOKEN);
  const given = () => page.evaluate(() => (window as any).given as string[]);
  /** Once as many tokens were given as requests sent: that each request carried its own. */
  const expectEachRequestCarriedItsOwn = async () => {
    await expect
      .poll(async () => (await given()).length - sent.length, { message: "getToken calls less requests sent" })
      .toBe(0);
    expect((await Promise.all(sent)).sort()).toEqual((await given()).map((token) => `Bearer ${token}`).sort());
  };
  await expect(page.getByRole("heading", { name: "Contoso" })).toBeVisible();
  await expectEachRequestCarriedItsOwn();
  // The change stream and the list at least.
  expect(sent.length).toBeGreaterThanOrEqual(2);

  // The host's token changes (XMS does not know this one): the next request carries it, not
  // one the module kept.
  const before = sent.length;
  await page.evaluate(() => ((window as any).token = "a-token-the-host-renewed"));
  await page.getByRole("button", { name: "Run backup of Contoso" }).click();
  await expect(page.locator("#one").getByRole("alert")).toContainText("API token");
  await expectEachRequestCarriedItsOwn();
  expect(sent.length).toBeGreaterThan(before);
  expect(await Promise.all(sent.slice(before))).toEqual(
    Array(sent.length - before).fill("Bearer a-token-the-host-renewed"),
  );
  page.off("request", record);
});

test("a refused session raises the unauthorized event and says so", async ({ page, xms }) => {
  await openHost(page, xms.url);
  await page.evaluate(() => (window as any).mountInto("one", { apiBase: "/api/v1", token: "expired", basePath: "/host" }));
  await expect(page.locator("#one").getByRole("alert")).toContainText("API token");
  const events = await page.evaluate(() => (window as any).hostEvents.map((e: any) => e.name));
  expect(events).toContain("unauthorized");
});

test("the host hears of navigation and of organizations coming and going", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openHost(page, xms.url);
  await page.evaluate((token) => (window as any).mountInto("one", { apiBase: "/api/v1", token, basePath: "/host" }), TOKEN);
  await page.getByRole("link", { name: "Edit Contoso" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Contoso" })).toBeVisible();
  const id = (await xms.api("GET", "/m365/organizations")).organizations[0].id;
  await xms.api("DELETE", `/m365/organizations/${id}`);
  const events = () => page.evaluate(() => (window as any).hostEvents);
  await expect.poll(events).toContainEqual({ name: "organization-removed", detail: { id } });
  expect(await events()).toContainEqual({
    name: "navigate",
    detail: { path: `/organizations/${id}/edit`, title: "Edit organization" },
  });
});

test("unmount removes everything, and 200 mount/unmount cycles leave nothing behind", async ({ page, xms }) => {
  await openHost(page, xms.url);
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    const { result } = await cdp.send("Runtime.evaluate", { expression: "document" });
    const onDocument = (await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId! })).listeners.length;
    const { result: win } = await cdp.send("Runtime.evaluate", { expression: "window" });
    const onWindow = (await cdp.send("DOMDebugger.getEventListeners", { objectId: win.objectId! })).listeners.length;
    return { heap, listeners: onDocument + onWindow };
  };
  const cycles = (n: number) =>
    page.evaluate(
      async ({ n, token }) => {
        for (let i = 0; i < n; i++) {
          const module = (window as any).mountInto("one", { apiBase: "/api/v1", token, basePath: "/host" });
          await new Promise((resolve) => setTimeout(resolve, 0));
          module.unmount();
        }
      },
      { n, token: TOKEN },
    );
  await cycles(20);
  const before = await measure();
  await cycles(200);
  const after = await measure();
  expect(after.listeners).toBe(before.listeners);
  // Allow for noise, not for what 200 leaked instances would hold.
  expect(after.heap - before.heap).toBeLessThan(1_000_000);
  expect(await page.locator("#one").evaluate((e) => e.shadowRoot!.childElementCount)).toBe(0);

  // Nothing keeps asking XMS once unmounted: no stream, no polling. The page's clock is held,
  // then run on, twice, past the longest wait between attempts to reach XMS (15 s), so every
  // wait an instance left behind could be in runs out.
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await holdClock(page);
  await page.clock.runFor(20_000);
  await page.clock.runFor(20_000);
  expect(requests).toEqual([]);
});

test("the reference shell runs under its strict Content Security Policy", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(xms.url);
  expect(response!.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.getByRole("heading", { name: "Contoso" })).toBeVisible();
  await page.getByRole("button", { name: "Run backup of Contoso" }).click();
  await expect(page.getByRole("progressbar", { name: "Backup of Contoso" })).toBeVisible();
  expect(violations).toEqual([]);
});
