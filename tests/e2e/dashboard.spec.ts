// The dashboard at work: Run backup with live progress, failures and refusals, cancelling,
// the change stream dropping, filtering and sorting kept in the URL, and 1,000 organizations.
import type { Page } from "@playwright/test";
import { test, expect, holdClock } from "./server";
import { expectAccessible } from "./axe";
import { STATUS, expectStatus, statusesIn, statusSortOf } from "./tiles";

const contoso = {
  tenantId: "2f4a9c1e-6b7d-4e21-9a3f-0c5d8e7b1a01",
  name: "Contoso",
  domain: "contoso.onmicrosoft.com",
  users: 250,
};
const THROTTLED = "Microsoft Graph throttled the backup (HTTP 429 Too Many Requests). XMS will retry at the next scheduled run.";
const northwind = {
  tenantId: "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e03",
  name: "Northwind Traders",
  domain: "northwindtraders.com",
  users: 40,
  backupFailure: THROTTLED,
};

/**
 * Starts recording every text the dashboard's announcement line shows, so a short-lived
 * announcement is still seen when the test gets to it late (a short backup on a busy machine can pass them all).
 */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const root = document.getElementById("xms-module")!.shadowRoot!;
    const heard: string[] = ((window as any).announced = []);
    new MutationObserver(() => {
      const text = root.querySelector(".m365-announce")?.textContent ?? "";
      if (text && heard[heard.length - 1] !== text) heard.push(text);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as any).announced as string[]);
}

/** The tile of the organization named `name`. */
function tile(page: Page, name: string) {
  return page.getByRole("article", { name });
}

test.describe("with backups that take 5 seconds", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--backup-duration", "5"] });

  test("Run backup shows live progress, then the new last backup, without a reload", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    await page.goto(xms.url);
    await page.evaluate(() => ((window as any).notReloaded = true));
    const contosoTile = tile(page, "Contoso");
    await expectStatus(contosoTile, STATUS.never_backed_up);
    const announced = await recordAnnouncements(page);
    await expect(contosoTile).toContainText("PolicyDefault policy");
    // The clocks start at 09:00 UTC; the default policy runs at 22:00 UTC.
    await expect(contosoTile).toContainText("Next backupin 13 hours");

    const run = contosoTile.getByRole("button", { name: "Run backup of Contoso" });
    await run.click();
    const progress = contosoTile.getByRole("progressbar", { name: "Backup of Contoso" });
    await expect(progress).toBeVisible();
    await expect(run).toBeDisabled();
    await expectStatus(contosoTile, STATUS.backup_running);
    // The bar moves: a value strictly between its start and its end is seen.
    await expect(progress).toHaveAttribute("aria-valuemin", "0");
    await expect(progress).toHaveAttribute("aria-valuemax", "100");
    await expect
      .poll(
        async () => {
          const now = await progress.getAttribute("aria-valuenow");
          return now !== null && 0 < Number(now) && Number(now) < 100;
        },
        { intervals: [50], message: "the progress bar showed a value strictly between 0 and 100" },
      )
      .toBe(true);
    await expect(progress).toHaveAttribute("aria-valuetext", /\d+% · [\d,]+ of 9,370 items/);
    await expectAccessible(page, "a tile with a backup running");

    await expect(contosoTile).toContainText("Succeeded, 9,370 items");
    await expectStatus(contosoTile, STATUS.healthy);
    // The backup started here was announced as it went, and its end too.
    await expect(page.getByRole("status").filter({ hasText: "The backup of Contoso succeeded: 9,370 items." })).toBeAttached();
    const heard = await announced();
    expect(heard[0]).toBe("Backup of Contoso started.");
    expect(heard.some((text) => /^Backup of Contoso: (25|50|75)% done\.$/.test(text))).toBe(true);
    expect(heard[heard.length - 1]).toBe("The backup of Contoso succeeded: 9,370 items.");
    await expect(progress).toHaveCount(0);
    await expect(run).toBeEnabled();
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
  });

  test("a failing organization shows the reason its backup failed", async ({ page, xms }) => {
    xms.addOrganization(northwind);
    await page.goto(xms.url);
    const northwindTile = tile(page, "Northwind Traders");
    await northwindTile.getByRole("button", { name: "Run backup of Northwind Traders" }).click();
    await expect(northwindTile.getByRole("progressbar")).toBeVisible();
    await expect(northwindTile).toContainText(`Failed: ${THROTTLED}`);
    await expectStatus(northwindTile, STATUS.last_backup_failed);
    await expect(page.getByRole("status").filter({ hasText: `The backup of Northwind Traders failed: ${THROTTLED}` })).toBeAttached();
    await expectAccessible(page, "a tile whose backup failed");
  });

  test("a backup that XMS is already running is refused with XMS's words", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    // Without the change stream the page only learns of the other backup at its next reload;
    // its reloads get the first answer again, so that it cannot learn of it before the click
    // (a reload in between made Run backup wait for the other backup, with nothing to refuse).
    await page.route("**/api/v1/events", (route) => route.abort("connectionrefused"));
    let firstList: string | undefined;
    await page.route("**/api/v1/m365/organizations", async (route) => {
      if (firstList === undefined) {
        const response = await route.fetch();
        firstList = await response.text();
        return route.fulfill({ response, body: firstList });
      }
      return route.fulfill({ status: 200, contentType: "application/json", body: firstList });
    });
    await page.goto(xms.url);
    const contosoTile = tile(page, "Contoso");
    await expectStatus(contosoTile, STATUS.never_backed_up);
    await xms.startBackup("Contoso");
    await contosoTile.getByRole("button", { name: "Run backup of Contoso" }).click();
    await expect(contosoTile.getByRole("alert")).toHaveText(
      "A backup of Contoso is already running. Wait for it to finish, or cancel it, before starting another.",
    );
    await expectAccessible(page, "a tile whose Run backup was refused");
  });

  test("without the change stream, polling still brings the backup to its end", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    await page.route("**/api/v1/events", (route) => route.abort("connectionrefused"));
    await page.goto(xms.url);
    await expect(page.getByRole("status").filter({ hasText: "Live updates are interrupted" })).toBeVisible();
    const contosoTile = tile(page, "Contoso");
    await contosoTile.getByRole("button", { name: "Run backup of Contoso" }).click();
    await expect(contosoTile.getByRole("progressbar")).toBeVisible();
    await expect(contosoTile).toContainText("Succeeded, 9,370 items", { timeout: 15_000 });
  });
});

test("a tile's times move on with the clock, and its text changes only when its words do", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await page.goto(xms.url);
  const contosoTile = tile(page, "Contoso");
  // The clocks start at 09:00 UTC; the default policy runs at 22:00 UTC.
  await expect(contosoTile).toContainText("Next backupin 13 hours");
  await holdClock(page);
  await contosoTile.evaluate((element) => {
    const changes: string[] = ((window as any).tileChanges = []);
    new MutationObserver(() => changes.push(element.textContent ?? "")).observe(element, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const changes = () => page.evaluate(() => (window as any).tileChanges as string[]);

  // A minute on, 12 hours 59 minutes are still "in 13 hours": the clock ticked four times,
  // and the tile was not touched.
  await page.clock.runFor(60_000);
  await expect(contosoTile).toContainText("Next backupin 13 hours");
  expect(await changes()).toEqual([]);

  // Late in the evening, the next tick says how near the backup has come.
  await page.clock.pauseAt(new Date("2026-12-01T21:40:00Z"));
  await page.clock.runFor(15_000);
  await expect(contosoTile).toContainText("Next backupin 20 minutes");
  expect((await changes()).length).toBeGreaterThan(0);
});

test.describe("with backups that take 20 seconds", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--backup-duration", "20"] });

  test("a running backup can be cancelled", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    await page.goto(xms.url);
    const contosoTile = tile(page, "Contoso");
    await contosoTile.getByRole("button", { name: "Run backup of Contoso" }).click();
    await expect(contosoTile.getByRole("progressbar")).toBeVisible();
    await contosoTile.getByRole("button", { name: "Cancel backup of Contoso" }).click();
    await expect(contosoTile.getByRole("progressbar")).toHaveCount(0);
    await expectStatus(contosoTile, STATUS.never_backed_up);
    const run = contosoTile.getByRole("button", { name: "Run backup of Contoso" });
    await expect(run).toBeEnabled();
    await expect(run).toBeFocused();
  });

  test("when the stream drops mid-backup, the tile still reaches the backup's end", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    await page.goto(xms.url);
    const contosoTile = tile(page, "Contoso");
    await contosoTile.getByRole("button", { name: "Run backup of Contoso" }).click();
    await expect(contosoTile.getByRole("progressbar")).toBeVisible();
    // XMS stops: the stream drops and the running backup is interrupted.
    await xms.stop();
    await expect(page.getByRole("status").filter({ hasText: "Live updates are interrupted" })).toBeVisible();
    await xms.restartOnSamePort();
    await expect(contosoTile).toContainText("Failed: Interrupted: XMS stopped while the backup was running.", {
      timeout: 20_000,
    });
    await expect(contosoTile.getByRole("progressbar")).toHaveCount(0);
    await expect(page.getByText("Live updates are interrupted")).toHaveCount(0, { timeout: 20_000 });
  });
});

test.describe("with 14 generated organizations", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "14"] });

  test("the filter and the sort order are kept in the URL, across a reload and the back button", async ({ page, xms }) => {
    await page.goto(xms.url);
    const tiles = page.getByRole("list", { name: "Organizations" }).getByRole("listitem");
    await expect(tiles).toHaveCount(14);
    await expect(page.getByRole("status").filter({ hasText: "organizations" })).toHaveText("14 organizations");

    const { organizations } = await xms.api("GET", "/m365/organizations");
    const first = organizations[0];
    const word = first.name.split(" ")[0];
    const matching = organizations.filter(
      (o: any) => o.name.toLowerCase().includes(word.toLowerCase()) || o.primary_domain.includes(word.toLowerCase()),
    );
    const filter = page.getByRole("searchbox", { name: "Filter by name or domain" });
    await filter.fill(word.toUpperCase());
    await expect(tiles).toHaveCount(matching.length);
    await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText(
      `Showing ${matching.length} of 14 organizations`,
    );
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word.toUpperCase()}`));

    const sort = page.getByRole("combobox", { name: "Sort by" });
    // What needs attention comes first unless another order is chosen.
    await expect(sort).toHaveValue("status");
    await sort.selectOption({ label: "Name" });
    await expect(page).toHaveURL(/sort=name/);

    await page.reload();
    await expect(filter).toHaveValue(word.toUpperCase());
    await expect(sort).toHaveValue("name");
    await expect(tiles).toHaveCount(matching.length);

    await page.goBack();
    await expect(sort).toHaveValue("status");
    await expect(filter).toHaveValue(word.toUpperCase());
    await expect(page).not.toHaveURL(/sort=/);

    await filter.fill("no such organization");
    await expect(page.getByText("No organization matches “no such organization”.")).toBeVisible();
    await expectAccessible(page, "a filter matching nothing");
    await page.getByRole("button", { name: "Clear the filter" }).click();
    await expect(tiles).toHaveCount(14);
    await expect(filter).toBeFocused();
  });

  test("the dashboard puts the organizations needing attention first unless sorted otherwise", async ({ page, xms }) => {
    // The generated organizations are in every status but one: a backup running (30 seconds
    // long, which outlasts the test) makes it five.
    const healthy = (await xms.api("GET", "/m365/organizations")).organizations.find((o: any) => o.status === "healthy");
    await xms.startBackup(healthy.name);
    const { organizations } = await xms.api("GET", "/m365/organizations");
    expect(new Set(organizations.map((o: any) => o.status))).toEqual(new Set(Object.keys(STATUS)));
    await page.goto(xms.url);
    const list = page.getByRole("list", { name: "Organizations" });
    const tiles = list.getByRole("listitem");
    await expect(tiles).toHaveCount(14);
    // Every position: re-authorization, failed, never backed up, running, then protected.
    await expect.poll(() => statusesIn(list)).toEqual(statusSortOf(organizations));
    // By name, they are listed as XMS lists them.
    await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Name" });
    await expect(list.getByRole("heading", { level: 2 })).toHaveText(organizations.map((o: any) => o.name));
    await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Last backup, oldest first" });
    await expect(tiles.first()).toContainText("Last backupNone yet");
  });
});

test.describe("with 1,000 generated organizations", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "1000", "--backup-duration", "2"] });

  test("all render, and a backup's progress changes its own tile only (and the summary's running count)", async ({ page, xms }) => {
    // Playwright's role queries over 1,000 tiles are slow (not the page): more time, and the
    // count is taken with CSS.
    test.slow();
    await page.goto(xms.url);
    await expect(page.getByText("1,000 organizations", { exact: true })).toBeVisible();
    const tiles = page.getByRole("list", { name: "Organizations" }).locator(":scope > li");
    await expect(tiles).toHaveCount(1000);
    const { organizations } = await xms.api("GET", "/m365/organizations");
    // A healthy one: its backups succeed (some generated organizations always fail).
    const target = organizations.find((o: any) => o.status === "healthy");

    // Records which tile each DOM change is in.
    await page.evaluate(() => {
      const root = document.getElementById("xms-module")!.shadowRoot!;
      const touched: string[] = [];
      (window as any).touched = touched;
      new MutationObserver((records) => {
        for (const record of records) {
          const node = record.target instanceof Element ? record.target : record.target.parentElement;
          // The summary counts the backup running while it runs.
          if (node?.closest(".m365-needs")) {
            touched.push("the summary");
            continue;
          }
          const tile = node?.closest("li");
          touched.push(tile?.querySelector("h2")?.textContent ?? `outside a tile: ${node?.outerHTML.slice(0, 80)}`);
        }
      }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await xms.startBackup(target.name);
    const targetTile = tiles.filter({ hasText: target.primary_domain });
    await expect(targetTile.getByRole("progressbar")).toBeVisible();
    await expect(targetTile).toContainText(/Succeeded, [\d,]+ items/);

    const touched: string[] = await page.evaluate(() => (window as any).touched);
    expect(touched.length).toBeGreaterThan(0);
    expect([...new Set(touched)].sort()).toEqual([target.name, "the summary"].sort());
  });
});
