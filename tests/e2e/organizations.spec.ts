// The Microsoft 365 tab in the reference shell: its loading, empty, listed and failure states.
import type { Page, Request } from "@playwright/test";
import { test, expect, holdClock, type XmsServer } from "./server";
import { expectAccessible } from "./axe";
import { STATUS, expectStatus } from "./tiles";

const contoso = {
  tenantId: "2f4a9c1e-6b7d-4e21-9a3f-0c5d8e7b1a01",
  name: "Contoso",
  domain: "contoso.onmicrosoft.com",
  users: 250,
};
const fabrikam = {
  tenantId: "8b3e5d2a-1c4f-4a6b-8d9e-2f7a0b3c4d02",
  name: "Fabrikam",
  domain: "fabrikam.com",
  users: 1,
};

test("the shell embeds the Microsoft 365 tab, which says when nothing is connected", async ({ page, xms }) => {
  await page.goto(xms.url);
  await expect(page.getByRole("navigation", { name: "XMS" }).getByRole("link", { name: "Microsoft 365" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Microsoft 365" })).toBeVisible();
  await expect(page.getByText("No Microsoft 365 organization is connected yet.")).toBeVisible();
  await expect(page).toHaveURL(/\/m365$/);
  await expectAccessible(page, "the empty dashboard");
});

test("connected organizations are listed with their domain and users", async ({ page, xms }) => {
  xms.addOrganization(fabrikam);
  xms.addOrganization(contoso);
  await page.goto(`${xms.url}/m365`);
  const list = page.getByRole("list", { name: "Organizations" });
  const items = list.getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByRole("heading", { name: "Contoso" })).toBeVisible();
  await expect(items.nth(0)).toContainText("contoso.onmicrosoft.com");
  await expect(items.nth(0)).toContainText("Protected users250 of 250");
  await expectStatus(items.nth(0), STATUS.never_backed_up);
  await expect(items.nth(1).getByRole("heading", { name: "Fabrikam" })).toBeVisible();
  await expect(items.nth(1)).toContainText("Protected users1 of 1");
  await expect(page.getByText("No Microsoft 365 organization is connected yet.")).toHaveCount(0);
});

test.describe("with generated organizations in every status", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "14"] });

  test("each tile says how its backup stands, and the exact time shows on focus", async ({ page, xms }) => {
    // The generated organizations are in every status but one: a backup running (30 seconds
    // long, which outlasts the test) makes it five.
    const { organizations: generated } = await xms.api("GET", "/m365/organizations");
    await xms.startBackup(generated.find((o: any) => o.status === "healthy").name);
    const { organizations } = await xms.api("GET", "/m365/organizations");
    expect(new Set(organizations.map((o: any) => o.status))).toEqual(new Set(Object.keys(STATUS)));
    await page.goto(xms.url);
    const list = page.getByRole("list", { name: "Organizations" });
    await expect(list.getByRole("listitem")).toHaveCount(14);
    const tile = (organization: any) => list.getByRole("article", { name: organization.name, exact: true });
    // Each tile says its own organization's status, in that status's words.
    for (const organization of organizations) {
      await expectStatus(tile(organization), STATUS[organization.status as keyof typeof STATUS]);
    }
    const failed = tile(organizations.find((o: any) => o.status === "last_backup_failed"));
    await expect(failed).toContainText("Failed: Microsoft Graph throttled the backup");
    const when = tile(organizations.find((o: any) => o.status === "healthy")).locator("time").first();
    await expect(when).toHaveText(/ago|now|yesterday/);
    const exact = when.locator(".m365-tile__exact");
    await expect(exact).not.toBeInViewport();
    await when.focus();
    await expect(exact).toBeInViewport();
    await expect(exact).toHaveText(/\([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M\)/);
    await expectAccessible(page, "tiles in every status");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page, "tiles in every status, dark theme");
  });
});

test("a loading state shows until XMS answers", async ({ page, xms }) => {
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/m365/organizations", async (route) => {
    await answered;
    await route.continue();
  });
  await page.goto(xms.url);
  await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveText("Loading organizations…");
  await expectAccessible(page, "the dashboard loading");
  release();
  await expect(page.getByText("No Microsoft 365 organization is connected yet.")).toBeVisible();
  await expect(page.getByText("Loading organizations…")).toHaveCount(0);
});

/**
 * Stops XMS as the module first asks it for the organizations: the shell page is already
 * loaded from the running server, and the module's request then finds nothing listening.
 * Every request for them waits for the stop to be done: the module may ask twice as it starts,
 * and a second request must not slip through to XMS while it is still stopping.
 */
async function stopAtFirstLoad(page: Page, xms: XmsServer) {
  let stopped: Promise<void> | undefined;
  await page.route("**/api/v1/m365/organizations", async (route) => {
    stopped ??= xms.stop();
    await stopped;
    await route.continue();
  });
}

test("when XMS cannot be reached, it says so and Retry recovers", async ({ page, xms }) => {
  await stopAtFirstLoad(page, xms);
  await page.goto(xms.url);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("XMS could not be reached.");

  // On its own the page would reload the list every few seconds while the change stream is
  // down: with its clock held, only Retry can bring the list once XMS is back.
  await holdClock(page);
  xms.addOrganization(contoso);
  await xms.restartOnSamePort();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("list", { name: "Organizations" }).getByRole("heading", { name: "Contoso" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a stopped server is reported, and the page recovers by itself once it is back", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  // While the change stream is down the page keeps reloading, so it recovers without a click
  // once the server is back on the same port.
  await stopAtFirstLoad(page, xms);
  await page.goto(xms.url);
  await expect(page.getByRole("alert")).toContainText("XMS could not be reached.");
  await expect(page.getByRole("status").filter({ hasText: "Live updates are interrupted" })).toBeVisible();
  await expectAccessible(page, "the dashboard failed to load, live updates interrupted");
  await xms.restartOnSamePort();
  await expect(page.getByRole("heading", { name: "Contoso" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByText("Live updates are interrupted")).toHaveCount(0);
});

// The two faults below are played rather than produced: the reference server cannot be made
// to fail its list on demand, nor does it stand behind a proxy that answers in HTML.
test("an answer that is not XMS's JSON is an error with words, not a crash", async ({ page, xms }) => {
  await page.route("**/api/v1/m365/organizations", (route) =>
    route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad Gateway</h1>" }),
  );
  await page.goto(xms.url);
  await expect(page.getByRole("alert")).toContainText("does not understand (HTTP 502)");
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("the server's error message is shown as it is", async ({ page, xms }) => {
  await page.route("**/api/v1/m365/organizations", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "XMS is starting up. Try again in a minute." } }),
    }),
  );
  await page.goto(xms.url);
  await expect(page.getByRole("alert")).toContainText("XMS is starting up. Try again in a minute.");
});

test("an address under the tab that has no page says so", async ({ page, xms }) => {
  await page.goto(`${xms.url}/m365/no-such-page`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page, "page not found");
  await expect(page.getByRole("navigation", { name: "XMS" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the Microsoft 365 organizations" }).click();
  await expect(page.getByText("No Microsoft 365 organization is connected yet.")).toBeVisible();
  await expect(page).toHaveURL(/\/m365\/?$/);
});

test("the list is asked for at once, and the change stream resumes from its event, missing no change", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const asked: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/v1/")) asked.push(path);
  });
  const list = page.waitForResponse((r) => r.url().endsWith("/api/v1/m365/organizations"));
  // The stream is held until a backup has started after the list was read.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let stream: Request | undefined;
  await page.route("**/api/v1/events", async (route) => {
    stream ??= route.request();
    await released;
    await route.continue();
  });
  await page.goto(xms.url);
  const { as_of: asOf } = await (await list).json();
  expect(asOf).toEqual(expect.any(String));
  await expect(page.getByRole("article", { name: "Contoso" })).toBeVisible();
  await xms.startBackup("Contoso");
  await expect.poll(() => stream !== undefined, "the stream is asked for once the list came").toBe(true);
  expect(await stream!.headerValue("last-event-id")).toBe(asOf);
  release();
  // The backup started before the stream opened reaches the tile all the same.
  await expect(page.getByRole("article", { name: "Contoso" }).getByRole("progressbar")).toBeVisible();
  expect(asked.indexOf("/api/v1/m365/organizations")).toBeLessThan(asked.indexOf("/api/v1/events"));
});
