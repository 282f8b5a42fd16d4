// The views a first load does not show (the Connect dialog, the Edit panel, the policy editor)
// come as wasm chunks of their own: fetched once the dashboard has shown (so that opening one
// does not wait for them), and, when fetching fails, a failure that says so and a Retry that
// fetches them again.
import { test, expect } from "./server";
import { contosoManual as contoso } from "./tenants";

/** The split build's chunk files (see xtask/src/module.rs). */
const CHUNK = /\/(split|chunk)_[^/]*\.wasm$/;

test("the views' code is fetched after the dashboard shows, and opening them needs no more", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const fetched: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (CHUNK.test(path)) fetched.push(path);
  });
  await page.goto(xms.url);
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await expect(tile).toBeVisible();
  for (const view of ["split_connect_dialog", "split_panels"]) {
    await expect.poll(() => fetched.some((path) => path.includes(view)), view).toBe(true);
  }

  // From now on no chunk can be fetched: every view still opens.
  await page.route(CHUNK, (route) => route.abort("connectionrefused"));
  await page.getByRole("button", { name: "Connect" }).click();
  const connect = page.getByRole("dialog", { name: "Connect a Microsoft 365 organization" });
  await expect(connect.getByRole("button", { name: /^Copy/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(connect).toHaveCount(0);
  await tile.getByRole("link", { name: "Edit Contoso Ltd" }).click();
  const panel = page.getByRole("dialog", { name: "Edit Contoso Ltd" });
  await expect(panel.getByRole("button", { name: "Save" })).toBeVisible();
  await panel.getByRole("button", { name: "Close" }).first().click();
  await page.getByRole("link", { name: "Custom policy of Contoso Ltd" }).click();
  await expect(page.getByRole("heading", { name: "Backup policy of Contoso Ltd" })).toBeVisible();
});

test("a panel whose code cannot be fetched says so, and Retry fetches it", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await page.route(CHUNK, (route) => route.abort("connectionrefused"));
  await page.goto(xms.url);
  await page.getByRole("article", { name: "Contoso Ltd" }).getByRole("link", { name: "Edit Contoso Ltd" }).click();
  // The summary above the list is a view of the same chunk: it says so too, before the panel.
  const alerts = page.getByRole("alert");
  await expect(alerts).toHaveCount(2);
  for (const alert of await alerts.all()) await expect(alert).toContainText("XMS could not be reached.");

  await page.unroute(CHUNK);
  await alerts.last().getByRole("button", { name: "Retry" }).click();
  const panel = page.getByRole("dialog", { name: "Edit Contoso Ltd" });
  await expect(panel.getByRole("button", { name: "Save" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(alerts).toHaveCount(1);
  await alerts.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("list", { name: "Needs attention" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
